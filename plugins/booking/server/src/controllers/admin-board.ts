import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { boardQuery } from '../schemas/board';
import { parseOrThrow } from '../schemas/parse';
import { seesFullContacts, withPhonesMasked } from '../utils/contact-exposure';
import { getService } from '../utils/get-service';
import { stringifyInSlices } from '../utils/json-in-slices';
import { mapInSlices } from '../utils/slices';

/** Items masked and written between two turns of the event loop: a week of 200 rooms has thousands. */
const ITEMS_PER_SLICE = 500;

/** The front desk's board: every room against time, for a day or a week. */
const adminBoard = ({ strapi }: { strapi: Core.Strapi }) => ({
  async show(ctx: Context) {
    const query = parseOrThrow(boardQuery, ctx.query);
    const data = await getService(strapi, 'board').forDays(query);
    // Only items carry people's contacts (a reservation's); contactsFor's rule, a slice at a time.
    const items = seesFullContacts(ctx) ? data.items : await mapInSlices(data.items, ITEMS_PER_SLICE, (slice) => withPhonesMasked(slice));
    ctx.type = 'application/json; charset=utf-8';
    ctx.body = await stringifyInSlices({ data: { ...data, items } }, ITEMS_PER_SLICE);
  },
});

export default adminBoard;
