import { Link } from 'react-router';
import type { MentorSummary } from '../../api/types.ts';
import { Avatar } from '../../ui/avatar.tsx';
import { Chips } from '../../ui/chips.tsx';
import { formatShortDateTime } from '../../ui/format-date-time.ts';
import { ReputationBadges } from '../bookings/reputation-badges.tsx';

type MentorCardProps = { orgId: string; mentor: MentorSummary; viewerTimeZone: string };

/** One mentor in the directory: who, their next free time in the viewer's zone, skills, badges. */
export function MentorCard({ orgId, mentor, viewerTimeZone }: MentorCardProps) {
  return (
    <li className="card member-card">
      <Avatar name={mentor.name} photoUrl={mentor.photoUrl} decorative />
      <div className="member-card__body">
        <Link to={`/o/${orgId}/people/${mentor.userId}`} className="member-card__name">
          {mentor.name}
        </Link>
        {mentor.location ? <p className="member-card__meta">{mentor.location}</p> : null}
        <p className="member-card__meta">
          {mentor.nextSlot
            ? `Next free: ${formatShortDateTime(mentor.nextSlot.start, viewerTimeZone)}`
            : 'No open times'}
        </p>
        <Chips items={mentor.skills} label={`Skills of ${mentor.name}`} />
        <ReputationBadges reputation={mentor.reputation} />
      </div>
    </li>
  );
}
