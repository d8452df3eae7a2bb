import { type FormEvent, useState } from 'react';
import type { Availability } from '../../api/types.ts';
import type { FieldErrors } from '../../api.ts';
import { ok } from '../../api.ts';
import { Alert, ErrorAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { Card } from '../../ui/card.tsx';
import { TimeZoneSelect } from '../../ui/time-zone-select.tsx';
import { useSubmission } from '../../use-submission.ts';
import { useApi } from '../auth/session-context.tsx';
import {
  type AvailabilityDraft,
  checkDraft,
  draftOf,
  incompleteRanges,
  type RangePosition,
  rangeErrorKey,
  toSettings,
  type Weekday,
  weekdays,
} from './availability-draft.ts';
import { BookingSettingsFields } from './booking-settings-fields.tsx';
import { DayHoursRow } from './day-hours-row.tsx';

/** The server names a bad range by its place in the array sent (`weekly.3.end`). */
function serverRangeErrors(paths: FieldErrors, positions: RangePosition[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const [path, problem] of Object.entries(paths)) {
    const match = /^weekly\.(\d+)(?:\.(start|end))?$/.exec(path);
    const position = match ? positions[Number(match[1])] : undefined;
    if (!position) continue;
    const label = match?.[2] === 'start' ? 'From ' : match?.[2] === 'end' ? 'To ' : '';
    errors[rangeErrorKey(position.weekday, position.index)] ??= /^[a-z]/.test(problem)
      ? `${label}${problem}`
      : problem;
  }
  return errors;
}

type WeeklyHoursCardProps = { availability: Availability; onSaved: (saved: Availability) => void };

/** A mentor's weekly hours, time zone and booking rules, saved together. */
export function WeeklyHoursCard({ availability, onSaved }: WeeklyHoursCardProps) {
  const api = useApi();
  const [draft, setDraft] = useState<AvailabilityDraft>(() => draftOf(availability));
  const [localErrors, setLocalErrors] = useState<FieldErrors>({});
  const [positions, setPositions] = useState<RangePosition[]>([]);
  const [saved, setSaved] = useState(false);
  const submission = useSubmission();
  const errors = { ...submission.fieldErrors, ...localErrors };
  const serverErrors = serverRangeErrors(submission.fieldPaths, positions);
  const rangeErrors = { ...serverErrors, ...localErrors };
  const placed = Object.keys(serverErrors).length > 0;

  function change(changes: Partial<AvailabilityDraft>) {
    setDraft((current) => ({ ...current, ...changes }));
    setSaved(false);
  }

  function changeDay(weekday: Weekday, ranges: AvailabilityDraft['days'][Weekday]) {
    setDraft((current) => ({ ...current, days: { ...current.days, [weekday]: ranges } }));
    setLocalErrors({});
    setSaved(false);
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const problems = { ...checkDraft(draft), ...incompleteRanges(draft.days) };
    setLocalErrors(problems);
    if (Object.keys(problems).length > 0) return;
    const { settings, positions: sent } = toSettings(draft);
    setPositions(sent);
    const result = await submission.run(() =>
      ok(api.PUT('/api/me/availability', { body: settings })),
    );
    if (result.ok) {
      setDraft(draftOf(result.value));
      setSaved(true);
      onSaved(result.value);
    }
  }

  return (
    <Card
      title="Weekly hours"
      description="When mentees can book you, in every program you mentor in."
    >
      <form className="form" onSubmit={submit} noValidate>
        <TimeZoneSelect
          value={draft.timeZone}
          error={errors.timeZone}
          hint="Your hours and date overrides are read in this zone."
          onChange={(timeZone) => change({ timeZone })}
        />
        <div className="week-hours">
          {weekdays.map(({ weekday, name }) => (
            <DayHoursRow
              key={weekday}
              day={name}
              ranges={draft.days[weekday]}
              errorAt={(index) => rangeErrors[rangeErrorKey(weekday, index)]}
              onChange={(ranges) => changeDay(weekday, ranges)}
            />
          ))}
        </div>
        <p className="field__hint">A range that ends at or before its start runs past midnight.</p>
        {errors.weekly && !placed ? <p className="field__error">{errors.weekly}</p> : null}
        <BookingSettingsFields draft={draft} errors={errors} onChange={change} />
        <ErrorAlert
          message={
            submission.error ??
            (Object.keys(localErrors).length > 0 ? 'Please correct the marked fields.' : null)
          }
        />
        {saved ? <Alert tone="success">Availability saved</Alert> : null}
        <div className="button-row">
          <Button type="submit" variant="primary" pending={submission.pending}>
            Save availability
          </Button>
        </div>
      </form>
    </Card>
  );
}
