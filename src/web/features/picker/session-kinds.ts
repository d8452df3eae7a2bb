import type { SessionType, Slot } from '../../api/types.ts';

/**
 * What a mentee chooses before a time: one of the mentor's session types
 * (its length and price), a plain length the mentor offers without a type,
 * or a seat in one of the mentor's published sessions.
 */
export type SessionKind =
  | { id: string; kind: 'hours'; lengthMinutes: number; sessionType: SessionType | null }
  | { id: 'seats'; kind: 'seats' };

/** The kinds in the order offered: by length, typed ones by name, then seats. */
export function sessionKinds(
  slotLengths: number[],
  types: SessionType[],
  offersSeats: boolean,
): SessionKind[] {
  const kinds: SessionKind[] = [];
  for (const length of [...new Set(slotLengths)].sort((a, b) => a - b)) {
    const typed = types
      .filter((type) => type.durationMinutes === length)
      .sort((a, b) => a.name.localeCompare(b.name));
    if (typed.length === 0) {
      kinds.push({
        id: `length:${length}`,
        kind: 'hours',
        lengthMinutes: length,
        sessionType: null,
      });
    }
    for (const type of typed) {
      kinds.push({
        id: `type:${type.id}`,
        kind: 'hours',
        lengthMinutes: length,
        sessionType: type,
      });
    }
  }
  if (offersSeats) kinds.push({ id: 'seats', kind: 'seats' });
  return kinds;
}

/** Whether a slot is one of this kind's: a seat, or an hour of the kind's length. */
export function slotFits(kind: SessionKind, slot: Slot): boolean {
  return kind.kind === 'seats'
    ? slot.kind === 'session'
    : slot.kind === 'weekly' && slot.lengthMinutes === kind.lengthMinutes;
}
