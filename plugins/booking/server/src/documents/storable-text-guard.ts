import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { unstorableText } from '../schemas/fields';

type Attribute = { type: string; component?: string; repeatable?: boolean };
type Model = { attributes: Record<string, Attribute> };
type FieldError = { path: string[]; message: string; name: 'ValidationError' };

/** Typed on one line in the admin panel's inputs; every other text type may run over lines. */
const ONE_LINE = new Set(['string', 'email', 'uid', 'password']);
const MANY_LINES = new Set(['text', 'richtext']);
/** Structured values (rich-text blocks, JSON): every string inside them is text someone typed. */
const STRUCTURED = new Set(['blocks', 'json']);

const stringsIn = (value: unknown): string[] => {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
};

/**
 * What of `data` (a Document Service write of the model `uid`) cannot be stored as text, by field,
 * through components and dynamic zones: the same rule the plugin's own forms apply (NUL, lone
 * surrogates, control characters, direction overrides).
 */
export const unstorableFieldsOf = (getModel: (uid: string) => Model | undefined, uid: string, data: unknown, prefix: string[] = []): FieldError[] => {
  const model = getModel(uid);
  if (!model || !data || typeof data !== 'object') return [];
  return Object.entries(data as Record<string, unknown>).flatMap(([field, value]): FieldError[] => {
    const attribute = model.attributes[field];
    if (!attribute || value === null || value === undefined) return [];
    const path = [...prefix, field];
    const check = (text: string, multiLine: boolean): FieldError[] => {
      const reason = unstorableText(text, multiLine);
      return reason ? [{ path, message: reason, name: 'ValidationError' }] : [];
    };
    if (ONE_LINE.has(attribute.type) && typeof value === 'string') return check(value, false);
    if (MANY_LINES.has(attribute.type) && typeof value === 'string') return check(value, true);
    if (STRUCTURED.has(attribute.type)) return stringsIn(value).flatMap((text) => check(text, true)).slice(0, 1);
    if (attribute.type === 'component' && attribute.component) {
      const items = attribute.repeatable && Array.isArray(value) ? value : [value];
      return items.flatMap((item, i) => unstorableFieldsOf(getModel, attribute.component!, item, attribute.repeatable ? [...path, String(i)] : path));
    }
    if (attribute.type === 'dynamiczone' && Array.isArray(value)) {
      return value.flatMap((item, i) => unstorableFieldsOf(getModel, (item as { __component?: string })?.__component ?? '', item, [...path, String(i)]));
    }
    return [];
  });
};

type DocumentMiddleware = Parameters<Core.Strapi['documents']['use']>[0];

/**
 * A Document Service middleware refusing, with a 400 that marks the field in the editor's form, a
 * create or update of a content type `guards(uid)` chooses whose text the database cannot store or
 * staff could not read back. Without it PostgreSQL answers a NUL in a title with a 500.
 */
export const storableTextGuard =
  (strapi: Core.Strapi, guards: (uid: string) => boolean): DocumentMiddleware =>
  (async (context: { uid: string; action: string; params?: { data?: unknown } }, next: () => Promise<unknown>) => {
    if (!guards(context.uid) || !['create', 'update'].includes(context.action)) return next();
    const broken = unstorableFieldsOf((uid) => strapi.getModel(uid as never) as unknown as Model | undefined, context.uid, context.params?.data);
    if (broken.length > 0) {
      throw new errors.ValidationError(`${broken.map((e) => `${e.path.join('.')} ${e.message}`).join('; ')}`, { errors: broken });
    }
    return next();
  }) as unknown as DocumentMiddleware;
