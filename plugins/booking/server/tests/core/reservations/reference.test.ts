import { REFERENCE_ALPHABET, REFERENCE_PATTERN, hashToken, newManageToken, newReference, withNewReference } from '../../../src/core/reservations/reference';

describe('newReference', () => {
  it('looks like LL-7K3Q9', () => {
    for (let k = 0; k < 200; k++) expect(newReference()).toMatch(/^LL-[2-9A-HJKMNP-Z]{5}$/);
  });

  it('never uses the ambiguous characters 0, O, 1, I, L', () => {
    expect(REFERENCE_ALPHABET).not.toMatch(/[01OIL]/);
    expect(REFERENCE_ALPHABET).toHaveLength(31);
    const body = Array.from({ length: 500 }, () => newReference().slice(3)).join('');
    expect(body).not.toMatch(/[01OIL]/);
  });

  it('draws from the whole alphabet and rarely repeats', () => {
    const refs = Array.from({ length: 2000 }, newReference);
    expect(new Set(refs).size).toBeGreaterThan(1990);
    expect(new Set(refs.join('').replace(/LL-/g, '')).size).toBe(31);
    expect(refs.every((r) => REFERENCE_PATTERN.test(r))).toBe(true);
    expect(REFERENCE_PATTERN.test('LL-7K3Q0')).toBe(false);
  });
});

describe('newManageToken', () => {
  it('is 32 random bytes in base64url', () => {
    const token = newManageToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
  });

  it('is different every time', () => {
    expect(new Set(Array.from({ length: 100 }, newManageToken)).size).toBe(100);
  });
});

describe('hashToken', () => {
  it('is the sha256 hex digest', () => {
    expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hashToken('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('is deterministic and differs for different tokens', () => {
    const token = newManageToken();
    expect(hashToken(token)).toBe(hashToken(token));
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(token)).not.toBe(hashToken(`${token}x`));
  });
});

describe('withNewReference', () => {
  const clash = new Error('taken');
  const isClash = (e: unknown) => e === clash;
  const drawing = (...refs: string[]) => () => refs.shift()!;

  it('draws another reference while the database says the one drawn is taken', async () => {
    const tried: string[] = [];
    const attempt = async (reference: string) => {
      tried.push(reference);
      if (reference !== 'LL-CCCCC') throw clash;
      return reference;
    };
    await expect(withNewReference(attempt, isClash, 8, drawing('LL-AAAAA', 'LL-BBBBB', 'LL-CCCCC'))).resolves.toBe('LL-CCCCC');
    expect(tried).toEqual(['LL-AAAAA', 'LL-BBBBB', 'LL-CCCCC']);
  });

  it('passes any other error on at once, and gives up after the tries allowed', async () => {
    const other = new Error('room taken');
    let calls = 0;
    await expect(withNewReference(async () => { calls += 1; throw other; }, isClash)).rejects.toBe(other);
    expect(calls).toBe(1);
    calls = 0;
    await expect(withNewReference(async () => { calls += 1; throw clash; }, isClash, 3)).rejects.toBe(clash);
    expect(calls).toBe(3);
  });
});
