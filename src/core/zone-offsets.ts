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
 * Every instant at which a wall time occurs, earliest first: none inside a
 * spring-forward gap, two in the hour repeated in autumn, one otherwise.
 */
export function wallToInstants(segments: OffsetSegment[], wallMs: number): number[] {
  const found: number[] = [];
  for (const s of segments) {
    const candidate = wallMs - s.offsetMs;
    if (candidate >= s.startMs && candidate < s.endMs) found.push(candidate);
  }
  return found.sort((a, b) => a - b);
}

/**
 * The instant of a wall time, or null when that wall time does not exist
 * (skipped by a spring-forward gap). A wall time that occurs twice (autumn)
 * maps to the earlier instant.
 */
export function wallToInstant(segments: OffsetSegment[], wallMs: number): number | null {
  return wallToInstants(segments, wallMs)[0] ?? null;
}

/**
 * Like wallToInstant, but a wall time inside a spring-forward gap maps to the
 * transition itself: a window "until 02:30" on that night ends when 02:00 jumps to 03:00.
 */
export function wallToInstantOrGapEnd(segments: OffsetSegment[], wallMs: number): number {
  const exact = wallToInstant(segments, wallMs);
  if (exact !== null) return exact;
  for (let i = 0; i + 1 < segments.length; i++) {
    const before = segments[i]!;
    const after = segments[i + 1]!;
    if (wallMs - before.offsetMs >= before.endMs && wallMs - after.offsetMs < after.startMs) {
      return before.endMs;
    }
  }
  throw new RangeError(`wall time ${wallMs} is outside the computed offset segments`);
}

/** The wall time at an instant. */
export function instantToWall(segments: OffsetSegment[], ms: number): number {
  for (const s of segments) {
    if (ms >= s.startMs && ms < s.endMs) return ms + s.offsetMs;
  }
  throw new RangeError(`instant ${ms} is outside the computed offset segments`);
}

/** True when the offset is the same throughout [fromMs, toMs]: then wall and instant steps agree. */
export function isSteadyOffset(segments: OffsetSegment[], fromMs: number, toMs: number): boolean {
  return segments.some((s) => fromMs >= s.startMs && toMs < s.endMs);
}

export const wallDayStart = (wallMs: number) => Math.floor(wallMs / DAY_MS) * DAY_MS;
/** ISO weekday of a wall time: 1 = Monday … 7 = Sunday. */
export const isoWeekday = (wallMs: number) => ((new Date(wallMs).getUTCDay() + 6) % 7) + 1;
/** `YYYY-MM-DD` of a wall time. */
export const wallDate = (wallMs: number) => new Date(wallMs).toISOString().slice(0, 10);
