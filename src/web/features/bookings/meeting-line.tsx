import type { Booking } from '../../api/types.ts';
import { Button } from '../../ui/button.tsx';
import { isJoinOpen, JOIN_OPENS_MINUTES } from './booking-display.ts';
import { CalendarLinks } from './calendar-links.tsx';

/** What the line needs of a booking, or of a published session someone was added to. */
type Meeting = Pick<Booking, 'id' | 'startsAt' | 'endsAt' | 'meetingUrl'> & {
  /** approved booking, or a published session */
  confirmed: boolean;
  calendar?: Booking['calendar'] | undefined;
};

type MeetingLineProps = { booking: Meeting; nowMs: number };

/**
 * The meeting link of a confirmed session and its Join button, which opens
 * 10 minutes before the start and closes at the end.
 */
export function MeetingLine({ booking, nowMs }: MeetingLineProps) {
  if (!booking.confirmed || Date.parse(booking.endsAt) <= nowMs) return null;
  if (!booking.meetingUrl) return <p className="item-list__meta">No meeting link yet.</p>;
  const open = isJoinOpen(booking, nowMs);
  return (
    <div className="meeting-line">
      <p className="item-list__meta">
        Meeting link:{' '}
        <a href={booking.meetingUrl} target="_blank" rel="noreferrer">
          {booking.meetingUrl}
        </a>
      </p>
      {open ? (
        <a
          className="button button--primary button--small"
          href={booking.meetingUrl}
          target="_blank"
          rel="noreferrer"
        >
          Join
        </a>
      ) : (
        <Button size="small" disabled aria-describedby={`join-${booking.id}-hint`}>
          Join
        </Button>
      )}
      {open ? null : (
        <span className="field__hint" id={`join-${booking.id}-hint`}>
          Opens {JOIN_OPENS_MINUTES} minutes before the start.
        </span>
      )}
      {booking.calendar ? <CalendarLinks calendar={booking.calendar} /> : null}
    </div>
  );
}
