import type { Core } from '@strapi/strapi';
import type { AboutKind, ListMessages, StaffMessage } from '../../../shared/contracts/messages';
import { dayBounds, type IsoDate } from '../core/time/zoned';
import { messageRepository, type MessageState } from '../outbox/message-repository';
import { notFound } from '../utils/errors';
import { getService } from '../utils/get-service';
import { bookingConfig } from '../utils/plugin-config';
import { toStaffMessage } from '../views/message-view';
import { assertMaySee, type StaffReader } from './staff-reader';

/** The delivery log as staff read it: one booking's messages, the failures, and sending a failed one again. */
const messageLog = ({ strapi }: { strapi: Core.Strapi }) => {
  const messages = () => messageRepository(strapi);
  const tz = () => bookingConfig(strapi).timezone;

  return {
    /** Every message about one reservation (its reference) or enrolment (its documentId), oldest first. */
    async about(about: { kind: AboutKind; id: string }, reader: StaffReader): Promise<ListMessages.Response> {
      assertMaySee(reader, about.kind);
      const rows = await messages().about(about.kind, about.id);
      return { data: rows.map((r) => toStaffMessage(r, tz())), meta: { capped: false, limit: rows.length } };
    },

    /** Messages in `states` written between the days `from` and `to` (inclusive), failures first, at most `limit`. */
    async list(filter: { states?: MessageState[]; from?: IsoDate; to?: IsoDate; limit: number }, reader: StaffReader): Promise<ListMessages.Response> {
      const { rows, capped } = await messages().list({
        states: filter.states,
        aboutKinds: reader.aboutKinds,
        since: filter.from ? dayBounds(filter.from, tz()).start : undefined,
        until: filter.to ? dayBounds(filter.to, tz()).end : undefined,
        limit: filter.limit,
      });
      return { data: rows.map((r) => toStaffMessage(r, tz())), meta: { capped, limit: filter.limit } };
    },

    /** A failed message sent again (a call put back on the call list); 403 when the reader may not see it. */
    async retry(id: number, reader: StaffReader): Promise<StaffMessage> {
      const message = await messages().find(id);
      if (!message) throw notFound(`There is no message ${id}`);
      assertMaySee(reader, message.about.kind);
      return toStaffMessage(await getService(strapi, 'outbox').retry(id, reader.name), tz());
    },
  };
};

export default messageLog;
