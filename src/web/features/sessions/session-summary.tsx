import type { Session } from '../../api/types.ts';
import { Badge } from '../../ui/chips.tsx';
import { enrollmentLabels, sessionStatusLabels } from '../../ui/labels.ts';
import { CalendarLinks } from '../bookings/calendar-links.tsx';
import { MeetingLine } from '../bookings/meeting-line.tsx';
import { isConfirmedFor, sessionTitle } from './session-display.ts';
import { SessionWhen } from './session-when.tsx';

const statusTones = { draft: 'warning', published: 'success', cancelled: 'danger' } as const;

type SessionSummaryProps = {
  session: Session;
  viewerId: string;
  viewerZone: string;
  /** Names the list item: the title's element id. */
  titleId?: string;
  /** with it, a published online session shows its Join button (10 minutes before) */
  nowMs?: number;
};

/** What, when, where and who of one session, from the viewer's side. */
export function SessionSummary({
  session,
  viewerId,
  viewerZone,
  titleId,
  nowMs,
}: SessionSummaryProps) {
  const isMentor = session.mentor.userId === viewerId;
  const ended = nowMs !== undefined && nowMs >= Date.parse(session.endsAt);
  // A past session never says "Confirmed": it has happened (or not).
  const confirmed = !isMentor && !ended && isConfirmedFor(session, viewerId);
  const place = [
    `${session.durationMinutes} min`,
    enrollmentLabels[session.enrollment],
    session.location,
    session.programName,
  ].filter(Boolean);
  const showLink =
    session.enrollment !== 'in_person' && session.meetingUrl && session.status !== 'cancelled';

  return (
    <div className="session-summary">
      <p className="item-list__title session-summary__title">
        <span id={titleId}>{sessionTitle(session)}</span>{' '}
        {confirmed ? (
          <Badge tone="success">Confirmed</Badge>
        ) : ended && session.status === 'published' ? (
          <Badge tone="neutral">Ended</Badge>
        ) : (
          <Badge tone={statusTones[session.status]}>{sessionStatusLabels[session.status]}</Badge>
        )}
      </p>
      <SessionWhen session={session} viewerZone={viewerZone} />
      <p className="item-list__meta">{place.join(' · ')}</p>
      {showLink && session.meetingUrl && nowMs !== undefined ? (
        <MeetingLine
          booking={{
            ...session,
            confirmed: session.status === 'published',
            calendar: session.calendar ?? undefined,
          }}
          nowMs={nowMs}
        />
      ) : showLink && session.meetingUrl ? (
        <p className="item-list__meta">
          Meeting link:{' '}
          <a href={session.meetingUrl} target="_blank" rel="noreferrer">
            {session.meetingUrl}
          </a>
        </p>
      ) : null}
      {!showLink && session.calendar && !ended ? (
        <CalendarLinks calendar={session.calendar} />
      ) : null}
      <p className="item-list__meta">
        {isMentor ? null : <>Mentor: {session.mentor.name} · </>}
        {session.enrolled.length > 0
          ? `Enrolled: ${session.enrolled.map((person) => person.name).join(', ')}`
          : 'Nobody enrolled yet'}
        {session.capacity > 1 ? ` · ${session.seatsTaken} of ${session.capacity} seats taken` : ''}
      </p>
      {session.status === 'cancelled' && session.cancelReason ? (
        <p className="item-list__text">Cancelled: {session.cancelReason}</p>
      ) : null}
    </div>
  );
}
