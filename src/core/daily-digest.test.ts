import { describe, expect, it } from 'vitest';
import { nextDigestAt } from './daily-digest.ts';

describe('the next daily digest', () => {
  it('is today at 08:00 on the reader’s clock while that is ahead, else tomorrow', () => {
    expect(nextDigestAt(Date.parse('2027-03-01T06:00:00Z'), 'Europe/London')).toEqual({
      date: '2027-03-01',
      atMs: Date.parse('2027-03-01T08:00:00Z'),
    });
    expect(nextDigestAt(Date.parse('2027-03-01T08:00:00Z'), 'Europe/London')).toEqual({
      date: '2027-03-02',
      atMs: Date.parse('2027-03-02T08:00:00Z'),
    });
    // 23:00 UTC is already the next morning's early hours in Tokyo.
    expect(nextDigestAt(Date.parse('2027-03-01T20:00:00Z'), 'Asia/Tokyo')).toEqual({
      date: '2027-03-02',
      atMs: Date.parse('2027-03-01T23:00:00Z'),
    });
  });

  it('follows the zone across a clock change: 08:00 BST after the spring change', () => {
    // London moves to BST on 28 March 2027: 08:00 is then 07:00 UTC.
    expect(nextDigestAt(Date.parse('2027-03-27T09:00:00Z'), 'Europe/London')).toEqual({
      date: '2027-03-28',
      atMs: Date.parse('2027-03-28T07:00:00Z'),
    });
  });
});
