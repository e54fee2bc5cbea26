import { z, type ZodType } from 'zod';
import { contentManagerValidationError, fieldErrorsOf, validationError } from '../utils/errors';

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

/** What staff save in the content manager, checked first; the 400 marks the broken fields in their form. */
export const parseEditorDataOrThrow = <T>(schema: ZodType<T>, data: unknown, summary: string): T => {
  const result = schema.safeParse(data);
  if (!result.success) throw contentManagerValidationError(result.error, summary);
  return result.data;
};
