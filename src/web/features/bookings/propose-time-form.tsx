import { type FormEvent, useState } from 'react';
import { wallClockAt } from '../../../core/local-time.ts';
import type { Booking } from '../../api/types.ts';
import type { FieldErrors } from '../../api.ts';
import { ErrorAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
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
};

/** Another start for a pending booking, same length, typed in the viewer's zone. */
export function ProposeTimeForm(props: ProposeTimeFormProps) {
  const { booking, viewerZone, action } = props;
  // Start from the time on the table, so a small shift is a small edit.
  const [when, setWhen] = useState<WhenDraft>(() => {
    const current = wallClockAt(Date.parse(booking.startsAt), viewerZone);
    return { date: current.date, startTime: current.time };
  });
  const [problems, setProblems] = useState<FieldErrors>({});
  const errors = { ...action.fieldErrors, ...problems };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const read = readWhen(when, viewerZone, Date.now());
    setProblems(read.ok ? {} : read.errors);
    if (!read.ok) return;
    const result = await action.act(
      'propose',
      { startsAt: read.startsAt.toISOString(), lengthMinutes: lengthMinutes(booking) },
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
