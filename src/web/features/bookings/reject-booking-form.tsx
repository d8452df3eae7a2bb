import { type FormEvent, useState } from 'react';
import type { Booking } from '../../api/types.ts';
import { ErrorAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { TextAreaField } from '../../ui/field.tsx';
import type { BookingActionState } from './use-booking-action.ts';

type RejectBookingFormProps = {
  booking: Booking;
  action: BookingActionState;
  onClose: () => void;
};

/** A reason (shown to the mentee, seed 004), then one more click to be sure. */
export function RejectBookingForm({ booking, action, onClose }: RejectBookingFormProps) {
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const [confirming, setConfirming] = useState(false);

  function ask(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMissing(!reason.trim());
    if (reason.trim()) setConfirming(true);
  }

  async function reject() {
    const result = await action.act(
      'reject',
      { reason: reason.trim() },
      `Booking from ${booking.mentee.name} rejected`,
    );
    if (!result.ok) setConfirming(false);
  }

  return (
    <form className="form session-panel" aria-label="Reject booking" onSubmit={ask} noValidate>
      <TextAreaField
        label="Reason"
        name="reason"
        rows={2}
        required
        maxLength={1000}
        hint={`${booking.mentee.name} sees this. For example: a clash, or outside what you cover.`}
        value={reason}
        readOnly={confirming}
        error={missing ? 'Say why you reject the booking.' : action.fieldErrors.reason}
        onChange={(event) => setReason(event.target.value)}
      />
      <ErrorAlert message={action.error} />
      {confirming ? (
        <div className="confirm confirm--start">
          <span className="confirm__question">Reject {booking.mentee.name}’s booking?</span>
          <Button variant="danger" size="small" pending={action.pending} onClick={reject}>
            Yes, reject
          </Button>
          <Button variant="ghost" size="small" onClick={() => setConfirming(false)}>
            Cancel
          </Button>
        </div>
      ) : (
        <div className="button-row">
          <Button type="submit" variant="danger">
            Reject booking
          </Button>
          <Button variant="ghost" onClick={onClose}>
            Close
          </Button>
        </div>
      )}
    </form>
  );
}
