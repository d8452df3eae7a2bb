import { Link } from 'react-router';
import { formatDate } from '../../ui/format-date-time.ts';
import { LocalTime } from '../../ui/local-time.tsx';
import { BookingPerson } from '../bookings/booking-person.tsx';
import type { MyMatch } from './types.ts';
import './requests.css';

type MatchItemProps = { orgId: string; match: MyMatch; viewerZone: string };

/**
 * One person I am matched with: a mentee books their mentor from the
 * mentor's profile; a mentor schedules sessions for their mentee.
 */
export function MatchItem({ orgId, match, viewerZone }: MatchItemProps) {
  const nameId = `match-${match.id}-name`;
  const { other } = match;
  const theirRole = match.role === 'mentee' ? 'Your mentor' : 'Your mentee';
  return (
    <li className="item-list__item booking-item" aria-labelledby={nameId}>
      <div className="booking-item__body">
        <div className="booking-item__title">
          <BookingPerson orgId={orgId} person={other} nameId={nameId} />
        </div>
        <p className="item-list__meta">
          {theirRole} since {formatDate(match.since, viewerZone)} · {other.timeZone} ·{' '}
          <LocalTime timeZone={other.timeZone} />
        </p>
      </div>
      <div className="item-list__actions">
        {match.role === 'mentee' ? (
          <Link
            className="button button--primary button--small"
            to={`/o/${orgId}/people/${other.userId}`}
            aria-label={`Book a session with ${other.name}`}
          >
            Book a session
          </Link>
        ) : (
          <Link
            className="button button--secondary button--small"
            to={`/o/${orgId}/schedule?mentee=${other.userId}&program=${match.programId}`}
          >
            Schedule a session
          </Link>
        )}
      </div>
    </li>
  );
}
