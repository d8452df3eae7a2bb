import { useState } from 'react';
import type { Booking } from '../../api/types.ts';
import { ErrorAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { ConfirmButton } from '../../ui/confirm-button.tsx';
import { otherParty, sideOf } from './booking-display.ts';
import { BookingHistory } from './booking-history.tsx';
import { CancelBookingForm } from './cancel-booking-form.tsx';
import { MeetingLinkForm } from './meeting-link-form.tsx';
import { OpenMove } from './open-move.tsx';
import { ProposeTimeForm } from './propose-time-form.tsx';
import { RatingForm } from './rating-form.tsx';
import { RejectBookingForm } from './reject-booking-form.tsx';
import { useBookingAction } from './use-booking-action.ts';

type Panel = 'cancel' | 'link' | 'rate' | 'history' | 'move' | 'reject';

type BookingActionsProps = {
  booking: Booking;
  viewerId: string;
  viewerZone: string;
  nowMs: number;
  onChanged: (message: string, updated: Booking) => void;
};

/** What the viewer may do with a booking now; forms open inline, one at a time. */
export function BookingActions(props: BookingActionsProps) {
  const { booking, viewerId, viewerZone, nowMs, onChanged } = props;
  const [panel, setPanel] = useState<Panel | null>(null);
  const action = useBookingAction(booking, onChanged);
  const isMentor = sideOf(booking, viewerId) === 'mentor';
  const other = otherParty(booking, viewerId);
  const approved = booking.status === 'approved';
  // A request waiting for this mentor is answered where it is shown (Sessions, Home) too.
  const answering = booking.status === 'pending' && booking.awaiting === 'mentor' && isMentor;
  const started = Date.parse(booking.startsAt) <= nowMs;
  // A move may be asked for while none is open, within the program's notice and number of moves.
  const canMove =
    approved &&
    !booking.sessionId &&
    !booking.move &&
    booking.moves.made < booking.moves.allowed &&
    nowMs < Date.parse(booking.moves.until);
  const close = () => setPanel(null);
  const toggle = (next: Panel) => {
    action.reset();
    setPanel(panel === next ? null : next);
  };
  const panelButton = (next: Panel, label: string, variant?: 'danger') => (
    <Button
      size="small"
      variant={variant}
      aria-expanded={panel === next}
      onClick={() => toggle(next)}
    >
      {label}
    </Button>
  );

  return (
    <div className="session-actions">
      <div className="button-row">
        {answering ? (
          <Button
            size="small"
            variant="primary"
            pending={action.pending && panel === null}
            onClick={() => void action.act('approve', {}, `Booking with ${other.name} approved`)}
          >
            Approve
          </Button>
        ) : null}
        {answering ? panelButton('reject', 'Reject', 'danger') : null}
        {approved && isMentor && started ? (
          <Button
            size="small"
            variant="primary"
            pending={action.pending && panel === null}
            onClick={() => void action.act('complete', {}, `Session with ${other.name} completed`)}
          >
            Mark completed
          </Button>
        ) : null}
        {booking.canRate ? panelButton('rate', 'Rate') : null}
        {approved && isMentor
          ? panelButton('link', booking.meetingUrl ? 'Change meeting link' : 'Add meeting link')
          : null}
        {canMove ? panelButton('move', 'Reschedule') : null}
        {/* Once started, it is completed or a no-show rather than cancelled. */}
        {approved && !started ? panelButton('cancel', 'Cancel', 'danger') : null}
        {approved && started ? (
          <ConfirmButton
            label="Report no-show"
            question={`Report that ${other.name} did not attend?`}
            confirmLabel="Yes, report"
            onConfirm={async () => {
              await action.act('no-show', {}, `No-show of ${other.name} recorded`);
            }}
          />
        ) : null}
        {panelButton('history', 'History')}
      </div>
      {approved && booking.move ? (
        <OpenMove booking={booking} viewerId={viewerId} viewerZone={viewerZone} action={action} />
      ) : null}
      {panel === null ? <ErrorAlert message={action.error} /> : null}
      {panel === 'move' ? (
        <ProposeTimeForm
          booking={booking}
          viewerZone={viewerZone}
          action={action}
          verb="move"
          title="Reschedule"
          submitLabel="Ask to move"
          doneMessage={`Asked ${other.name} to move the session`}
          onClose={close}
        />
      ) : null}
      {panel === 'reject' ? (
        <RejectBookingForm booking={booking} action={action} onClose={close} />
      ) : null}
      {panel === 'cancel' ? (
        <CancelBookingForm
          booking={booking}
          otherName={other.name}
          byMentee={!isMentor}
          action={action}
          onClose={close}
        />
      ) : null}
      {panel === 'link' ? (
        <MeetingLinkForm booking={booking} onChanged={onChanged} onClose={close} />
      ) : null}
      {panel === 'rate' ? (
        <RatingForm
          otherName={other.name}
          action={action}
          onRate={async (rating) =>
            (
              await action.act(
                'rating',
                rating,
                `Thanks — your rating of the session with ${other.name} is saved`,
              )
            ).ok
          }
          onClose={close}
        />
      ) : null}
      {panel === 'history' ? <BookingHistory booking={booking} viewerZone={viewerZone} /> : null}
    </div>
  );
}
