import { Temporal } from 'temporal-polyfill';

/*
 * Fast, exact wall-clock ↔ instant conversion for one zone over a bounded
 * period. Temporal supplies the zone's rules (its UTC-offset transitions);
 * everything after that is integer arithmetic, so converting thousands of slot
 * starts costs microseconds instead of a Temporal call each.
 *
 * A *wall time* is a local date-time written as epoch milliseconds as if it
 * were UTC ("floating" time): 2023-11-05T01:30 local is Date.UTC(2023, 10, 5, 1, 30).
 * Wall days are always 24 h long, so date arithmetic on them is exact; only
 * the mapping to instants knows about DST.
 */

const DAY_MS = 86_400_000;
const NS_PER_MS = 1_000_000;

/** The offset (local − UTC) in force over [startMs, endMs). */
export type OffsetSegment = { startMs: number; endMs: number; offsetMs: number };

/** The zone's offsets from a little before `fromMs` to a little after `toMs`. */
export function offsetSegments(timeZone: string, fromMs: number, toMs: number): OffsetSegment[] {
  const begin = fromMs - 2 * DAY_MS;
  const end = toMs + 2 * DAY_MS;
  let zdt = Temporal.Instant.fromEpochMilliseconds(begin).toZonedDateTimeISO(timeZone);
  const segments: OffsetSegment[] = [];
  let segmentStart = Number.NEGATIVE_INFINITY;
  for (;;) {
    const offsetMs = zdt.offsetNanoseconds / NS_PER_MS;
    const next = zdt.getTimeZoneTransition('next');
    const nextMs = next ? next.epochMilliseconds : Number.POSITIVE_INFINITY;
    if (nextMs > end || !next) {
      segments.push({ startMs: segmentStart, endMs: Number.POSITIVE_INFINITY, offsetMs });
      return segments;
    }
    segments.push({ startMs: segmentStart, endMs: nextMs, offsetMs });
    segmentStart = nextMs;
    zdt = next;
  }
}

/**
 * The instants at which the zone's clock reads a wall time in
 * [wallStartMs, wallEndMs), earliest first: one stretch per offset in force,
 * stretches that touch joined. A spring-forward gap inside the range costs
 * real time (the stretch is shorter than by the clock); an autumn repeat adds
 * it (longer), and a range starting inside the repeated hour is two stretches
 * with a hole where the clock reads earlier than the range's start.
 */
export function wallRangeToInstants(
  segments: OffsetSegment[],
  wallStartMs: number,
  wallEndMs: number,
): { startMs: number; endMs: number }[] {
  const stretches: { startMs: number; endMs: number }[] = [];
  for (const s of segments) {
    const startMs = Math.max(s.startMs, wallStartMs - s.offsetMs);
    const endMs = Math.min(s.endMs, wallEndMs - s.offsetMs);
    if (startMs >= endMs) continue;
    const last = stretches[stretches.length - 1];
    if (last && last.endMs === startMs) last.endMs = endMs;
    else stretches.push({ startMs, endMs });
  }
  return stretches;
}

/** The wall time at an instant. */
export function instantToWall(segments: OffsetSegment[], ms: number): number {
  for (const s of segments) {
    if (ms >= s.startMs && ms < s.endMs) return ms + s.offsetMs;
  }
  throw new RangeError(`instant ${ms} is outside the computed offset segments`);
}

export const wallDayStart = (wallMs: number) => Math.floor(wallMs / DAY_MS) * DAY_MS;
/** ISO weekday of a wall time: 1 = Monday … 7 = Sunday. */
export const isoWeekday = (wallMs: number) => ((new Date(wallMs).getUTCDay() + 6) % 7) + 1;
/** `YYYY-MM-DD` of a wall time. */
export const wallDate = (wallMs: number) => new Date(wallMs).toISOString().slice(0, 10);
