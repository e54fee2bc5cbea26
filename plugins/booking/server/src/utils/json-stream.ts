import { Readable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';

/** Elements of a long array written between two turns of the event loop. */
const ELEMENTS_PER_CHUNK = 250;

/** Bytes written between two turns of the event loop. */
const CHUNK = 64 * 1024;

declare const rowsOf: unique symbol;

/** The UTF-8 JSON text of some rows of type T inside its array's brackets (empty for none): see `jsonRows`. */
export type JsonRows<T> = Buffer & { readonly [rowsOf]?: T };

/**
 * Rows written as JSON ahead of the answer: the text of `JSON.stringify(rows)` inside its brackets,
 * as UTF-8 bytes. Bytes, not a string, because a part waits for the rest of the answer: a Buffer's
 * bytes lie outside V8's heap, so its collector neither copies them to the old generation nor marks
 * them there; the week board's megabytes of strings did both (bench/README.md). The answer is sent
 * as bytes anyway.
 */
export const jsonRows = <T>(rows: readonly T[]): JsonRows<T> => {
  const text = Buffer.from(JSON.stringify(rows));
  // '[' and ']' are a byte each.
  return text.subarray(1, text.length - 1) as JsonRows<T>;
};

/**
 * An array whose elements were written as JSON a part at a time (`jsonRows`), so that the objects
 * each part came from could go as soon as it was written: built first and written last, a week of
 * every room's objects lived long enough to fill the old generation (bench/README.md).
 * Only `jsonStream` writes it (as the array of all the parts' rows, in order), and only as the value
 * of an object's key or as the whole value; `JSON.stringify` refuses it rather than write it wrong.
 */
export class JsonArray<T> {
  constructor(readonly parts: ReadonlyArray<JsonRows<T>>) {}

  toJSON(): never {
    throw new Error('A JsonArray is written by jsonStream, as the value of a key or the whole value');
  }
}

/**
 * The pieces of `JSON.stringify(value)`, long arrays a slice of elements at a time. Only plain data
 * (objects, arrays, strings, numbers, booleans, null, Dates): what a view returns; and `JsonArray`s
 * as the value of a key.
 */
function* pieces(value: unknown): Generator<string | Buffer> {
  if (value instanceof JsonArray) {
    let first = true;
    yield '[';
    for (const part of value.parts as readonly Buffer[]) {
      if (part.length === 0) continue;
      if (!first) yield ',';
      yield part;
      first = false;
    }
    yield ']';
    return;
  }
  if (Array.isArray(value) && value.length > ELEMENTS_PER_CHUNK) {
    for (let i = 0; i < value.length; i += ELEMENTS_PER_CHUNK) {
      // Each slice is an array's inside: drop its brackets, join slices with a comma.
      const inside = JSON.stringify(value.slice(i, i + ELEMENTS_PER_CHUNK)).slice(1, -1);
      yield `${i === 0 ? '[' : ','}${inside}`;
    }
    yield ']';
    return;
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date)) {
    let first = true;
    yield '{';
    for (const [key, v] of Object.entries(value)) {
      if (v === undefined || typeof v === 'function') continue;
      yield `${first ? '' : ','}${JSON.stringify(key)}:`;
      first = false;
      yield* pieces(v);
    }
    yield '}';
    return;
  }
  yield JSON.stringify(value) ?? 'null';
}

/**
 * A large answer as a stream of its JSON, the same text `JSON.stringify` gives, made a slice at a
 * time with the event loop taking its turn between slices: the board's week of every room is
 * megabytes, and writing it in one go kept the CMS from every other request for a tenth of a second.
 */
export const jsonStream = (value: unknown): Readable =>
  Readable.from(
    (async function* () {
      // Pieces are gathered into chunks of about CHUNK bytes: a write per piece (a comma, a key, a
      // room's part) made hundreds of small writes for one board.
      let pending: Buffer[] = [];
      let size = 0;
      const chunk = () => {
        const bytes = Buffer.concat(pending, size);
        pending = [];
        size = 0;
        return bytes;
      };
      for (const piece of pieces(value)) {
        const bytes = typeof piece === 'string' ? Buffer.from(piece) : piece;
        pending.push(bytes);
        size += bytes.length;
        if (size >= CHUNK) {
          yield chunk();
          await nextTurn();
        }
      }
      if (size > 0) yield chunk();
    })(),
    { objectMode: false }
  );
