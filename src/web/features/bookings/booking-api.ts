/** The verbs a booking answers to: POST …/bookings/:id/<action>. */
export type BookingAction =
  | 'approve'
  | 'reject'
  | 'propose'
  | 'accept'
  | 'decline'
  | 'withdraw'
  | 'cancel'
  | 'complete'
  | 'no-show'
  | 'rating'
  | 'move'
  | 'move/accept'
  | 'move/decline'
  | 'move/withdraw';

/** The typed path of a verb, e.g. `/api/orgs/{orgId}/bookings/{bookingId}/approve`. */
export function bookingActionPath<A extends BookingAction>(action: A) {
  return `/api/orgs/{orgId}/bookings/{bookingId}/${action}` as const;
}

/**
 * A fresh key for one attempt at a booking form: resending the same attempt
 * (a retry after a lost answer, a double click) returns the first booking
 * instead of making a second.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // randomUUID exists only on secure origins; plain-http self-hosting still gets 128 random bits.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
