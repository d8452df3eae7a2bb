import ipaddr from 'ipaddr.js';

/**
 * Which client an address stands for, as rate limits count them. An IPv4
 * address is one client; an IPv6 address is counted by its /64, since one
 * household or server is usually handed a whole /64 and could otherwise rotate
 * through its addresses to get round every limit. IPv4-mapped IPv6
 * (`::ffff:192.0.2.1`) is the IPv4 address it maps. Anything unparsable is
 * kept as it is (it still identifies one client).
 */
export function clientOfAddress(address: string): string {
  if (!ipaddr.isValid(address)) return address;
  const parsed = ipaddr.process(address);
  if (parsed.kind() === 'ipv4') return parsed.toString();
  const parts = (parsed as ipaddr.IPv6).parts.slice(0, 4);
  return `${parts.map((p) => p.toString(16)).join(':')}::/64`;
}
