import fc from 'fast-check';
import { JsonArray, jsonRows, jsonStream } from '../../src/utils/json-stream';

const read = async (value: unknown) => {
  const chunks: string[] = [];
  for await (const chunk of jsonStream(value)) chunks.push(Buffer.isBuffer(chunk) ? chunk.toString('utf8') : String(chunk));
  return chunks;
};

describe('jsonStream', () => {
  it('writes exactly what JSON.stringify writes, long arrays included', async () => {
    const board = {
      data: {
        timezone: 'Asia/Shanghai',
        floors: [1, 2],
        items: Array.from({ length: 1234 }, (_, i) => ({ roomId: `r${i % 7}`, label: `活动 "${i}"\n`, count: i % 3 === 0 ? null : i, skipped: undefined, at: new Date(Date.UTC(2026, 11, 8, 0, i)) })),
        free: Array.from({ length: 251 }, (_, i) => (i % 50 === 0 ? undefined : { start: i })),
        empty: [],
        nothing: null,
        gone: undefined,
      },
    };
    expect((await read(board)).join('')).toBe(JSON.stringify(board));
  });

  it('gives any plain JSON value back unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        const text = (await read(value)).join('');
        expect(text).toBe(JSON.stringify(value));
      }),
      { numRuns: 300 }
    );
  });

  it('writes an array written ahead in parts as the array of all the parts\' rows, empty parts and all', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(fc.jsonValue(), { maxLength: 5 }), { maxLength: 6 }), async (parts) => {
        const value = { data: { items: new JsonArray(parts.map(jsonRows)), after: 1 } };
        expect(JSON.parse((await read(value)).join(''))).toEqual({ data: { items: JSON.parse(JSON.stringify(parts.flat())), after: 1 } });
      }),
      { numRuns: 300 }
    );
    const board = { items: new JsonArray<unknown>([jsonRows([{ a: '甲' }, { b: null }]), jsonRows([]), jsonRows(['x'])]) };
    expect((await read(board)).join('')).toBe('{"items":[{"a":"甲"},{"b":null},"x"]}');
    // Anywhere jsonStream does not write it, it is refused rather than written as its parts.
    expect(() => JSON.stringify([board.items])).toThrow(/written by jsonStream/);
    await expect(read({ list: [board.items] })).rejects.toThrow(/written by jsonStream/);
  });

  it('writes a long answer in pieces, letting other work run between them', async () => {
    const big = { items: Array.from({ length: 20_000 }, (_, i) => ({ id: `item-${i}`, text: 'x'.repeat(20) })) };
    let others = 0;
    const timer = setInterval(() => (others += 1), 0);
    const chunks = await read(big);
    clearInterval(timer);
    expect(chunks.length).toBeGreaterThan(5);
    expect(chunks.join('')).toBe(JSON.stringify(big));
    expect(others).toBeGreaterThan(0);
  });
});
