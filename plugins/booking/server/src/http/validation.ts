import { errors } from '@strapi/utils';
import type { ZodError, ZodType } from 'zod';

export interface FieldError {
  path: string;
  message: string;
}

/** Zod's issues become the `{ path, message }` list of a Strapi ValidationError (HTTP 400). */
export const fieldErrorsOf = (error: ZodError): FieldError[] =>
  error.issues.map((issue) => ({ path: issue.path.join('.') || '(root)', message: issue.message }));

export const validationError = (fieldErrors: FieldError[], message?: string) =>
  new errors.ValidationError(
    message ?? fieldErrors.map((e) => `${e.path}: ${e.message}`).join('; '),
    { errors: fieldErrors }
  );

/** Parses untrusted input or throws a 400 naming every broken field. */
export const parseOrThrow = <T>(schema: ZodType<T>, input: unknown): T => {
  const result = schema.safeParse(input);
  if (!result.success) throw validationError(fieldErrorsOf(result.error));
  return result.data;
};
