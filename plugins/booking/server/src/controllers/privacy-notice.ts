import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { z } from 'zod';
import { language } from '../schemas/fields';
import { parseOrThrow } from '../schemas/parse';
import { getService } from '../utils/get-service';

const query = z.object({ locale: language.default('zh-CN') }).loose();

/** The privacy notice the forms show by their consent box, and its version, which the forms send back. */
const privacyNotice = ({ strapi }: { strapi: Core.Strapi }) => ({
  async show(ctx: Context) {
    const { locale } = parseOrThrow(query, ctx.query);
    ctx.body = { data: await getService(strapi, 'privacyNotice').current(locale) };
  },
});

export default privacyNotice;
