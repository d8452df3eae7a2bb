import { describe, expect, it } from 'vitest';
import { rateWindowAt, secondsUntilWindowEnds } from './rate-windows.ts';

describe('rateWindowAt', () => {
  it.each([
    ['2026-12-02T01:59:59.999Z', 900, '2026-12-02T01:45:00.000Z', '2026-12-02T02:00:00.000Z'],
    ['2026-12-02T02:00:00.000Z', 900, '2026-12-02T02:00:00.000Z', '2026-12-02T02:15:00.000Z'],
    ['2026-12-02T18:20:00.000Z', 86_400, '2026-12-02T00:00:00.000Z', '2026-12-03T00:00:00.000Z'],
  ])('puts %s in a %is window [%s, %s)', (at, seconds, start, end) => {
    const window = rateWindowAt(new Date(at), seconds);
    expect(window.start.toISOString()).toBe(start);
    expect(window.end.toISOString()).toBe(end);
  });

  it('counts the seconds left, never fewer than one', () => {
    const now = new Date('2026-12-02T01:59:58.200Z');
    expect(secondsUntilWindowEnds(now, rateWindowAt(now, 900))).toBe(2);
    const last = new Date('2026-12-02T01:59:59.999Z');
    expect(secondsUntilWindowEnds(last, rateWindowAt(last, 900))).toBe(1);
  });
});
