import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';

export type Encoding = 'br' | 'gzip';

const compressors: Record<Encoding, (body: Buffer) => Promise<Buffer>> = {
  // Quality 5: near the best size at a few milliseconds for a few hundred KiB (11 takes far longer).
  br: (body) => promisify(brotliCompress)(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length } }),
  gzip: (body) => promisify(gzip)(body, { level: 6 }),
};

/** A JSON answer serialised once, with its ETag and its compressed forms made on first demand. */
export class PreparedAnswer {
  readonly etag: string;
  private readonly encoded = new Map<Encoding, Promise<Buffer>>();

  constructor(readonly body: Buffer) {
    // From the bytes: an answer the data's change left as it was keeps its ETag, and stays a 304.
    this.etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
  }

  static of(value: unknown): PreparedAnswer {
    return new PreparedAnswer(Buffer.from(JSON.stringify(value)));
  }

  encodedAs(encoding: Encoding): Promise<Buffer> {
    let bytes = this.encoded.get(encoding);
    if (!bytes) {
      bytes = compressors[encoding](this.body);
      this.encoded.set(encoding, bytes);
    }
    return bytes;
  }
}

/**
 * Answers by key, the least recently used dropped beyond `maxEntries`. Keys carry the data version,
 * so an entry is never stale: entries of old versions just stop being asked for and age out.
 */
export class AnswerCache {
  private readonly entries = new Map<string, Promise<PreparedAnswer | null>>();

  constructor(private readonly maxEntries: number) {}

  /**
   * The answer under `key`, made by `make` when there is none. Requests that miss together share one
   * `make` (a burst after a booking computes once). `make` answering null (not a plain 200) is not kept.
   */
  async get(key: string, make: () => Promise<PreparedAnswer | null>): Promise<{ answer: PreparedAnswer | null; made: boolean }> {
    const known = this.entries.get(key);
    if (known) {
      this.entries.delete(key);
      this.entries.set(key, known);
      return { answer: await known, made: false };
    }
    const making = make();
    this.entries.set(key, making);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    try {
      const answer = await making;
      if (!answer && this.entries.get(key) === making) this.entries.delete(key);
      return { answer, made: true };
    } catch (error) {
      if (this.entries.get(key) === making) this.entries.delete(key);
      throw error;
    }
  }
}
