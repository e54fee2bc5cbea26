import { clientKey } from '../../src/utils/client-key';

describe('clientKey', () => {
  it('keys an IPv4 client by its address, also when it arrives IPv4-mapped', () => {
    expect(clientKey('198.51.100.7')).toBe('198.51.100.7');
    expect(clientKey('::ffff:198.51.100.7')).toBe('198.51.100.7');
    expect(clientKey('198.51.100.8')).not.toBe(clientKey('198.51.100.7'));
  });

  it('keys an IPv6 client by its /64, whichever address in it and however written', () => {
    const key = clientKey('2001:db8:1:2::1');
    expect(key).toBe('2001:db8:1:2::/64');
    expect(clientKey('2001:0db8:0001:0002:ffff:ffff:ffff:fffe')).toBe(key);
    expect(clientKey('2001:DB8:1:2:a:b:c:d')).toBe(key);
    expect(clientKey('fe80::1%eth0')).toBe(clientKey('fe80::2'));
    expect(clientKey('2001:db8:1:3::1')).not.toBe(key);
  });

  it('keeps anything else apart from real addresses, bounded in length', () => {
    expect(clientKey('unknown')).toBe('other:unknown');
    expect(clientKey('x'.repeat(1000)).length).toBeLessThan(255);
  });
});
