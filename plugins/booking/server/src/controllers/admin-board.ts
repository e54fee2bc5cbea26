import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { boardQuery } from '../schemas/board';
import { parseOrThrow } from '../schemas/parse';
import { contactsFor } from '../utils/contact-exposure';
import { getService } from '../utils/get-service';
import { jsonStream } from '../utils/json-stream';

/** The front desk's board: every room against time, for a day or a week. */
const adminBoard = ({ strapi }: { strapi: Core.Strapi }) => ({
  async show(ctx: Context) {
    const query = parseOrThrow(boardQuery, ctx.query);
    const data = contactsFor(ctx, await getService(strapi, 'board').forDays(query));
    // A week of every room is megabytes of JSON: written a slice at a time (utils/json-stream.ts).
    ctx.type = 'application/json; charset=utf-8';
    ctx.body = jsonStream({ data });
  },
});

export default adminBoard;
