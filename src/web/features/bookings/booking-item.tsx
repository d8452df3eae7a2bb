import { Link } from 'react-router';
import type { Booking, BookingStatus } from '../../api/types.ts';
import { Badge } from '../../ui/chips.tsx';
import { BookingMessagesButton } from '../messages/booking-messages-button.tsx';
import { BookingActions } from './booking-actions.tsx';
import { bookingBadge, bookingFacts, otherParty, sideOf } from './booking-display.ts';
import { BookingWhen } from './booking-when.tsx';
import { MeetingLine } from './meeting-line.tsx';

/** What to say about an ended booking when it carries no reason. */
const endings: Partial<Record<BookingStatus, string>> = {
  rejected: 'Rejected',
  declined: 'Declined',
  withdrawn: 'Withdrawn',
  expired: 'Expired without an answer',
  cancelled: 'Cancelled',
};

type BookingItemProps = {
  booking: Booking;
  viewerId: string;
  viewerZone: string;
  nowMs: number;
  onChanged: (message: string, updated: Booking) => void;
};

/** One booking in the Sessions tab: with whom, when (both clocks), status, link, messages and actions. */
export function BookingItem({ booking, viewerId, viewerZone, nowMs, onChanged }: BookingItemProps) {
  const other = otherParty(booking, viewerId);
  const isMentor = sideOf(booking, viewerId) === 'mentor';
  const titleId = `booking-${booking.id}-title`;
  const ending = endings[booking.status];
  const badge = bookingBadge(booking, nowMs);
  const waitingForMe =
    booking.status === 'pending' && booking.awaiting === sideOf(booking, viewerId);

  return (
    <li className="item-list__item session-item booking-item" aria-labelledby={titleId}>
      <div className="session-summary">
        <p className="item-list__title session-summary__title">
          <span id={titleId}>
            Session with <Link to={`/o/${booking.orgId}/people/${other.userId}`}>{other.name}</Link>
          </span>{' '}
          <Badge tone={badge.tone}>{badge.label}</Badge>
          {booking.status === 'cancelled' && booking.lateCancellation ? (
            <Badge tone="warning">Late cancellation</Badge>
          ) : null}
        </p>
        <BookingWhen
          startsAt={booking.startsAt}
          endsAt={booking.endsAt}
          viewerZone={viewerZone}
          other={other}
        />
        <p className="item-list__meta">
          {bookingFacts(booking)} · {booking.programName} ·{' '}
          {isMentor ? 'You mentor' : 'You are the mentee'}
        </p>
        {ending ? (
          <p className="item-list__text">
            {ending}
            {booking.reason ? `: ${booking.reason}` : ''}
          </p>
        ) : null}
        {booking.status === 'pending' ? (
          <p className="item-list__meta">
            {waitingForMe && isMentor ? (
              'Waiting for your answer'
            ) : waitingForMe ? (
              <>
                Waiting for your answer —{' '}
                <Link to={`/o/${booking.orgId}/requests`}>answer in Requests</Link>
              </>
            ) : (
              `Waiting for ${other.name} to answer`
            )}
          </p>
        ) : null}
        <MeetingLine
          booking={{ ...booking, confirmed: booking.status === 'approved' }}
          nowMs={nowMs}
        />
        {booking.myRating ? (
          <p className="item-list__meta">
            You rated it {booking.myRating.stars}★
            {booking.myRating.feedback ? `: “${booking.myRating.feedback}”` : ''}
          </p>
        ) : null}
      </div>
      <BookingMessagesButton orgId={booking.orgId} bookingId={booking.id} />
      <BookingActions
        booking={booking}
        viewerId={viewerId}
        viewerZone={viewerZone}
        nowMs={nowMs}
        onChanged={onChanged}
      />
    </li>
  );
}
