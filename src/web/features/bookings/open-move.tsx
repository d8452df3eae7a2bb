import type { Booking } from '../../api/types.ts';
import { Button } from '../../ui/button.tsx';
import { formatTimeSpan } from '../../ui/format-date-time.ts';
import { otherParty, sideOf } from './booking-display.ts';
import type { BookingActionState } from './use-booking-action.ts';

type OpenMoveProps = {
  booking: Booking;
  viewerId: string;
  viewerZone: string;
  action: BookingActionState;
};

/**
 * An approved session's open move: the other side answers it (accept or
 * decline), the side who asked may withdraw it. Both times stay held meanwhile.
 */
export function OpenMove({ booking, viewerId, viewerZone, action }: OpenMoveProps) {
  const move = booking.move;
  if (!move) return null;
  const other = otherParty(booking, viewerId);
  const mine = move.by === sideOf(booking, viewerId);
  const to = formatTimeSpan(move.startsAt, move.endsAt, viewerZone);
  return (
    <section className="session-panel" aria-label="Proposed move">
      <p>
        {mine
          ? 'You asked to move this session to '
          : `${other.name} asks to move this session to `}
        <strong>
          <time dateTime={move.startsAt}>{to}</time>
        </strong>
        {mine ? `; waiting for ${other.name}.` : '.'}
        {move.reason ? ` Reason: “${move.reason}”` : ''}
      </p>
      <p className="field__hint">
        Until answered, the session stays at its current time, and both times are kept free.
      </p>
      <div className="button-row">
        {mine ? (
          <Button
            size="small"
            pending={action.pending}
            onClick={() => void action.act('move/withdraw', {}, 'Move withdrawn')}
          >
            Withdraw the move
          </Button>
        ) : (
          <>
            <Button
              size="small"
              variant="primary"
              pending={action.pending}
              onClick={() => void action.act('move/accept', {}, `Session moved to ${to}`)}
            >
              Accept the new time
            </Button>
            <Button
              size="small"
              pending={action.pending}
              onClick={() =>
                void action.act('move/decline', {}, 'Move declined: the session stays as it was')
              }
            >
              Keep the current time
            </Button>
          </>
        )}
      </div>
    </section>
  );
}
