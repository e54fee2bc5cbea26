import type { Core } from '@strapi/strapi';
import type { JobContext } from '../jobs';
import { senders } from '../outbox/channels';
import { messageRepository, type MessageRow, type NewMessage } from '../outbox/message-repository';
import { ConflictError, notFound } from '../utils/errors';
import { bookingConfig } from '../utils/plugin-config';
import { now } from '../utils/clock';
import { getService } from '../utils/get-service';

export const DELIVER_JOB = 'booking.deliver';

/**
 * Messages to residents go through here: written to the delivery log first, then sent by a job that
 * retries with back-off, so a mail server or SMS gateway being down delays a message instead of
 * losing it, and staff can see what was sent, what failed and why.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const messages = () => messageRepository(strapi);
  const offer = (id: number) => getService(strapi, 'jobs').send(DELIVER_JOB, { id }, { singletonKey: `deliver:${id}` });

  const deliver = async ({ id }: { id: number }, { lastAttempt }: JobContext): Promise<void> => {
    if (!(await messages().claim(id, now()))) return;
    const message = (await messages().find(id))!;
    const send = senders[message.channel];
    try {
      if (!send) throw new Error(`no sender for channel ${message.channel}`);
      const { answer } = await send(strapi, message);
      await messages().settle(id, { state: 'sent', answer }, now());
    } catch (error) {
      const { message: text, answer: providerAnswer, permanent } = error as Error & { answer?: string; permanent?: boolean };
      const answer = providerAnswer || text || String(error);
      // A refused number or an unapproved template fails the same way every time: no retry.
      const last = lastAttempt || permanent === true;
      await messages().settle(id, { state: last ? 'failed' : 'retrying', answer }, now());
      strapi.log.warn(`[booking] message ${id} (${message.kind} by ${message.channel} about ${message.about.kind} ${message.about.id}) ${last ? 'failed for good' : 'failed, will retry'}: ${answer}`);
      if (!last) throw error;
    }
  };

  return {
    /** Defines the delivery job and offers again what a stop left unsent. Called once at bootstrap. */
    async start(): Promise<void> {
      const { delivery: { retryLimit, retryDelaySeconds }, sms } = bookingConfig(strapi);
      if (!sms.provider && process.env.NODE_ENV === 'production') {
        strapi.log.warn(`[booking] no SMS provider (SMS_PROVIDER): text messages residents chose are written to ${sms.outboxDir}, not sent`);
      }
      await getService(strapi, 'jobs').define(DELIVER_JOB, deliver, { retryLimit, retryDelaySeconds, retryBackoff: true, pollingSeconds: 1 });
      // In memory (SQLite, one process) every job died with the last process; in PostgreSQL the jobs
      // live on, and only a message whose job was never written (a crash in between) needs a new one.
      const jobs = getService(strapi, 'jobs');
      if (jobs.kind() === 'memory') await messages().releaseClaims(now());
      const before = jobs.kind() === 'memory' ? now() : new Date(now().getTime() - 10 * 60_000);
      for (const id of await messages().unsent(before)) await offer(id);
    },

    /**
     * Logs the message and, for mail and SMS, has it sent. Null when its dedupe key was used before:
     * that message exists already and is not sent again. Calls wait on the call list for staff.
     */
    async enqueue(message: NewMessage): Promise<number | null> {
      const id = await messages().insert(message, now());
      if (id !== null && message.channel !== 'call') await offer(id);
      return id;
    },

    /**
     * A failed message queued again, by staff (`handledBy`): a mail or text message is offered to
     * the deliver job with its retries afresh, a call goes back on the call list. 404 for no such
     * message, 409 for one not failed (still on its way, or sent).
     */
    async retry(id: number, handledBy: string): Promise<MessageRow> {
      const message = await messages().find(id);
      if (!message) throw notFound(`There is no message ${id}`);
      if (!(await messages().requeue(id, handledBy, now()))) {
        throw new ConflictError(`Message ${id} is ${message.state}: only a failed message can be sent again`, { state: message.state });
      }
      if (message.channel !== 'call') await offer(id);
      return (await messages().find(id))!;
    },
  };
};
