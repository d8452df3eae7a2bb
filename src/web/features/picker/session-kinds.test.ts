import { describe, expect, it } from 'vitest';
import type { SessionType, Slot } from '../../api/types.ts';
import { sessionKinds, slotFits } from './session-kinds.ts';

const type = (name: string, durationMinutes: number): SessionType =>
  ({ id: name.toLowerCase(), name, durationMinutes, price: null }) as unknown as SessionType;
const slot = (lengthMinutes: number, kind: Slot['kind'] = 'weekly') =>
  ({ start: '2027-01-04T10:00:00Z', lengthMinutes, kind }) as Slot;

describe('the kinds of session a picker offers', () => {
  it('offers each type at its length, plain lengths without one, then seats', () => {
    const kinds = sessionKinds(
      [60, 30, 60],
      [type('Review', 60), type('Career', 60), type('Long', 90)],
      true,
    );
    expect(kinds.map((k) => k.id)).toEqual(['length:30', 'type:career', 'type:review', 'seats']);
  });

  it('a type lasting no offered length is not offered; no seats without sessions', () => {
    expect(sessionKinds([30], [type('Long', 90)], false).map((k) => k.id)).toEqual(['length:30']);
  });

  it('fits each start once: one length of hours, or seats only', () => {
    const [thirty, seats] = sessionKinds([30, 60], [], true).filter((k) => k.id !== 'length:60');
    expect(slotFits(thirty!, slot(30))).toBe(true);
    expect(slotFits(thirty!, slot(60))).toBe(false);
    expect(slotFits(thirty!, slot(30, 'session'))).toBe(false);
    expect(slotFits(seats!, slot(30, 'session'))).toBe(true);
    expect(slotFits(seats!, slot(30))).toBe(false);
  });
});
