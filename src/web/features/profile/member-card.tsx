import { Link } from 'react-router';
import type { Member } from '../../api/types.ts';
import { Avatar } from '../../ui/avatar.tsx';
import { Badge } from '../../ui/chips.tsx';
import { LocalTime } from '../../ui/local-time.tsx';
import { ProgramRoles } from './program-roles.tsx';

type MemberCardProps = { orgId: string; member: Member; programNames: Map<string, string> };

/** One person in the People list: who, where, their local time, and program roles. */
export function MemberCard({ orgId, member, programNames }: MemberCardProps) {
  return (
    <li className="card member-card">
      <Avatar name={member.name} photoUrl={member.photoUrl} decorative />
      <div className="member-card__body">
        <div className="member-card__title">
          <Link to={`/o/${orgId}/people/${member.userId}`} className="member-card__name">
            {member.name}
          </Link>
          {member.role === 'admin' ? <Badge tone="accent">Admin</Badge> : null}
        </div>
        {member.location ? <p className="member-card__meta">{member.location}</p> : null}
        <p className="member-card__meta">
          {member.timeZone} · <LocalTime timeZone={member.timeZone} />
        </p>
        <ProgramRoles memberships={member.programs} programNames={programNames} />
      </div>
    </li>
  );
}
