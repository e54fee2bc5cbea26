import type { Core } from '@strapi/strapi';
import type { Message } from '../messages/rendering';
import type { SmsFacts } from '../messages/sms-facts';
import { sendSms } from '../sms';
import { bookingConfig } from '../utils/plugin-config';
import type { Channel, MessageRow } from './message-repository';

/** What a channel's provider answered: kept in the delivery log for staff. */
export interface Delivery {
  answer: string;
}

/** Sends one message; throws (with the provider's answer in the error) when it was not sent. */
export type Sender = (strapi: Core.Strapi, message: MessageRow) => Promise<Delivery>;

const sendEmail: Sender = async (strapi, message) => {
  if (!message.recipient) throw new Error('no e-mail address');
  const mail = message.content as Message;
  const answer = await strapi.plugin('email').service('email').send({ to: message.recipient, subject: mail.subject, text: mail.text, html: mail.html });
  return { answer: describeAnswer(answer) ?? 'accepted by the mail provider' };
};

const describeAnswer = (answer: unknown): string | null => {
  if (answer == null) return null;
  if (typeof answer === 'string') return answer;
  const { messageId, response } = answer as { messageId?: string; response?: string };
  return [messageId, response].filter(Boolean).join(' ') || null;
};

const sendText: Sender = async (strapi, message) => {
  if (!message.recipient) throw new Error('no phone number');
  const { id, answer } = await sendSms(bookingConfig(strapi).sms, message.recipient, message.content as SmsFacts);
  return { answer: id ? `${id} ${answer}` : answer };
};

/** The senders of the channels a job delivers; calls are made by staff from the call list. */
export const senders: Partial<Record<Channel, Sender>> = {
  email: sendEmail,
  sms: sendText,
};
