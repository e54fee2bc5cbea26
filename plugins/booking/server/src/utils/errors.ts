import { errors } from '@strapi/utils';
import createError from 'http-errors';
import type { ZodError } from 'zod';

/**
 * Every error the plugin throws on purpose, in one place: services throw these, controllers and
 * Strapi's error middleware turn them into HTTP answers.
 */

export interface FieldError {
  path: string;
  message: string;
  /** A booking rule's code (`under_minimum_notice`, …), so a form can say it in the person's language. */
  code?: string;
}

/** Zod's issues become the `{ path, message }` list of a Strapi ValidationError (HTTP 400); a rule's `params.code` comes along. */
export const fieldErrorsOf = (error: ZodError): FieldError[] =>
  error.issues.map((issue) => {
    const code = (issue as { params?: { code?: unknown } }).params?.code;
    return {
      path: issue.path.join('.') || '(root)',
      message: issue.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined ? 'is required' : issue.message,
      ...(typeof code === 'string' ? { code } : {}),
    };
  });

/** HTTP 400 naming every broken field. */
export const validationError = (fieldErrors: FieldError[], message?: string) =>
  new errors.ValidationError(message ?? fieldErrors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors: fieldErrors });

/**
 * HTTP 400 for a write staff make in the content manager: its form marks the field named by the
 * first step of each path (an array there), and the message says where inside the field it is wrong.
 */
export const contentManagerValidationError = (error: ZodError, summary: string) => {
  const fieldErrors = error.issues.map((issue) => {
    const [field, ...inside] = issue.path.map(String);
    return { path: [field ?? ''], message: inside.length > 0 ? `${inside.join('.')}: ${issue.message}` : issue.message, name: 'ValidationError' };
  });
  return new errors.ValidationError(`${summary}: ${fieldErrors.map((e) => e.message).join('; ')}`, { errors: fieldErrors });
};

/** HTTP 404. */
export const notFound = (message: string) => new errors.NotFoundError(message);

/**
 * HTTP 404 for a manage link past its time (`manageLinkDays` after the booking's last date): it opens
 * nothing any more, and the code lets the site say so rather than "not found".
 */
export const expiredLinkError = (days: number) =>
  new errors.NotFoundError(`This link has expired: a manage link works until ${days} days after the last date. Please contact the centre.`, { code: 'link_expired', days });

/** HTTP 403: signed in, but the role does not hold the permission this needs. */
export const forbidden = (message: string) => new errors.ForbiddenError(message);
/**
 * HTTP 404 for an "I can't come" link that opens nothing: an unknown code (`unknown_link`) or one
 * whose date has begun (`link_expired`), so the page can say which.
 */
export const cantComeLinkError = (why: 'unknown' | 'expired') =>
  why === 'unknown'
    ? new errors.NotFoundError('This link is not known. Please contact the centre.', { code: 'unknown_link' })
    : new errors.NotFoundError('This link worked until its date began. Please contact the centre.', { code: 'link_expired' });

/** HTTP 401. */
export const unauthorized = (message: string) => new errors.UnauthorizedError(message);

/** HTTP 429, with the seconds to wait. */
export const tooManyRequests = (retryAfter: number) =>
  new errors.RateLimitError(`Too many requests: try again in ${retryAfter} seconds`, { retryAfter });

/** A refusal Strapi answers as 400 with a message of ours (the content manager shows it). */
export const applicationError = (message: string) => new errors.ApplicationError(message);

/**
 * HTTP 409 in Strapi's error shape. Strapi's ApplicationError family has no 409, and its error
 * middleware turns any ApplicationError it does not know into a 400, so this is a plain Error
 * carrying an exposed status, which the middleware formats as `{ data: null, error }`.
 */
export class ConflictError extends Error {
  readonly name = 'ConflictError';
  readonly status = 409;
  readonly expose = true;

  constructor(message: string, readonly details: Record<string, unknown>) {
    super(message);
  }
}

/**
 * HTTP 503 with the seconds to wait: the database was locked by another program for longer than
 * SQLite waits (a SQLite file serves one CMS process; a backup or a tool can still hold it).
 * Nothing was changed, so the request may simply be sent again. An http-errors error, so Strapi
 * answers it with its message (its error middleware hides the message of any other 5xx).
 */
export const databaseBusy = (retryAfter: number) =>
  createError(503, `The database is busy: nothing was changed, try again in ${retryAfter} seconds`, { details: { retryAfter } });
