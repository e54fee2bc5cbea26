import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { boardQuery } from '../schemas/board';
import { parseOrThrow } from '../schemas/parse';
import { seesFullContacts } from '../utils/contact-exposure';
import { getService } from '../utils/get-service';
import { jsonStream } from '../utils/json-stream';

/** The front desk's board: every room against time, for a day or a week. */
const adminBoard = ({ strapi }: { strapi: Core.Strapi }) => ({
  async show(ctx: Context) {
    const query = parseOrThrow(boardQuery, ctx.query);
    // Phones are masked as each slice of rooms is written (services/board.ts), not in one walk over
    // a week of every room afterwards, which kept the CMS from other requests for up to 90 ms.
    const data = await getService(strapi, 'board').forDays(query, { maskPhones: !seesFullContacts(ctx) });
    // A week of every room is megabytes of JSON: written a slice at a time (utils/json-stream.ts).
    ctx.type = 'application/json; charset=utf-8';
    ctx.body = jsonStream({ data });
  },
});

export default adminBoard;
