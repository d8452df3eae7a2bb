import { type FormEvent, useState } from 'react';
import type { Booking, NewBookingInput, SessionType, Slot } from '../../api/types.ts';
import { ApiError, ok } from '../../api.ts';
import { ErrorAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { TextAreaField } from '../../ui/field.tsx';
import { formatMoney } from '../../ui/format-money.ts';
import { useSubmission } from '../../use-submission.ts';
import { useApi } from '../auth/session-context.tsx';
import { newIdempotencyKey } from './booking-api.ts';
import { BookingWhen } from './booking-when.tsx';
import { sessionTypeLabel } from './session-type-label.ts';

/** 409 reasons after which the slot list is stale: the time or the seat has gone. */
const goneReasons = new Set(['slot_taken', 'session_full']);

export type BookingMentor = { userId: string; name: string; timeZone: string };

type BookSlotFormProps = {
  orgId: string;
  mentor: BookingMentor;
  slot: Slot;
  /** the kind of session chosen before the time, if it is one of the mentor's types */
  sessionType: SessionType | null;
  viewerZone: string;
  onBooked: (booking: Booking) => void;
  /** The time was taken meanwhile: the card says so and reloads the slots. */
  onGone: (message: string) => void;
  onClose: () => void;
};

/** Books one open time (or a seat in a session) of the chosen kind, with a message. */
export function BookSlotForm(props: BookSlotFormProps) {
  const { orgId, mentor, slot, viewerZone, sessionType } = props;
  const api = useApi();
  const isSeat = slot.kind === 'session' && slot.sessionId !== undefined;
  const [message, setMessage] = useState('');
  // One key per filling-in of this form: a resend after a lost answer is the same attempt.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const submission = useSubmission();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input: NewBookingInput = {
      mentorId: mentor.userId,
      startsAt: slot.start,
      lengthMinutes: slot.lengthMinutes,
      message: message.trim(),
      ...(isSeat && slot.sessionId ? { sessionId: slot.sessionId } : {}),
      ...(!isSeat && sessionType ? { sessionTypeId: sessionType.id } : {}),
    };
    const result = await submission.run(() =>
      ok(
        api.POST('/api/orgs/{orgId}/bookings', {
          params: { path: { orgId } },
          body: input,
          headers: { 'Idempotency-Key': idempotencyKey },
        }),
      ),
    );
    if (result.ok) props.onBooked(result.value);
    else if (result.error instanceof ApiError && goneReasons.has(result.error.reason ?? '')) {
      props.onGone(
        result.error.reason === 'slot_taken'
          ? 'That time has just been taken; pick another'
          : result.error.message,
      );
    }
  }

  return (
    <form className="form session-panel" aria-label="Book this time" onSubmit={submit} noValidate>
      <BookingWhen startsAt={slot.start} endsAt={slot.end} viewerZone={viewerZone} other={mentor} />
      {isSeat && slot.session ? (
        <p className="item-list__meta">A seat in “{slot.session.title}”</p>
      ) : null}
      {!isSeat && sessionType ? (
        <p className="item-list__meta">
          {sessionTypeLabel(sessionType)}
          {sessionType.price
            ? ` — ${formatMoney(sessionType.price)} held while ${mentor.name} decides, refunded if the booking is not approved`
            : ''}
        </p>
      ) : null}
      <TextAreaField
        label="Message"
        name="message"
        rows={3}
        maxLength={5000}
        hint={`What would you like to talk about? ${mentor.name} reads this before answering.`}
        value={message}
        error={submission.fieldErrors.message}
        onChange={(event) => setMessage(event.target.value)}
      />
      <ErrorAlert message={submission.error} />
      <div className="button-row">
        <Button type="submit" variant="primary" pending={submission.pending}>
          Request booking
        </Button>
        <Button variant="ghost" onClick={props.onClose}>
          Close
        </Button>
      </div>
    </form>
  );
}
