import { type FormEvent, useState } from 'react';
import type { Session } from '../../api/types.ts';
import { ok } from '../../api.ts';
import { ErrorAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { Checkbox } from '../../ui/checkbox.tsx';
import { SelectField, TextField } from '../../ui/field.tsx';
import { useSubmission } from '../../use-submission.ts';
import { useApi } from '../auth/session-context.tsx';

/** The server refuses more copies than this in one go. */
const MAX_COPIES = 200;

type BulkDuplicateFormProps = {
  session: Session;
  onDone: (message: string) => void;
  onClose: () => void;
};

/** Repeats a session every n days or weeks, until a date or a number of times. */
export function BulkDuplicateForm({ session, onDone, onClose }: BulkDuplicateFormProps) {
  const api = useApi();
  const [every, setEvery] = useState('1');
  const [unit, setUnit] = useState<'days' | 'weeks'>('weeks');
  const [ends, setEnds] = useState<'until' | 'count'>('count');
  const [until, setUntil] = useState('');
  const [count, setCount] = useState('4');
  const [publish, setPublish] = useState(session.status !== 'draft');
  const [problem, setProblem] = useState<{ field: string; text: string } | null>(null);
  const submission = useSubmission();
  const errors = {
    ...submission.fieldErrors,
    ...(problem ? { [problem.field]: problem.text } : {}),
  };

  function check(): { field: string; text: string } | null {
    if (!(Number.isInteger(Number(every)) && Number(every) >= 1)) {
      return { field: 'interval', text: 'must be a whole number from 1' };
    }
    if (ends === 'until' && !until) return { field: 'until', text: 'Choose the last date.' };
    const copies = Number(count);
    if (ends === 'count' && !(Number.isInteger(copies) && copies >= 1 && copies <= MAX_COPIES)) {
      return { field: 'count', text: `must be between 1 and ${MAX_COPIES}` };
    }
    return null;
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = check();
    setProblem(found);
    if (found) return;
    const result = await submission.run(() =>
      ok(
        api.POST('/api/orgs/{orgId}/sessions/{sessionId}/bulk-duplicate', {
          params: { path: { orgId: session.orgId, sessionId: session.id } },
          body: {
            interval: Number(every),
            unit,
            ...(ends === 'until' ? { until } : { count: Number(count) }),
            publish,
          },
        }),
      ),
    );
    if (result.ok) {
      const made = result.value.sessions.length;
      onDone(made === 1 ? '1 copy created' : `${made} copies created`);
    }
  }

  return (
    <form className="form session-panel" aria-label="Bulk duplicate" onSubmit={submit} noValidate>
      <div className="form__row">
        <TextField
          label="Every"
          name="interval"
          type="number"
          min={1}
          inputMode="numeric"
          value={every}
          error={errors.interval}
          onChange={(event) => setEvery(event.target.value)}
        />
        <SelectField
          label="Unit"
          name="unit"
          value={unit}
          error={errors.unit}
          onChange={(event) => setUnit(event.target.value as 'days' | 'weeks')}
        >
          <option value="days">days</option>
          <option value="weeks">weeks</option>
        </SelectField>
        <SelectField
          label="Ends"
          name="ends"
          value={ends}
          onChange={(event) => setEnds(event.target.value as 'until' | 'count')}
        >
          <option value="count">After a number of times</option>
          <option value="until">On a date</option>
        </SelectField>
        {ends === 'until' ? (
          <TextField
            label="Until"
            name="until"
            type="date"
            value={until}
            error={errors.until}
            onChange={(event) => setUntil(event.target.value)}
          />
        ) : (
          <TextField
            label="Times"
            name="count"
            type="number"
            min={1}
            max={MAX_COPIES}
            inputMode="numeric"
            hint="How many copies to make."
            value={count}
            error={errors.count}
            onChange={(event) => setCount(event.target.value)}
          />
        )}
      </div>
      <Checkbox
        label="Publish the copies"
        checked={publish}
        onChange={(event) => setPublish(event.target.checked)}
      />
      <p className="field__hint">
        Each copy keeps the same local start time, across clock changes. An enrolled mentee is
        carried over.
      </p>
      <ErrorAlert message={submission.error} />
      <div className="button-row">
        <Button type="submit" variant="primary" pending={submission.pending}>
          Create copies
        </Button>
        <Button variant="ghost" onClick={onClose}>
          Close
        </Button>
      </div>
    </form>
  );
}
