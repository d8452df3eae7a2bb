import { BookingPerson } from '../bookings/booking-person.tsx';

/** Someone whose account is gone still needs a name in the list. */
export function nameOf(person: { name: string | null }): string {
  return person.name ?? 'A former member';
}

type RequestPersonProps = {
  orgId: string;
  person: { userId: string; name: string | null; photoUrl: string | null };
  nameId: string;
};

/** Photo and name leading to the profile, as on booking requests. */
export function RequestPerson({ orgId, person, nameId }: RequestPersonProps) {
  return (
    <BookingPerson
      orgId={orgId}
      person={{ userId: person.userId, name: nameOf(person), photoUrl: person.photoUrl }}
      nameId={nameId}
    />
  );
}
