import { type FormEvent, useState } from 'react';
import { wallClockAt } from '../../../core/local-time.ts';
import type { Booking } from '../../api/types.ts';
import type { FieldErrors } from '../../api.ts';
import { ErrorAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { TextAreaField } from '../../ui/field.tsx';
import { lengthMinutes } from './booking-display.ts';
import type { BookingActionState } from './use-booking-action.ts';
import { readWhen, type WhenDraft, WhenFields } from './when-fields.tsx';

type ProposeTimeFormProps = {
  booking: Booking;
  viewerZone: string;
  action: BookingActionState;
  /** Names the form and its button: "Suggest another time" / "Send suggestion". */
  title: string;
  submitLabel: string;
  /** What the page says once it is sent. */
  doneMessage: string;
  onClose: () => void;
  /** `move`: an approved session's new time, with the reason it needs; else a pending booking's suggestion */
  verb?: 'propose' | 'move';
};

/**
 * Another start for a booking, same length, typed in the viewer's zone: a
 * suggestion for a pending one, or a move of an approved one (with a reason).
 */
export function ProposeTimeForm(props: ProposeTimeFormProps) {
  const { booking, viewerZone, action } = props;
  // Start from the time on the table, so a small shift is a small edit.
  const [when, setWhen] = useState<WhenDraft>(() => {
    const current = wallClockAt(Date.parse(booking.startsAt), viewerZone);
    return { date: current.date, startTime: current.time };
  });
  const [problems, setProblems] = useState<FieldErrors>({});
  const [reason, setReason] = useState('');
  const moving = props.verb === 'move';
  const errors = { ...action.fieldErrors, ...problems };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const read = readWhen(when, viewerZone, Date.now());
    const missingReason: FieldErrors =
      moving && !reason.trim() ? { reason: 'Say why it needs to move' } : {};
    setProblems(read.ok ? missingReason : { ...read.errors, ...missingReason });
    if (!read.ok || Object.keys(missingReason).length > 0) return;
    const startsAt = read.startsAt.toISOString();
    const result = await action.act(
      moving ? 'move' : 'propose',
      moving
        ? { startsAt, reason: reason.trim() }
        : { startsAt, lengthMinutes: lengthMinutes(booking) },
      props.doneMessage,
    );
    if (result.ok) props.onClose();
  }

  return (
    <form className="form session-panel" aria-label={props.title} onSubmit={submit} noValidate>
      <div className="form__row">
        <WhenFields draft={when} onChange={setWhen} errors={errors} timeZone={viewerZone} />
      </div>
      <p className="field__hint">Same length: {lengthMinutes(booking)} minutes.</p>
      {moving ? (
        <TextAreaField
          label="Reason"
          name="reason"
          rows={2}
          value={reason}
          error={errors.reason}
          onChange={(event) => setReason(event.target.value)}
        />
      ) : null}
      <ErrorAlert message={action.error} />
      <div className="button-row">
        <Button type="submit" variant="primary" pending={action.pending}>
          {props.submitLabel}
        </Button>
        <Button variant="ghost" onClick={props.onClose}>
          Close
        </Button>
      </div>
    </form>
  );
}
