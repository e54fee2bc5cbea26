import type { Core } from '@strapi/strapi';
import { chooseChannel, type Channel } from '../core/contact/channel-choice';
import type { MessageKind } from '../messages/message-kind';
import type { Message } from '../messages/rendering';
import type { SmsFacts } from '../messages/sms-facts';
import { smsAvailable } from '../sms';
import { getService } from '../utils/get-service';
import { bookingConfig } from '../utils/plugin-config';
import { normalisePhone } from '../../../shared/phone';

/** Whether the app has Strapi's email plugin at all: without it nobody is told by mail, and nothing fails. */
export const canMail = (strapi: Core.Strapi): boolean => Boolean(strapi.plugin('email'));

/** Whether text messages of this kind can be sent: a template for the kind (the development outbox takes every kind). */
export const canText = (strapi: Core.Strapi, kind: MessageKind): boolean => smsAvailable(bookingConfig(strapi).sms, kind);

export interface Recipient {
  name: string;
  email: string | null;
  phone: string | null;
  notifyBy?: Channel | null;
  language: 'zh-CN' | 'en';
}

export interface Telling {
  kind: MessageKind;
  about: { kind: 'reservation' | 'enrolment'; id: string };
  /** What the message says, in the words of each channel. */
  email: () => Message | Promise<Message>;
  sms: SmsFacts | (() => SmsFacts | Promise<SmsFacts>);
  /** False for news a call would not be worth (a request received, the last reminder before a class). */
  call?: boolean;
  /** A key used once: a second message with it is never written or sent. */
  dedupeKey?: string;
}

/** The channel a message of this kind reaches this resident by. */
export const channelFor = (strapi: Core.Strapi, recipient: Recipient, kind: MessageKind): Channel =>
  chooseChannel({ email: recipient.email, phone: recipient.phone, notifyBy: recipient.notifyBy ?? null }, { email: canMail(strapi), sms: canText(strapi, kind) });

/**
 * Tells one resident, by the channel they chose when it can be used: the message is logged and
 * queued, and sent by a job with retries. Never fails the caller: a provider being down must not
 * undo a booking, so errors (of the work before queueing too) are logged. Resolves to the message's
 * id, or null when nothing was queued.
 */
export const tell = async (strapi: Core.Strapi, recipient: Recipient, telling: Telling): Promise<number | null> => {
  try {
    const channel = channelFor(strapi, recipient, telling.kind);
    if (channel === 'call' && telling.call === false) return null;
    const facts = typeof telling.sms === 'function' ? await telling.sms() : telling.sms;
    const content = channel === 'email' ? await telling.email() : facts;
    return await getService(strapi, 'outbox').enqueue({
      kind: telling.kind,
      channel,
      // A provider wants the number in E.164 (+8613…); staff ring the number as the resident wrote it.
      recipient: channel === 'email' ? recipient.email : channel === 'sms' ? normalisePhone(recipient.phone ?? '') : recipient.phone,
      name: recipient.name,
      language: recipient.language,
      about: telling.about,
      summary: [facts.what, facts.when, facts.reference].filter(Boolean).join(' · '),
      content,
      dedupeKey: telling.dedupeKey ?? null,
    });
  } catch (error) {
    strapi.log.error(`[booking] could not queue the ${telling.kind} message for ${telling.about.kind} ${telling.about.id}: ${(error as Error).message}`);
    return null;
  }
};
