import { isCalendarDate, isClockTime, zonedInstant } from '../../../core/local-time.ts';
import type { FieldErrors } from '../../api.ts';
import { TextField } from '../../ui/field.tsx';

export type WhenDraft = { date: string; startTime: string };

/**
 * The instant a date and start time typed in `timeZone` mean, or the
 * problem keyed by input name. A time skipped by a clock change is refused
 * rather than silently moved.
 */
export function readWhen(
  draft: WhenDraft,
  timeZone: string,
  nowMs: number,
): { ok: true; startsAt: Date } | { ok: false; errors: FieldErrors } {
  if (!isCalendarDate(draft.date)) return { ok: false, errors: { date: 'Choose a date.' } };
  if (!isClockTime(draft.startTime)) {
    return { ok: false, errors: { startTime: 'Choose a start time.' } };
  }
  const startsAt = zonedInstant(draft.date, draft.startTime, timeZone);
  if (startsAt === null) {
    return {
      ok: false,
      errors: { startTime: `does not exist in ${timeZone} that day (the clocks change)` },
    };
  }
  if (startsAt <= nowMs) return { ok: false, errors: { startTime: 'must be in the future' } };
  return { ok: true, startsAt: new Date(startsAt) };
}

type WhenFieldsProps = {
  draft: WhenDraft;
  onChange: (draft: WhenDraft) => void;
  errors: FieldErrors;
  timeZone: string;
};

/** "Date" and "Start time", read in the viewer's zone, which the hint names. */
export function WhenFields({ draft, onChange, errors, timeZone }: WhenFieldsProps) {
  return (
    <>
      <TextField
        label="Date"
        name="date"
        type="date"
        required
        value={draft.date}
        error={errors.date}
        onChange={(event) => onChange({ ...draft, date: event.target.value })}
      />
      <TextField
        label="Start time"
        name="startTime"
        type="time"
        required
        value={draft.startTime}
        hint={`In ${timeZone}, your time zone.`}
        error={errors.startTime ?? errors.startsAt}
        onChange={(event) => onChange({ ...draft, startTime: event.target.value })}
      />
    </>
  );
}
