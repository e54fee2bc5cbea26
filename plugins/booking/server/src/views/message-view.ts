import type { CallEntry, StaffMessage } from '../../../shared/contracts/messages';
import { maskRecipient } from '../../../shared/mask-contact';
import { instantToZonedIso } from '../core/time/zoned';
import type { MessageRow } from '../outbox/message-repository';

const zoned = (d: Date | null, tz: string): string | null => (d ? instantToZonedIso(d, tz) : null);

/** A message in the delivery log as staff read it: the recipient masked, times on the centre's clock. */
export const toStaffMessage = (row: MessageRow, tz: string): StaffMessage => ({
  id: row.id,
  kind: row.kind,
  channel: row.channel,
  recipient: maskRecipient(row.recipient),
  name: row.name,
  about: row.about,
  summary: row.summary,
  state: row.state,
  attempts: row.attempts,
  lastAnswer: row.lastAnswer,
  handledBy: row.handledBy,
  createdAt: zoned(row.createdAt, tz)!,
  updatedAt: zoned(row.updatedAt, tz)!,
  sentAt: zoned(row.sentAt, tz),
});

/** A call on the call list (the number is shown with its person, in full). */
export const toCallEntry = (row: MessageRow, tz: string): CallEntry => {
  const ticked = row.state === 'sent' || row.state === 'failed';
  return {
    id: row.id,
    kind: row.kind,
    about: row.about,
    summary: row.summary,
    state: ticked ? (row.state as 'sent' | 'failed') : 'queued',
    handledBy: row.handledBy,
    note: ticked ? row.lastAnswer : null,
    createdAt: zoned(row.createdAt, tz)!,
    tickedAt: ticked ? zoned(row.updatedAt, tz) : null,
  };
};
