import type { Side } from '../core/booking-machine.ts';
import { AppError } from '../core/errors.ts';
import type { Tx } from '../db/client.ts';
import { getAvailability } from '../db/queries/availability.ts';
import type { BookingRow } from '../db/queries/bookings.ts';
import { getProgramInOrg, listMentorsInOrg } from '../db/queries/programs.ts';
import type { Decision } from './apply-booking-decision.ts';
import type { ServiceContext } from './context.ts';
import { offeredSlots } from './list-slots.ts';
import { requireViewer } from './manage-sessions.ts';
import { slotTaken } from './request-booking.ts';

/**
 * What a request to move an approved session becomes (issue #12). A seat in
 * a published session moves with the session, never alone. A mentee may move
 * only to a time the mentor offers (as when booking), and then the move
 * applies at once if the mentor approves bookings automatically; otherwise,
 * and always for the mentor, it waits for the other side's answer.
 */
export async function moveDecision(
  tx: Tx,
  ctx: ServiceContext,
  booking: BookingRow,
  side: Side,
  d: Decision,
): Promise<Decision> {
  if (booking.sessionId) {
    throw new AppError(
      'conflict',
      'A seat in a published session moves with the session; ask the mentor to move the session',
      { reason: 'session_booking' },
    );
  }
  if (side !== 'mentee' || !d.proposal) return d;
  const program = await getProgramInOrg(tx, booking.orgId, booking.programId);
  const startsAt = d.proposal.startsAt;
  const length = (booking.endsAt.getTime() - booking.startsAt.getTime()) / 60_000;
  const endsAt = new Date(startsAt.getTime() + length * 60_000);
  const { viewer } = await requireViewer(tx, { userId: booking.menteeId }, booking.orgId);
  const [mentor] = await listMentorsInOrg(tx, booking.orgId, [booking.mentorId]);
  const availability = await getAvailability(tx, booking.mentorId);
  if (!mentor) throw slotTaken();
  const { slots } = await offeredSlots(
    tx,
    viewer,
    mentor,
    { from: startsAt, to: endsAt },
    ctx.now(),
    availability,
    booking.id,
  );
  const offered = slots.some(
    (s) => s.kind === 'weekly' && s.startMs === startsAt.getTime() && s.lengthMinutes === length,
  );
  if (!offered) throw slotTaken();
  return availability.settings?.autoApprove && program?.autoApproveAllowed !== false
    ? { ...d, action: 'move' }
    : d;
}
