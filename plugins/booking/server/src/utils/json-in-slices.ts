import { setImmediate as nextTurn } from 'node:timers/promises';

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

/**
 * `JSON.stringify(value)`, its long lists written `size` entries at a time with the event loop
 * taking its turn between them: a board of thousands of items does not keep every other request
 * waiting while Koa serialises it in one go. Plain objects and arrays are walked; anything else
 * (dates, strings, numbers) is written by JSON.stringify itself, so the text is the same.
 */
export const stringifyInSlices = async (value: unknown, size: number): Promise<string> => {
  if (Array.isArray(value)) {
    if (value.length <= size) return JSON.stringify(value);
    const parts: string[] = [];
    for (let i = 0; i < value.length; i += size) {
      if (i > 0) await nextTurn();
      parts.push(JSON.stringify(value.slice(i, i + size)).slice(1, -1));
    }
    return `[${parts.join(',')}]`;
  }
  if (!isPlainObject(value) || typeof value.toJSON === 'function') return JSON.stringify(value);
  const members: string[] = [];
  for (const [key, member] of Object.entries(value)) {
    // What JSON.stringify leaves out of an object.
    if (member === undefined || typeof member === 'function' || typeof member === 'symbol') continue;
    members.push(`${JSON.stringify(key)}:${await stringifyInSlices(member, size)}`);
  }
  return `{${members.join(',')}}`;
};
