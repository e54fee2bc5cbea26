import type { Core } from '@strapi/strapi';
import type { Message } from '../messages/rendering';

/** Whether the app has Strapi's email plugin at all: without it nobody is told, and nothing fails. */
export const canMail = (strapi: Core.Strapi): boolean => Boolean(strapi.plugin('email'));

/**
 * Sends one message. Never fails the caller: a mail server being down must not undo a booking, so
 * errors (of the work before sending too) are logged with what could not be sent.
 */
export const sendLogged = (strapi: Core.Strapi, to: string, message: () => Promise<Message> | Message, failure: string): void => {
  Promise.resolve()
    .then(message)
    .then((m) => strapi.plugin('email').service('email').send({ to, ...m }) as Promise<unknown>)
    .catch((error: Error) => strapi.log.error(`booking: ${failure}: ${error.message}`));
};
