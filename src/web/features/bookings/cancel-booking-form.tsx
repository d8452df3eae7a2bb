import { type FormEvent, useState } from 'react';
import type { Booking } from '../../api-types.ts';
import { Alert, ErrorAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { TextField } from '../../ui/field.tsx';
import type { BookingActionState } from './use-booking-action.ts';

type CancelBookingFormProps = {
  booking: Booking;
  otherName: string;
  /** a mentee's late cancellation keeps the payment; a mentor's always refunds */
  byMentee: boolean;
  action: BookingActionState;
  onClose: () => void;
};

/** Cancels a confirmed session with a reason the other person is shown (seed 000). */
export function CancelBookingForm(props: CancelBookingFormProps) {
  const { booking, otherName, byMentee, action, onClose } = props;
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMissing(!reason.trim());
    if (!reason.trim()) return;
    const result = await action.act('cancel', { reason: reason.trim() }, (updated) =>
      updated.lateCancellation
        ? `Session with ${otherName} cancelled — recorded as a late cancellation`
        : `Session with ${otherName} cancelled`,
    );
    if (result.ok) onClose();
  }

  return (
    <form className="form session-panel" aria-label="Cancel booking" onSubmit={submit} noValidate>
      <p className="confirm__question">Cancel your session with {otherName}?</p>
      {Date.now() >= Date.parse(booking.lateCancellationFrom) ? (
        <Alert tone="warning">
          This is a late cancellation: the session starts within the program’s late-cancellation
          window. It is recorded as late
          {booking.price && byMentee ? ', and the payment is not refunded' : ''}.
        </Alert>
      ) : null}
      <TextField
        label="Reason"
        name="reason"
        required
        maxLength={1000}
        hint={`${otherName} is told this by email and in Confer.`}
        value={reason}
        error={missing ? 'Say why the session is cancelled.' : action.fieldErrors.reason}
        onChange={(event) => setReason(event.target.value)}
      />
      <ErrorAlert message={action.error} />
      <div className="button-row">
        <Button type="submit" variant="danger" pending={action.pending}>
          Cancel session
        </Button>
        <Button variant="ghost" onClick={onClose}>
          Keep session
        </Button>
      </div>
    </form>
  );
}
