import { type FormEvent, useState } from 'react';
import { addDays, wallClockAt } from '../../../core/local-time.ts';
import type { Session } from '../../api/types.ts';
import { ok } from '../../api.ts';
import { ErrorAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { Checkbox } from '../../ui/checkbox.tsx';
import { TextField } from '../../ui/field.tsx';
import { formatCalendarDate } from '../../ui/format-date-time.ts';
import { useSubmission } from '../../use-submission.ts';
import { useApi } from '../auth/session-context.tsx';

type DuplicateSessionFormProps = {
  session: Session;
  onDone: (message: string) => void;
  onClose: () => void;
};

/** One copy at a new date and time; enrolled mentees stay on the original. */
export function DuplicateSessionForm({ session, onDone, onClose }: DuplicateSessionFormProps) {
  const api = useApi();
  // The server reads the copy's date and time on the session's own clock.
  const zone = session.wallTimeZone;
  const start = wallClockAt(Date.parse(session.startsAt), zone);
  const [date, setDate] = useState(() => addDays(start.date, 7));
  const [startTime, setStartTime] = useState(start.time);
  const [publish, setPublish] = useState(session.status !== 'draft');
  const submission = useSubmission();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = await submission.run(() =>
      ok(
        api.POST('/api/orgs/{orgId}/sessions/{sessionId}/duplicate', {
          params: { path: { orgId: session.orgId, sessionId: session.id } },
          body: {
            date,
            startTime,
            publish,
          },
        }),
      ),
    );
    if (result.ok) {
      onDone(
        `Copy ${result.value.status === 'draft' ? 'saved as a draft' : 'published'} for ${formatCalendarDate(date, true)}`,
      );
    }
  }

  return (
    <form
      className="form session-panel"
      aria-label="Duplicate session"
      onSubmit={submit}
      noValidate
    >
      <div className="form__row">
        <TextField
          label="Date"
          name="date"
          type="date"
          required
          value={date}
          error={submission.fieldErrors.date}
          onChange={(event) => setDate(event.target.value)}
        />
        <TextField
          label="Start time"
          name="startTime"
          type="time"
          required
          value={startTime}
          hint={`In ${zone}.`}
          error={submission.fieldErrors.startTime}
          onChange={(event) => setStartTime(event.target.value)}
        />
      </div>
      <Checkbox
        label="Publish the copy"
        checked={publish}
        onChange={(event) => setPublish(event.target.checked)}
      />
      <p className="field__hint">Enrolled mentees are not copied.</p>
      <ErrorAlert message={submission.error} />
      <div className="button-row">
        <Button type="submit" variant="primary" pending={submission.pending}>
          Create copy
        </Button>
        <Button variant="ghost" onClick={onClose}>
          Close
        </Button>
      </div>
    </form>
  );
}
