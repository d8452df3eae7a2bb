import { useState } from 'react';
import type { Booking, PendingBooking } from '../../api/types.ts';
import { ErrorAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { Badge } from '../../ui/chips.tsx';
import { formatDateTime } from '../../ui/format-date-time.ts';
import { bookingFacts, describeMenteeHistory } from './booking-display.ts';
import { BookingPerson } from './booking-person.tsx';
import { BookingWhen } from './booking-when.tsx';
import { ConflictsAlert } from './conflicts-alert.tsx';
import { ProposeTimeForm } from './propose-time-form.tsx';
import { RejectBookingForm } from './reject-booking-form.tsx';
import { useBookingAction } from './use-booking-action.ts';

type Panel = 'reject' | 'propose';

function requestBadge(booking: Booking): string {
  if (booking.awaiting === 'mentee') return 'Your suggestion sent';
  return booking.round > 0 ? 'New time proposed' : 'Requested';
}

type PendingRequestCardProps = {
  booking: PendingBooking;
  viewerZone: string;
  onChanged: (message: string, updated: Booking) => void;
};

/** A request a mentor has received: who, when, what, the mentee's record, and the answers. */
export function PendingRequestCard({ booking, viewerZone, onChanged }: PendingRequestCardProps) {
  const [panel, setPanel] = useState<Panel | null>(null);
  const action = useBookingAction(booking, onChanged);
  const mentee = booking.mentee;
  const nameId = `request-${booking.id}-name`;
  const toggle = (next: Panel) => {
    action.reset();
    setPanel(panel === next ? null : next);
  };

  return (
    <li className="item-list__item booking-item" aria-labelledby={nameId}>
      <div className="booking-item__body">
        <div className="booking-item__title">
          <BookingPerson orgId={booking.orgId} person={mentee} nameId={nameId} />
          <Badge tone={booking.awaiting === 'mentee' ? 'neutral' : 'warning'}>
            {requestBadge(booking)}
          </Badge>
        </div>
        <BookingWhen
          startsAt={booking.startsAt}
          endsAt={booking.endsAt}
          viewerZone={viewerZone}
          other={mentee}
        />
        <p className="item-list__meta">
          {bookingFacts(booking)} · {booking.programName}
        </p>
        {booking.message ? (
          <blockquote className="booking-item__message">{booking.message}</blockquote>
        ) : (
          <p className="item-list__meta">No message.</p>
        )}
        <p className="item-list__meta">
          {mentee.name}’s history: {describeMenteeHistory(booking.menteeHistory)}
        </p>
        {booking.expiresAt ? (
          <p className="item-list__meta">
            Expires if unanswered by {formatDateTime(booking.expiresAt, viewerZone)}
          </p>
        ) : null}
        <ConflictsAlert conflicts={booking.conflicts} viewerZone={viewerZone} />
      </div>
      {booking.awaiting === 'mentee' ? (
        <p className="booking-item__waiting">Waiting for {mentee.name} to answer your suggestion</p>
      ) : (
        <div className="session-actions">
          <div className="button-row">
            <Button
              size="small"
              variant="primary"
              pending={action.pending && panel === null}
              onClick={() => {
                setPanel(null);
                void action.act('approve', {}, `Booking with ${mentee.name} approved`);
              }}
            >
              Approve
            </Button>
            <Button
              size="small"
              variant="danger"
              aria-expanded={panel === 'reject'}
              onClick={() => toggle('reject')}
            >
              Reject
            </Button>
            <Button
              size="small"
              aria-expanded={panel === 'propose'}
              onClick={() => toggle('propose')}
            >
              Suggest another time
            </Button>
          </div>
          {panel === null ? <ErrorAlert message={action.error} /> : null}
          {panel === 'reject' ? (
            <RejectBookingForm booking={booking} action={action} onClose={() => setPanel(null)} />
          ) : null}
          {panel === 'propose' ? (
            <ProposeTimeForm
              booking={booking}
              viewerZone={viewerZone}
              action={action}
              title="Suggest another time"
              submitLabel="Send suggestion"
              doneMessage={`Suggestion sent to ${mentee.name}`}
              onClose={() => setPanel(null)}
            />
          ) : null}
        </div>
      )}
    </li>
  );
}
