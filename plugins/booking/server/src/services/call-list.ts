import type { Core } from '@strapi/strapi';
import type { CallEntry, ListCalls, TickCall } from '../../../shared/contracts/messages';
import { dayBounds, zonedDateOf, type IsoDate } from '../core/time/zoned';
import { messageRepository } from '../outbox/message-repository';
import { now } from '../utils/clock';
import { ConflictError, notFound } from '../utils/errors';
import { bookingConfig } from '../utils/plugin-config';
import { groupCalls } from '../views/call-list';
import { toCallEntry } from '../views/message-view';
import { assertMaySee, type StaffReader } from './staff-reader';

/**
 * The staff's call list (电话通知名单): residents who chose a phone call, or gave no other way to
 * reach them, are rung by staff, who tick off who was reached.
 */
const callList = ({ strapi }: { strapi: Core.Strapi }) => {
  const messages = () => messageRepository(strapi);
  const tz = () => bookingConfig(strapi).timezone;

  return {
    /** The calls of `date` (today on the centre's clock when not given): still to ring by then, or ticked that day. */
    async day(date: IsoDate | undefined, reader: StaffReader): Promise<ListCalls.Response['data']> {
      const day = date ?? zonedDateOf(now(), tz());
      const bounds = dayBounds(day, tz());
      const rows = await messages().calls(bounds.start, bounds.end, reader.aboutKinds);
      return { date: day, people: groupCalls(rows.map((r) => ({ name: r.name, phone: r.recipient, entry: toCallEntry(r, tz()) }))) };
    },

    /** Ticks one call: reached or not, by the reader, with a note. 404 for no such call, 409 when it was ticked already. */
    async tick(id: number, tick: { outcome: TickCall.Outcome; note?: string | null }, reader: StaffReader): Promise<CallEntry> {
      const message = await messages().find(id);
      if (!message || message.channel !== 'call') throw notFound(`There is no call ${id} on the call list`);
      assertMaySee(reader, message.about.kind);
      const ticked = await messages().tickCall(id, { reached: tick.outcome === 'reached', handledBy: reader.name, note: tick.note ?? null }, now());
      if (!ticked) {
        const current = (await messages().find(id))!;
        throw new ConflictError(`This call was ticked already (${current.state === 'sent' ? 'reached' : 'not reached'}${current.handledBy ? `, by ${current.handledBy}` : ''})`, { state: current.state, handledBy: current.handledBy });
      }
      return toCallEntry((await messages().find(id))!, tz());
    },
  };
};

export default callList;
