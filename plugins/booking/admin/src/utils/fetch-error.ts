import { isFetchError } from '@strapi/strapi/admin';

/** What the server said about one field: its English message, and a booking rule's code when it is one. */
export interface ServerFieldError {
  message: string;
  code?: string;
}

/** The plugin's refusal when the server answered (e.g. "already decided"); else what went wrong on the way. */
export const errorMessage = (error: unknown): string =>
  isFetchError(error) ? (error.response?.data?.error?.message ?? error.message) : error instanceof Error ? error.message : String(error);

/**
 * The fields a 400 named, so a form can show each message under its field. The plugin's validation
 * errors carry `details.errors` of `{ path, message, code? }`.
 */
export const fieldErrors = (error: unknown): Record<string, ServerFieldError> => {
  if (!isFetchError(error)) return {};
  const details = error.response?.data?.error?.details as { errors?: Array<{ path?: string[] | string; message: string; code?: string }> } | undefined;
  const byField: Record<string, ServerFieldError> = {};
  for (const e of details?.errors ?? []) {
    const path = Array.isArray(e.path) ? e.path.join('.') : (e.path ?? '');
    const field = path.replace(/^data\./, '');
    if (field && !byField[field]) byField[field] = { message: e.message, code: e.code };
  }
  return byField;
};
