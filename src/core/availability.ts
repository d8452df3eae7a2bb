import {
  instantToWall,
  isoWeekday,
  type OffsetSegment,
  offsetSegments,
  wallDate,
  wallDayStart,
  wallRangeToInstants,
} from './zone-offsets.ts';

/*
 * Bookable slots from a mentor's rules. Pure: `now`, the rules, the busy
 * intervals and the zone all come in as parameters; nothing here reads a clock
 * or the process time zone.
 */

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** Minutes after local midnight, 0–1440. A range whose end ≤ start runs past midnight. */
export type TimeRange = { start: number; end: number };
export type WeeklyRange = TimeRange & { weekday: number };
/** Other hours on one local date; no ranges = a day off. */
export type DateOverride = { date: string; ranges: TimeRange[] };

export type AvailabilityRules = {
  timeZone: string;
  weekly: WeeklyRange[];
  overrides: DateOverride[];
  slotLengths: number[];
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  minimumNoticeMinutes: number;
  horizonDays: number;
};

export type Interval = { startMs: number; endMs: number };
/** A published session with seats still free: offered as a slot of its own. */
export type OpenSession = Interval & { sessionId: string; seatsLeft: number };

export type Slot = Interval & {
  lengthMinutes: number;
  kind: 'weekly' | 'session';
  sessionId?: string;
  seatsLeft?: number;
};

export type SlotQuery = {
  rules: AvailabilityRules;
  /** Approved and held bookings and the mentor's own sessions: never offered again. */
  busy: Interval[];
  openSessions?: OpenSession[];
  now: number;
  fromMs: number;
  toMs: number;
  /** Reuse across calls for one zone (directory pages); computed when absent. */
  segments?: OffsetSegment[];
};

/** "HH:MM" (00:00–24:00) → minutes after midnight, or null when malformed. */
export function parseClockTime(text: string): number | null {
  const match = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(text);
  if (!match) return null;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return minutes <= 1440 ? minutes : null;
}

export function formatClockTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Wall-clock windows, merged where they overlap or touch, sorted by start. */
export function availabilityWindows(
  rules: Pick<AvailabilityRules, 'weekly' | 'overrides'>,
  fromWall: number,
  toWall: number,
): Interval[] {
  const overrides = new Map(rules.overrides.map((o) => [o.date, o.ranges]));
  const byWeekday = new Map<number, TimeRange[]>();
  for (const r of rules.weekly) {
    byWeekday.set(r.weekday, [...(byWeekday.get(r.weekday) ?? []), r]);
  }
  const windows: Interval[] = [];
  // Start a day early: last night's range may run past midnight into the period.
  for (let day = wallDayStart(fromWall) - DAY_MS; day < toWall; day += DAY_MS) {
    const ranges = overrides.get(wallDate(day)) ?? byWeekday.get(isoWeekday(day)) ?? [];
    for (const r of ranges) {
      const startMs = day + r.start * MINUTE_MS;
      const endMs = day + (r.end > r.start ? r.end : r.end + 1440) * MINUTE_MS;
      if (endMs > fromWall && startMs < toWall) windows.push({ startMs, endMs });
    }
  }
  return mergeIntervals(windows);
}

export function mergeIntervals(intervals: Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a.startMs - b.startMs);
  const merged: Interval[] = [];
  for (const i of sorted) {
    const last = merged[merged.length - 1];
    if (last && i.startMs <= last.endMs) last.endMs = Math.max(last.endMs, i.endMs);
    else merged.push({ ...i });
  }
  return merged;
}

/**
 * Busy intervals widened by both buffers: a new session needs `after` free
 * behind every other session and `before` free ahead of it, and vice versa.
 */
function widenedBusy(rules: AvailabilityRules, busy: Interval[]): Interval[] {
  const pad = (rules.bufferBeforeMinutes + rules.bufferAfterMinutes) * MINUTE_MS;
  return mergeIntervals(busy.map((b) => ({ startMs: b.startMs - pad, endMs: b.endMs + pad })));
}

/** Index of the first interval whose end is after `ms` (intervals sorted, disjoint). */
function firstEndingAfter(intervals: Interval[], ms: number): number {
  let lo = 0;
  let hi = intervals.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (intervals[mid]!.endMs <= ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function overlapsAny(sorted: Interval[], startMs: number, endMs: number): boolean {
  const i = sorted[firstEndingAfter(sorted, startMs)];
  return i !== undefined && i.startMs < endMs;
}

/**
 * Slots back to back in real time through each stretch of instants at which
 * the clock reads a time inside the window. Stepping the real clock, not the
 * wall clock, offers every free stretch across a DST change once: on a
 * fall-back night the repeated hour's second pass is real time the mentor has
 * too (its slots carry another UTC offset), and a spring-forward gap is simply
 * not there. Without a change in the window this is stepping from its start.
 */
function slotsInWindow(
  window: Interval,
  lengthMs: number,
  segments: OffsetSegment[],
  emit: (startMs: number, endMs: number) => boolean,
): boolean {
  for (const stretch of wallRangeToInstants(segments, window.startMs, window.endMs)) {
    for (let s = stretch.startMs; s + lengthMs <= stretch.endMs; s += lengthMs) {
      if (!emit(s, s + lengthMs)) return false;
    }
  }
  return true;
}

/**
 * Bookable slots in [fromMs, toMs): the mentor's hours in their zone (with
 * overrides), cut into each offered length, minus busy time (with buffers),
 * minimum notice and anything beyond the horizon; plus open published
 * sessions. Sorted by start, then length. `limit` stops early (next free slot).
 */
export function computeSlots(q: SlotQuery, limit = Number.POSITIVE_INFINITY): Slot[] {
  const { rules } = q;
  const earliest = Math.max(q.fromMs, q.now + rules.minimumNoticeMinutes * MINUTE_MS);
  const latest = Math.min(q.toMs, q.now + rules.horizonDays * DAY_MS);
  if (earliest >= latest) return [];
  const segments = q.segments ?? offsetSegments(rules.timeZone, earliest, latest);
  const busy = widenedBusy(rules, q.busy);
  const slots: Slot[] = [];

  const windows = availabilityWindows(
    rules,
    instantToWall(segments, earliest),
    instantToWall(segments, latest),
  );
  const lengths = [...new Set(rules.slotLengths)].sort((a, b) => a - b);
  for (const window of windows) {
    for (const length of lengths) {
      // The callback stops this length's stepping at `latest`; the next length starts afresh.
      slotsInWindow(window, length * MINUTE_MS, segments, (startMs, endMs) => {
        if (startMs < earliest) return true;
        if (startMs >= latest) return false;
        if (!overlapsAny(busy, startMs, endMs)) {
          slots.push({ startMs, endMs, lengthMinutes: length, kind: 'weekly' });
        }
        return true;
      });
    }
    if (slots.length >= limit) break;
  }

  for (const s of q.openSessions ?? []) {
    if (s.seatsLeft > 0 && s.startMs >= earliest && s.startMs < latest) {
      slots.push({
        startMs: s.startMs,
        endMs: s.endMs,
        lengthMinutes: Math.round((s.endMs - s.startMs) / MINUTE_MS),
        kind: 'session',
        sessionId: s.sessionId,
        seatsLeft: s.seatsLeft,
      });
    }
  }
  slots.sort((a, b) => a.startMs - b.startMs || a.lengthMinutes - b.lengthMinutes);
  return Number.isFinite(limit) ? slots.slice(0, limit) : slots;
}

/**
 * The first bookable slot from `now`, scanning a week at a time so a mentor
 * with free time soon costs little (directory pages list hundreds).
 */
export function nextFreeSlot(q: Omit<SlotQuery, 'fromMs' | 'toMs'>): Slot | null {
  const end = q.now + q.rules.horizonDays * DAY_MS;
  for (let from = q.now; from < end; from += 7 * DAY_MS) {
    const [slot] = computeSlots({ ...q, fromMs: from, toMs: Math.min(end, from + 7 * DAY_MS) }, 1);
    if (slot) return slot;
  }
  return null;
}

/** True when [startMs, endMs) lies inside one of the mentor's windows (weekly hours or override). */
export function isInsideHours(rules: AvailabilityRules, startMs: number, endMs: number): boolean {
  const segments = offsetSegments(rules.timeZone, startMs, endMs);
  const s = instantToWall(segments, startMs);
  const e = instantToWall(segments, endMs);
  return availabilityWindows(rules, s - DAY_MS, e + DAY_MS).some(
    (w) => w.startMs <= s && e <= w.endMs,
  );
}
