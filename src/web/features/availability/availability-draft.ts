import type { Availability, AvailabilitySettings } from '../../api/types.ts';
import type { FieldErrors } from '../../api.ts';

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** Local times of day, "HH:MM" (24-hour; "24:00" allowed as an end). An end ≤ start runs past midnight. */
export type ClockRange = { start: string; end: string };

/*
 * The weekly-hours form keeps numbers as the text typed and ranges grouped by
 * weekday; these helpers convert to and from the API's shapes. Times of day
 * stay "HH:MM" strings: no Date is involved, so no zone can shift them.
 */

export const weekdays: { weekday: Weekday; name: string }[] = [
  { weekday: 1, name: 'Monday' },
  { weekday: 2, name: 'Tuesday' },
  { weekday: 3, name: 'Wednesday' },
  { weekday: 4, name: 'Thursday' },
  { weekday: 5, name: 'Friday' },
  { weekday: 6, name: 'Saturday' },
  { weekday: 7, name: 'Sunday' },
];

export const standardSlotLengths = [15, 30, 45, 60, 90];

/** One From/To pair being edited; `key` keeps React's rows stable as rows come and go. */
export type RangeDraft = { key: string; start: string; end: string };

let lastKey = 0;
export function rangeDraft(start: string, end: string): RangeDraft {
  lastKey += 1;
  return { key: `range-${lastKey}`, start: toInputTime(start), end: toInputTime(end) };
}

/** `<input type="time">` cannot show "24:00"; midnight as an end means the same thing. */
export function toInputTime(time: string): string {
  return time === '24:00' ? '00:00' : time;
}

/** An end of "00:00" is the following midnight: send it as "24:00", never as a wrap. */
export function toApiRange(range: RangeDraft): ClockRange {
  return { start: range.start, end: range.end === '00:00' ? '24:00' : range.end };
}

function minutesOf(time: string): number {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  return hours * 60 + minutes;
}

function clockOf(minutes: number): string {
  const wrapped = ((minutes % 1440) + 1440) % 1440;
  return `${String(Math.floor(wrapped / 60)).padStart(2, '0')}:${String(wrapped % 60).padStart(2, '0')}`;
}

/** The next range to offer: 09:00–17:00 on an empty day, else an hour after the last one. */
export function nextRange(ranges: RangeDraft[]): RangeDraft {
  const last = ranges[ranges.length - 1];
  if (!last?.end) return rangeDraft('09:00', '17:00');
  const start = minutesOf(last.end);
  return rangeDraft(clockOf(start), clockOf(start + 60));
}

export type AvailabilityDraft = {
  timeZone: string;
  autoApprove: boolean;
  slotLengths: number[];
  bufferBefore: string;
  bufferAfter: string;
  noticeHours: string;
  horizonDays: string;
  days: Record<Weekday, RangeDraft[]>;
};

export function draftOf(availability: Availability): AvailabilityDraft {
  const days: Record<Weekday, RangeDraft[]> = { 1: [], 2: [], 3: [], 4: [], 5: [], 6: [], 7: [] };
  const sorted = [...availability.weekly].sort((a, b) => a.start.localeCompare(b.start));
  // The API declares a weekday as a number; the server only ever sends 1–7.
  for (const range of sorted)
    days[range.weekday as Weekday]?.push(rangeDraft(range.start, range.end));
  return {
    timeZone: availability.timeZone,
    autoApprove: availability.autoApprove,
    slotLengths: [...availability.slotLengths].sort((a, b) => a - b),
    bufferBefore: String(availability.bufferBeforeMinutes),
    bufferAfter: String(availability.bufferAfterMinutes),
    // Hours read better than minutes for notice; fractions survive the round trip.
    noticeHours: String(availability.minimumNoticeMinutes / 60),
    horizonDays: String(availability.horizonDays),
    days,
  };
}

/** Where each entry of the `weekly` array sent came from, to place the server's errors. */
export type RangePosition = { weekday: Weekday; index: number };

export function rangeErrorKey(weekday: Weekday, index: number): string {
  return `${weekday}-${index}`;
}

export function toSettings(draft: AvailabilityDraft): {
  settings: AvailabilitySettings;
  positions: RangePosition[];
} {
  const positions: RangePosition[] = [];
  const weekly: AvailabilitySettings['weekly'] = [];
  for (const { weekday } of weekdays) {
    draft.days[weekday].forEach((range, index) => {
      positions.push({ weekday, index });
      weekly.push({ weekday, ...toApiRange(range) });
    });
  }
  return {
    settings: {
      timeZone: draft.timeZone,
      autoApprove: draft.autoApprove,
      slotLengths: draft.slotLengths,
      bufferBeforeMinutes: Number(draft.bufferBefore),
      bufferAfterMinutes: Number(draft.bufferAfter),
      minimumNoticeMinutes: Math.round(Number(draft.noticeHours) * 60),
      horizonDays: Number(draft.horizonDays),
      weekly,
    },
    positions,
  };
}

function isWholeNumber(text: string): boolean {
  return text.trim() !== '' && Number.isInteger(Number(text)) && Number(text) >= 0;
}

/** Problems the browser can spot before asking the server, keyed like the server's. */
export function checkDraft(draft: AvailabilityDraft): FieldErrors {
  const errors: FieldErrors = {};
  if (draft.slotLengths.length === 0) errors.slotLengths = 'Choose at least one slot length.';
  if (!isWholeNumber(draft.bufferBefore)) errors.bufferBeforeMinutes = 'must be a whole number';
  if (!isWholeNumber(draft.bufferAfter)) errors.bufferAfterMinutes = 'must be a whole number';
  const notice = Number(draft.noticeHours);
  if (draft.noticeHours.trim() === '' || !Number.isFinite(notice) || notice < 0) {
    errors.minimumNoticeMinutes = 'must be a number of hours';
  }
  if (!isWholeNumber(draft.horizonDays) || Number(draft.horizonDays) < 1) {
    errors.horizonDays = 'must be at least 1 day';
  }
  return errors;
}

/** What is wrong with one range before it is sent, or null. */
export function rangeProblem(range: RangeDraft): string | null {
  if (!range.start || !range.end) return 'Fill in both times.';
  if (range.start === range.end) return 'The end must differ from the start.';
  return null;
}

/** Ranges with a missing or empty time, keyed by `rangeErrorKey`. */
export function incompleteRanges(days: Record<Weekday, RangeDraft[]>): FieldErrors {
  const errors: FieldErrors = {};
  for (const { weekday } of weekdays) {
    days[weekday].forEach((range, index) => {
      const problem = rangeProblem(range);
      if (problem) errors[rangeErrorKey(weekday, index)] = problem;
    });
  }
  return errors;
}
