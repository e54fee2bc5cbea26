import ipaddr from 'ipaddr.js';

/**
 * Whom a request's budget belongs to: an IPv4 address as it is (an IPv4-mapped IPv6 address
 * counts as its IPv4 address), an IPv6 address by its /64, since one household or phone is
 * handed a whole /64 and can pick a fresh address in it for every request.
 */
export const clientKey = (address: string): string => {
  const bare = address.trim().replace(/%.*$/, '');
  if (!ipaddr.isValid(bare)) return `other:${bare.slice(0, 100)}`;
  const parsed = ipaddr.process(bare);
  if (parsed.kind() === 'ipv4') return parsed.toString();
  const prefix = (parsed as ipaddr.IPv6).parts.slice(0, 4).map((part) => part.toString(16));
  return `${prefix.join(':')}::/64`;
};
