import type { Booking } from '../../api/types.ts';
import { Alert } from '../../ui/alert.tsx';
import { ReasonForm } from '../../ui/reason-form.tsx';
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

  async function cancel(reason: string) {
    const result = await action.act('cancel', { reason }, (updated) =>
      updated.lateCancellation
        ? `Session with ${otherName} cancelled — recorded as a late cancellation`
        : `Session with ${otherName} cancelled`,
    );
    if (result.ok) onClose();
  }

  return (
    <ReasonForm
      label="Cancel booking"
      hint={`${otherName} is told this by email and in Confer.`}
      submitLabel="Cancel session"
      keepLabel="Keep session"
      pending={action.pending}
      error={action.error}
      fieldError={action.fieldErrors.reason}
      onSubmit={(reason) => void cancel(reason)}
      onClose={onClose}
    >
      <p className="confirm__question">Cancel your session with {otherName}?</p>
      {Date.now() >= Date.parse(booking.lateCancellationFrom) ? (
        <Alert tone="warning">
          This is a late cancellation: the session starts within the program’s late-cancellation
          window. It is recorded as late
          {booking.price && byMentee ? ', and the payment is not refunded' : ''}.
        </Alert>
      ) : null}
    </ReasonForm>
  );
}
