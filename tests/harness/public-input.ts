import fc from 'fast-check';
import type { TestCms } from './cms';

/**
 * What anyone on the internet may send to the public booking forms, for property tests that
 * assert the CMS never answers such input with a 5xx.
 */

/**
 * Where the public forms post. Cancelling by link is the one place the manage token travels: in
 * the X-Manage-Token header, never in the path.
 */
export const publicPosts = {
  reservations: '/api/booking/reservations',
  enrolments: '/api/booking/enrolments',
  cancelBy: <Sent>(kind: 'reservations' | 'enrolments', token: string, sent: Sent) => ({
    path: `/api/booking/${kind}/manage/cancel`,
    headers: { 'x-manage-token': token } as Record<string, string>,
    sent,
  }),
};

/** encodeURIComponent throws on these; a path carries them as raw escapes below. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** A path segment as a client may write it: URL-encoded text, or raw escapes that do not decode. */
export const pathSegment = (text: fc.Arbitrary<string>) =>
  fc.oneof(text.map((t) => encodeURIComponent(t.replace(LONE_SURROGATE, '\ufffd'))), fc.constantFrom('%00', '%', '%ZZ', '%ED%A0%80', '%C0%80', '%FF', '..', '%2F..%2F'));

/**
 * A header value made of any text, as a client could send it (percent-escaped: a header carries
 * bytes, not text), at most 4,000 characters: past Node's 16 KiB header limit the server answers 431
 * and closes the connection before the client has finished writing.
 */
export const headerValue = (text: fc.Arbitrary<string>) => pathSegment(text).map((value) => value.slice(0, 4_000));

const awkward = ['\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\u009f', '\ud800', '\udfff', '\u202e', '\u2066', '\ufeff', '\ufffe', '\n', '\r', '\t', ' ', '李', '😀', 'a', '0', '%', '"', '\\'];

/** Text of every kind: control characters, lone surrogates, direction overrides, sometimes more than any field holds. */
export const awkwardText = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: fc.constantFrom(...awkward), maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', 'null', 'undefined', '__proto__', 'constructor', 'NaN', '1e400', '-1', '2026-02-30', '2026-12-01T25:00:00Z', '9999-12-31T23:59:59+14:00', '0000-01-01T00:00:00Z') },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1_000, max: 200_000 }), fc.constantFrom('x', '李', '\u0000', '😀')).map(([n, unit]) => unit.repeat(n)) }
);

/** Any JSON value, awkward text and numbers at the edges of what a database column holds included. */
export const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  awkwardText,
  fc.constantFrom(0, -1, 1.5, 2 ** 31, -(2 ** 31) - 1, 2 ** 53, Number.MAX_VALUE, -Number.MAX_VALUE, 1e-300, true, false, null),
  fc.integer(),
  fc.jsonValue({ maxDepth: 3 }),
  fc.array(awkwardText, { maxLength: 5 }),
  fc.dictionary(awkwardText, awkwardText, { maxKeys: 5 })
);

/**
 * A body built on a valid one: each field kept (often, so the request gets past the schema into
 * the service and the database), left out, or replaced by any JSON; sometimes extra fields.
 */
export const bodyAround = (valid: Record<string, unknown>): fc.Arbitrary<Record<string, unknown>> =>
  fc
    .tuple(
      fc.record(Object.fromEntries(Object.entries(valid).map(([key, value]) => [key, fc.oneof({ weight: 3, arbitrary: fc.constant(value) }, { weight: 2, arbitrary: anyJson })])), {
        requiredKeys: [],
      }),
      fc.dictionary(awkwardText, anyJson, { maxKeys: 2 })
    )
    .map(([fields, extra]) => ({ ...extra, ...fields }));

/** What is sent: mostly `{ data: … }` around a body, sometimes any JSON, sometimes text that is not JSON. */
export const envelopeAround = (data: fc.Arbitrary<unknown>): fc.Arbitrary<{ json: unknown } | { raw: string }> =>
  fc.oneof(
    { weight: 8, arbitrary: data.map((d) => ({ json: { data: d } })) },
    { weight: 1, arbitrary: anyJson.map((json) => ({ json })) },
    { weight: 1, arbitrary: fc.oneof(awkwardText, fc.constantFrom('{"data":', '{"data": {"room": "\\u0000"', '[1,2', '{"data":{"people":1e999}}')).map((raw) => ({ raw })) }
  );

/** Posts what was generated, JSON as JSON and raw text as it is. */
export const send = async (cms: TestCms, path: string, sent: { json: unknown } | { raw: string }, headers: Record<string, string> = {}) => {
  if ('json' in sent) return cms.request('POST', path, sent.json, headers);
  const res = await fetch(cms.url + path, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json', ...headers }, body: sent.raw });
  await res.arrayBuffer();
  return { status: res.status, body: null, headers: res.headers };
};

/** A text the database cannot store, which every field must refuse by name. */
const unstorable = (value: unknown) => typeof value === 'string' && (value.includes('\u0000') || value.search(LONE_SURROGATE) >= 0);

/** Below 500; and where one of `fields` held a text the database cannot store, a 400 naming it. */
export const expectHandled = (res: { status: number; body: any }, sent: { json: unknown } | { raw: string }, fields: string[]) => {
  expect(res.status).toBeLessThan(500);
  const data = 'json' in sent ? (sent.json as { data?: unknown } | null)?.data : undefined;
  // Too large, or JSON the body parser refuses (a `__proto__` key): refused before any field is read.
  if (res.status === 413 || res.body?.error?.name === 'SyntaxError' || !data || typeof data !== 'object') return;
  const broken = fields.filter((key) => unstorable((data as Record<string, unknown>)[key]));
  if (broken.length === 0) return;
  expect(res.status).toBe(400);
  expect(res.body.error.details.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(broken));
};

/** Property runs per endpoint: enough to find a 5xx, few enough for CI (each run is an HTTP request). */
export const RUNS = 150;
