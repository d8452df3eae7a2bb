import { type FormEvent, useState } from 'react';
import { wallClockAt } from '../../../core/local-time.ts';
import type { Booking, Slot } from '../../api/types.ts';
import type { FieldErrors } from '../../api.ts';
import { ErrorAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { TextAreaField } from '../../ui/field.tsx';
import { useSignedInUser } from '../auth/session-context.tsx';
import { SlotPicker } from '../picker/slot-picker.tsx';
import { useMonthSlots } from '../picker/use-month-slots.ts';
import { lengthMinutes } from './booking-display.ts';
import { BookingWhen } from './booking-when.tsx';
import type { BookingActionState } from './use-booking-action.ts';
import { readWhen, type WhenDraft, WhenFields } from './when-fields.tsx';

type ProposeTimeFormProps = {
  booking: Booking;
  viewerZone: string;
  action: BookingActionState;
  /** Names the form and its button: "Suggest another time" / "Send suggestion". */
  title: string;
  submitLabel: string;
  /** What the page says once it is sent. */
  doneMessage: string;
  onClose: () => void;
  /** `move`: an approved session's new time, with the reason it needs; else a pending booking's suggestion */
  verb?: 'propose' | 'move';
};

/**
 * Another start for a booking, same length: chosen from the mentor's free
 * times in the picker (this booking's own time counting as free), or typed
 * in the viewer's zone when the mentor offers it outside their hours. A
 * suggestion for a pending booking, or a move of an approved one with a reason.
 */
export function ProposeTimeForm(props: ProposeTimeFormProps) {
  const { booking, viewerZone, action } = props;
  const me = useSignedInUser();
  const length = lengthMinutes(booking);
  const picker = useMonthSlots({
    orgId: booking.orgId,
    mentorId: booking.mentor.userId,
    viewerZone,
    forBooking: booking.id,
  });
  const [slot, setSlot] = useState<Slot | null>(null);
  const [typing, setTyping] = useState(false);
  // A typed time starts from the one on the table, so a small shift is a small edit.
  const [when, setWhen] = useState<WhenDraft>(() => {
    const current = wallClockAt(Date.parse(booking.startsAt), viewerZone);
    return { date: current.date, startTime: current.time };
  });
  const [problems, setProblems] = useState<FieldErrors>({});
  const [reason, setReason] = useState('');
  const moving = props.verb === 'move';
  const errors = { ...action.fieldErrors, ...problems };
  const mentorIsMe = booking.mentor.userId === me.id;
  const other = mentorIsMe ? booking.mentee : booking.mentor;

  function chosenStart(): { ok: true; startsAt: string } | { ok: false; errors: FieldErrors } {
    if (!typing) {
      return slot
        ? { ok: true, startsAt: slot.start }
        : { ok: false, errors: { startsAt: 'Choose a day and a time' } };
    }
    const read = readWhen(when, viewerZone, Date.now());
    return read.ok ? { ok: true, startsAt: read.startsAt.toISOString() } : read;
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const chosen = chosenStart();
    const missingReason: FieldErrors =
      moving && !reason.trim() ? { reason: 'Say why it needs to move' } : {};
    const found = { ...(chosen.ok ? {} : chosen.errors), ...missingReason };
    setProblems(found);
    if (!chosen.ok || Object.keys(found).length > 0) {
      // Focus the first field at fault.
      const form = event.currentTarget;
      requestAnimationFrame(() =>
        form.querySelector<HTMLElement>('[aria-invalid="true"], .field__error')?.focus(),
      );
      return;
    }
    const result = await action.act(
      moving ? 'move' : 'propose',
      moving
        ? { startsAt: chosen.startsAt, reason: reason.trim() }
        : { startsAt: chosen.startsAt, lengthMinutes: length },
      props.doneMessage,
    );
    if (result.ok) props.onClose();
  }

  return (
    <form className="form session-panel" aria-label={props.title} onSubmit={submit} noValidate>
      <p className="field__hint">
        Same length: {length} minutes.{' '}
        {mentorIsMe ? 'Your free times' : `${booking.mentor.name}’s free times`}, in {viewerZone}.
      </p>
      {typing ? (
        <div className="form__row">
          <WhenFields draft={when} onChange={setWhen} errors={errors} timeZone={viewerZone} />
        </div>
      ) : (
        <SlotPicker
          picker={picker}
          viewerZone={viewerZone}
          fits={(s) =>
            s.kind === 'weekly' && s.lengthMinutes === length && s.start !== booking.startsAt
          }
          mentorLabel={mentorIsMe ? '' : `${booking.mentor.name.split(' ')[0]}’s time`}
          selected={slot}
          onSelect={(next) => {
            setProblems({});
            setSlot(next);
          }}
        >
          {slot ? (
            <div className="propose-time__chosen">
              <p className="field__label">New time</p>
              <BookingWhen
                startsAt={slot.start}
                endsAt={slot.end}
                viewerZone={viewerZone}
                other={other}
              />
            </div>
          ) : null}
          {errors.startsAt ? (
            <p className="field__error" tabIndex={-1}>
              {errors.startsAt}
            </p>
          ) : null}
        </SlotPicker>
      )}
      {/* The mentor may offer any time; a mentee moves only into the mentor's free times. */}
      {mentorIsMe || !moving ? (
        <Button
          variant="ghost"
          size="small"
          onClick={() => {
            setProblems({});
            setTyping(!typing);
          }}
        >
          {typing ? 'Choose from free times' : 'Type a time instead'}
        </Button>
      ) : null}
      {moving ? (
        <TextAreaField
          label="Reason"
          name="reason"
          rows={2}
          value={reason}
          error={errors.reason}
          onChange={(event) => setReason(event.target.value)}
        />
      ) : null}
      <ErrorAlert message={action.error} />
      <div className="button-row">
        <Button type="submit" variant="primary" pending={action.pending}>
          {props.submitLabel}
        </Button>
        <Button variant="ghost" onClick={props.onClose}>
          Close
        </Button>
      </div>
    </form>
  );
}
