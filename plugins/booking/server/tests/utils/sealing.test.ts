import { open, seal, sealingKey } from '../../src/utils/sealing';

describe('sealing stored secrets', () => {
  const key = sealingKey('app-key-one', 'idempotency-answers');
  const answer = JSON.stringify({ data: { reference: 'LL-7K3Q9', manageToken: 'Xy_9-abcdefghijklmnopqrstuvwxyz0123456789AB' } });

  it('keeps nothing of the plaintext readable, and opens with the key and context it was sealed with', () => {
    const sealed = seal(answer, key, 'key-1');
    expect(sealed).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain('LL-7K3Q9');
    expect(sealed).not.toContain('Xy_9-abcdefghijklmnopqrstuvwxyz0123456789AB');
    expect(open(sealed, [key], 'key-1')).toBe(answer);
    // A fresh IV each time: the same answer never seals to the same text.
    expect(seal(answer, key, 'key-1')).not.toBe(sealed);
  });

  it('opens nothing under another secret, another purpose, another row, or once altered', () => {
    const sealed = seal(answer, key, 'key-1');
    expect(open(sealed, [sealingKey('app-key-two', 'idempotency-answers')], 'key-1')).toBeNull();
    expect(open(sealed, [sealingKey('app-key-one', 'something-else')], 'key-1')).toBeNull();
    expect(open(sealed, [key], 'key-2')).toBeNull();
    const flipped = sealed.slice(0, -2) + (sealed.endsWith('AA') ? 'BB' : 'AA');
    expect(open(flipped, [key], 'key-1')).toBeNull();
    expect(open(answer, [key], 'key-1')).toBeNull();
    expect(open('v1.', [key], 'key-1')).toBeNull();
  });

  it('opens with any of several keys, so rotated APP_KEYS still read a day of answers', () => {
    const older = sealingKey('old-app-key', 'idempotency-answers');
    const sealed = seal(answer, older, 'key-1');
    expect(open(sealed, [key, older], 'key-1')).toBe(answer);
  });
});
