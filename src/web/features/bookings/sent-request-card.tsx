import { useState } from 'react';
import type { Booking } from '../../api/types.ts';
import { ErrorAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { Badge } from '../../ui/chips.tsx';
import { ConfirmButton } from '../../ui/confirm-button.tsx';
import { bookingFacts } from './booking-display.ts';
import { BookingPerson } from './booking-person.tsx';
import { BookingWhen } from './booking-when.tsx';
import { ProposeTimeForm } from './propose-time-form.tsx';
import { useBookingAction } from './use-booking-action.ts';

type SentRequestCardProps = {
  booking: Booking;
  viewerZone: string;
  onChanged: (message: string, updated: Booking) => void;
};

/** A mentee's own pending request: withdraw it, or answer the mentor's suggested time. */
export function SentRequestCard({ booking, viewerZone, onChanged }: SentRequestCardProps) {
  const [proposing, setProposing] = useState(false);
  const action = useBookingAction(booking, onChanged);
  const mentor = booking.mentor;
  const nameId = `sent-${booking.id}-name`;
  const suggested = booking.awaiting === 'mentee';
  const when = (
    <BookingWhen
      startsAt={booking.startsAt}
      endsAt={booking.endsAt}
      viewerZone={viewerZone}
      other={mentor}
    />
  );

  return (
    <li className="item-list__item booking-item" aria-labelledby={nameId}>
      <div className="booking-item__body">
        <div className="booking-item__title">
          <BookingPerson orgId={booking.orgId} person={mentor} nameId={nameId} />
          <Badge tone="warning">{suggested ? 'Your answer needed' : 'Requested'}</Badge>
        </div>
        {suggested ? null : when}
        <p className="item-list__meta">
          {bookingFacts(booking)} · {booking.programName}
        </p>
        {booking.message ? (
          <blockquote className="booking-item__message">{booking.message}</blockquote>
        ) : null}
      </div>
      <div className="session-actions">
        {suggested ? (
          <section className="booking-suggestion" aria-label={`${mentor.name}’s suggestion`}>
            <p className="booking-suggestion__title">{mentor.name} suggested another time:</p>
            {when}
            <div className="button-row">
              <Button
                size="small"
                variant="primary"
                pending={action.pending && !proposing}
                onClick={() =>
                  void action.act('accept', {}, `Booking with ${mentor.name} confirmed`)
                }
              >
                Accept
              </Button>
              <ConfirmButton
                label="Decline"
                question="Decline the suggested time?"
                confirmLabel="Yes, decline"
                onConfirm={async () => {
                  await action.act('decline', {}, `You declined ${mentor.name}’s suggestion`);
                }}
              />
              <Button
                size="small"
                aria-expanded={proposing}
                onClick={() => {
                  action.reset();
                  setProposing(!proposing);
                }}
              >
                Propose another time
              </Button>
            </div>
          </section>
        ) : (
          <p className="booking-item__waiting">Waiting for {mentor.name} to answer</p>
        )}
        {proposing ? (
          <ProposeTimeForm
            booking={booking}
            viewerZone={viewerZone}
            action={action}
            title="Propose another time"
            submitLabel="Send suggestion"
            doneMessage={`Your time was sent to ${mentor.name}`}
            onClose={() => setProposing(false)}
          />
        ) : (
          <ErrorAlert message={action.error} />
        )}
        <div className="button-row">
          <ConfirmButton
            label="Withdraw"
            accessibleLabel={`Withdraw request to ${mentor.name}`}
            question="Withdraw this request?"
            confirmLabel="Yes, withdraw"
            onConfirm={async () => {
              await action.act('withdraw', {}, `Request to ${mentor.name} withdrawn`);
            }}
          />
        </div>
      </div>
    </li>
  );
}
