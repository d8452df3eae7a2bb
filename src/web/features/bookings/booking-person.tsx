import { Link } from 'react-router';
import { Avatar } from '../../ui/avatar.tsx';

type BookingPersonProps = {
  orgId: string;
  person: { userId: string; name: string; photoUrl?: string | null };
  /** The name's element id, to name the list item. */
  nameId?: string;
};

/** Photo and name, both leading to the full profile (seed 000: click the profile image). */
export function BookingPerson({ orgId, person, nameId }: BookingPersonProps) {
  return (
    <Link to={`/o/${orgId}/people/${person.userId}`} className="booking-person">
      <Avatar name={person.name} photoUrl={person.photoUrl ?? null} size="small" decorative />
      <span id={nameId} className="booking-person__name">
        {person.name}
      </span>
    </Link>
  );
}
