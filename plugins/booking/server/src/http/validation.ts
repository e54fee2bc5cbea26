import { errors } from '@strapi/utils';
import { z, type ZodError, type ZodType } from 'zod';

export interface FieldError {
  path: string;
  message: string;
  /** A booking rule's code (`under_minimum_notice`, …), so a form can say it in the person's language. */
  code?: string;
}

/** Zod's issues become the `{ path, message }` list of a Strapi ValidationError (HTTP 400). */
export const fieldErrorsOf = (error: ZodError): FieldError[] =>
  error.issues.map((issue) => ({
    path: issue.path.join('.') || '(root)',
    message: issue.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined ? 'is required' : issue.message,
  }));

export const validationError = (fieldErrors: FieldError[], message?: string) =>
  new errors.ValidationError(message ?? fieldErrors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors: fieldErrors });

/** Parses untrusted input or throws a 400 naming every broken field. */
export const parseOrThrow = <T>(schema: ZodType<T>, input: unknown): T => {
  const result = schema.safeParse(input, { reportInput: true });
  if (!result.success) throw validationError(fieldErrorsOf(result.error));
  return result.data;
};

const envelope = z.object({ data: z.record(z.string(), z.unknown()) }, { error: 'the body must be JSON of the form { "data": { … } }' });

/** Strapi's request shape `{ data: { … } }`; errors name the fields inside data. */
export const parseDataOrThrow = <T>(schema: ZodType<T>, body: unknown): T => {
  const wrapper = envelope.safeParse(body ?? {});
  if (!wrapper.success) throw validationError([{ path: 'data', message: 'is required: send JSON of the form { "data": { … } }' }]);
  return parseOrThrow(schema, wrapper.data.data);
};
