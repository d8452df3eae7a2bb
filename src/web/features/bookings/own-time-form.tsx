import { type FormEvent, useState } from 'react';
import type { Booking, NewBookingInput } from '../../api/types.ts';
import type { FieldErrors } from '../../api.ts';
import { ok } from '../../api.ts';
import { ErrorAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { TextAreaField, TextField } from '../../ui/field.tsx';
import { useSubmission } from '../../use-submission.ts';
import { useApi } from '../auth/session-context.tsx';
import type { BookingMentor } from './book-slot-form.tsx';
import { newIdempotencyKey } from './booking-api.ts';
import { readWhen, type WhenDraft, WhenFields } from './when-fields.tsx';

/** The server takes a time of one's own of up to four hours. */
const MAX_MINUTES = 240;

type OwnTimeFormProps = {
  orgId: string;
  mentor: BookingMentor;
  viewerZone: string;
  /** the length of the kind of session chosen, as the first guess */
  lengthMinutes?: number | undefined;
  onBooked: (booking: Booking) => void;
  onClose: () => void;
};

/** A time of the mentee's own, outside the listed slots, for the mentor to consider. */
export function OwnTimeForm(props: OwnTimeFormProps) {
  const { orgId, mentor, viewerZone, onBooked, onClose } = props;
  const api = useApi();
  const [when, setWhen] = useState<WhenDraft>({ date: '', startTime: '' });
  const [duration, setDuration] = useState(String(props.lengthMinutes ?? 30));
  const [message, setMessage] = useState('');
  const [problems, setProblems] = useState<FieldErrors>({});
  const [idempotencyKey] = useState(newIdempotencyKey);
  const submission = useSubmission();
  const errors = { ...submission.fieldErrors, ...problems };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const read = readWhen(when, viewerZone, Date.now());
    const minutes = Number(duration);
    const found: FieldErrors = read.ok ? {} : { ...read.errors };
    if (!(Number.isInteger(minutes) && minutes >= 5 && minutes <= MAX_MINUTES)) {
      found.lengthMinutes = `must be a whole number from 5 to ${MAX_MINUTES}`;
    }
    setProblems(found);
    if (!read.ok || Object.keys(found).length > 0) return;
    const input: NewBookingInput = {
      mentorId: mentor.userId,
      startsAt: read.startsAt.toISOString(),
      lengthMinutes: minutes,
      ownTime: true,
      message: message.trim(),
    };
    const result = await submission.run(() =>
      ok(
        api.POST('/api/orgs/{orgId}/bookings', {
          params: { path: { orgId } },
          body: input,
          headers: { 'Idempotency-Key': idempotencyKey },
        }),
      ),
    );
    if (result.ok) onBooked(result.value);
  }

  return (
    <form
      className="form session-panel"
      aria-label="Suggest another time"
      onSubmit={submit}
      noValidate
    >
      <p className="item-list__meta">
        None of the times suit you? Suggest one; {mentor.name} can accept it or offer another.
      </p>
      <div className="form__row">
        <WhenFields draft={when} onChange={setWhen} errors={errors} timeZone={viewerZone} />
        <TextField
          label="Duration (minutes)"
          name="lengthMinutes"
          type="number"
          min={5}
          max={MAX_MINUTES}
          step={5}
          inputMode="numeric"
          required
          value={duration}
          error={errors.lengthMinutes}
          onChange={(event) => setDuration(event.target.value)}
        />
      </div>
      <TextAreaField
        label="Message"
        name="message"
        rows={3}
        maxLength={5000}
        value={message}
        error={errors.message}
        onChange={(event) => setMessage(event.target.value)}
      />
      <ErrorAlert
        message={
          submission.error ??
          (Object.keys(problems).length > 0 ? 'Please correct the marked fields.' : null)
        }
      />
      <div className="button-row">
        <Button type="submit" variant="primary" pending={submission.pending}>
          Suggest time
        </Button>
        <Button variant="ghost" onClick={onClose}>
          Close
        </Button>
      </div>
    </form>
  );
}
