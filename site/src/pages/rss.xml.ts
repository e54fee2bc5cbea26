import type { APIRoute } from 'astro';
import { newsFeed } from '../lib/rss';

export const GET: APIRoute = (context) => newsFeed('zh-CN', context.site!);
