import type { APIRoute } from 'astro';
import { newsFeed } from '../../lib/rss';

export const GET: APIRoute = (context) => newsFeed('en', context.site!);
