import type { Core, UID } from '@strapi/strapi';

/** Which version of a document to read: a locale (undefined: the default one) and a status. */
export interface Version {
  locale: string | undefined;
  status: 'published' | 'draft';
}

/** Query parameters as the Document Service takes them (filters, populate, sort, locale, status, …). */
type Params = Record<string, unknown>;

/**
 * The Document Service for one of the plugin's content types, reading documents of shape `D`.
 * The plugin ships no generated content-type typings, so Strapi cannot type these queries; this is
 * the one place that says what comes back, and each repository turns `D` into its row interface.
 */
export interface Documents<D> {
  findMany(params: Params): Promise<D[]>;
  findFirst(params: Params): Promise<D | null>;
  findOne(params: Params): Promise<D | null>;
  create(params: Params): Promise<D>;
  update(params: Params): Promise<D>;
  delete(params: Params): Promise<unknown>;
  count(params: Params): Promise<number>;
}

export const documentsOf = <D>(strapi: Core.Strapi, uid: string): Documents<D> =>
  strapi.documents(uid as UID.ContentType) as unknown as Documents<D>;

/**
 * Documents by id, each in the first of `versions` that has it: a missing translation falls back to
 * the default locale, a withdrawn document to its draft. Written once for every repository.
 */
export const findByIdsInOrder = async <D extends { documentId: string }>(
  ids: string[],
  versions: Version[],
  find: (ids: string[], version: Version) => Promise<D[]>
): Promise<Map<string, D>> => {
  const found = new Map<string, D>();
  const tried = new Set<string>();
  for (const version of versions) {
    const key = `${version.locale ?? ''}:${version.status}`;
    if (tried.has(key)) continue;
    tried.add(key);
    const missing = [...new Set(ids)].filter((id) => !found.has(id));
    if (missing.length === 0) break;
    for (const d of await find(missing, version)) if (!found.has(d.documentId)) found.set(d.documentId, d);
  }
  return found;
};

/** The first version of one document that exists. */
export const findOneInOrder = async <D>(versions: Version[], find: (version: Version) => Promise<D | null>): Promise<D | null> => {
  for (const version of versions) {
    const found = await find(version);
    if (found) return found;
  }
  return null;
};

/**
 * A list in the asked locale, completed by documents not yet translated into it, in the default
 * locale: a room or course missing in English is shown in Chinese rather than disappearing.
 */
export const withLocaleFallback = <T extends { documentId: string }>(asked: T[], fallback: T[]): T[] => {
  const askedIds = new Set(asked.map((d) => d.documentId));
  return [...asked, ...fallback.filter((d) => !askedIds.has(d.documentId))];
};

/** Long `$in` lists are split so no database meets its limit on bound parameters. */
export const inChunks = async <T>(ids: string[], size: number, read: (chunk: string[]) => Promise<T[]>): Promise<T[]> => {
  const rows: T[] = [];
  for (let i = 0; i < ids.length; i += size) rows.push(...(await read(ids.slice(i, i + size))));
  return rows;
};
