import { z } from 'zod';

export const localeQuery = z
  .string()
  .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, 'must be a locale code such as zh-CN or en')
  .optional();

export const roomListQuery = z.object({ locale: localeQuery }).loose();

export const slugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a slug of lower-case letters, digits and hyphens');

export const slugParams = z.object({ slug: slugSchema });
