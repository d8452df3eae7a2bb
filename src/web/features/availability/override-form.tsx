import { type FormEvent, useState } from 'react';
import type { Availability, DateOverride } from '../../api/types.ts';
import { ok } from '../../api.ts';
import { ErrorAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { Checkbox } from '../../ui/checkbox.tsx';
import { TextField } from '../../ui/field.tsx';
import { useSubmission } from '../../use-submission.ts';
import { useApi } from '../auth/session-context.tsx';
import {
  nextRange,
  type RangeDraft,
  rangeDraft,
  rangeProblem,
  toApiRange,
} from './availability-draft.ts';
import { TimeRangeFields } from './time-range-fields.tsx';

type OverrideFormProps = {
  /** The override being changed, or none for a new one. */
  initial: DateOverride | null;
  onSaved: (availability: Availability, date: string) => void;
  onCancel: () => void;
};

/** Other hours, or a day off, on one date. */
export function OverrideForm({ initial, onSaved, onCancel }: OverrideFormProps) {
  const api = useApi();
  const [date, setDate] = useState(initial?.date ?? '');
  const [dayOff, setDayOff] = useState(initial ? initial.ranges.length === 0 : false);
  const [ranges, setRanges] = useState<RangeDraft[]>(() =>
    initial && initial.ranges.length > 0
      ? initial.ranges.map((range) => rangeDraft(range.start, range.end))
      : [rangeDraft('09:00', '17:00')],
  );
  const [missing, setMissing] = useState<{ date?: string; ranges?: string }>({});
  const submission = useSubmission();

  function rangeError(index: number): string | undefined {
    const server = Object.entries(submission.fieldPaths).find(([path]) =>
      path.startsWith(`ranges.${index}`),
    );
    return server?.[1];
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problems: typeof missing = {};
    if (!date) problems.date = 'Choose a date.';
    if (!dayOff && ranges.length === 0) problems.ranges = 'Add hours, or tick Day off.';
    const bad = dayOff ? null : ranges.map(rangeProblem).find(Boolean);
    if (bad) problems.ranges = bad;
    setMissing(problems);
    if (Object.keys(problems).length > 0) return;
    const body = { ranges: dayOff ? [] : ranges.map(toApiRange) };
    const result = await submission.run(() =>
      ok(
        api.PUT('/api/me/availability/overrides/{date}', {
          params: { path: { date: encodeURIComponent(date) } },
          body: body,
        }),
      ),
    );
    if (result.ok) onSaved(result.value, date);
  }

  return (
    <form className="form subform" onSubmit={submit} noValidate>
      <h3 className="subform__title">{initial ? 'Change override' : 'Add an override'}</h3>
      <div className="form__row">
        <TextField
          label="Date"
          name="date"
          type="date"
          required
          value={date}
          readOnly={Boolean(initial)}
          error={missing.date ?? submission.fieldErrors.date}
          onChange={(event) => setDate(event.target.value)}
        />
      </div>
      <Checkbox
        label="Day off"
        checked={dayOff}
        onChange={(event) => setDayOff(event.target.checked)}
      />
      {dayOff ? null : (
        <div className="day-hours__ranges">
          {ranges.map((range, index) => (
            <TimeRangeFields
              key={range.key}
              owner="Override"
              index={index}
              range={range}
              error={rangeError(index)}
              onChange={(changed) =>
                setRanges(ranges.map((other) => (other.key === range.key ? changed : other)))
              }
              onRemove={() => setRanges(ranges.filter((other) => other.key !== range.key))}
            />
          ))}
          <div>
            <Button
              size="small"
              aria-label="Add hours on this date"
              onClick={() => setRanges([...ranges, nextRange(ranges)])}
            >
              Add hours
            </Button>
          </div>
        </div>
      )}
      {missing.ranges || submission.fieldErrors.ranges ? (
        <p className="field__error">{missing.ranges ?? submission.fieldErrors.ranges}</p>
      ) : null}
      <ErrorAlert message={submission.error} />
      <div className="button-row">
        <Button type="submit" variant="primary" pending={submission.pending}>
          Save override
        </Button>
        {initial ? (
          <Button variant="ghost" onClick={onCancel}>
            Cancel
          </Button>
        ) : null}
      </div>
    </form>
  );
}
