import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { boardQuery } from '../schemas/board';
import { parseOrThrow } from '../schemas/parse';
import { contactsFor } from '../utils/contact-exposure';
import { getService } from '../utils/get-service';

/** The front desk's board: every room against time, for a day or a week. */
const adminBoard = ({ strapi }: { strapi: Core.Strapi }) => ({
  async show(ctx: Context) {
    const query = parseOrThrow(boardQuery, ctx.query);
    ctx.body = { data: contactsFor(ctx, await getService(strapi, 'board').forDays(query)) };
  },
});

export default adminBoard;
