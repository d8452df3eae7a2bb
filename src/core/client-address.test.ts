import { describe, expect, it } from 'vitest';
import { clientOfAddress } from './client-address.ts';

describe('clientOfAddress', () => {
  it.each([
    ['192.0.2.7', '192.0.2.7'],
    ['::ffff:192.0.2.7', '192.0.2.7'],
    ['2001:db8:1:2::1', '2001:db8:1:2::/64'],
    ['2001:db8:1:2:ffff:ffff:ffff:ffff', '2001:db8:1:2::/64'],
    ['2001:0db8:0001:0002:0000:0000:0000:0009', '2001:db8:1:2::/64'],
    ['::1', '0:0:0:0::/64'],
    ['not-an-address', 'not-an-address'],
  ])('counts %s as %s', (address, client) => {
    expect(clientOfAddress(address)).toBe(client);
  });

  it('counts two addresses of one /64 as one client, and neighbouring /64s apart', () => {
    expect(clientOfAddress('2001:db8:a:b::1')).toBe(clientOfAddress('2001:db8:a:b:1:2:3:4'));
    expect(clientOfAddress('2001:db8:a:b::1')).not.toBe(clientOfAddress('2001:db8:a:c::1'));
  });
});
