import { useState } from 'react';
import type { Booking, Slot } from '../../api/types.ts';
import { StatusAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { Card } from '../../ui/card.tsx';
import { ChoiceGroup } from '../../ui/checkbox.tsx';
import { useApiQuery } from '../../use-api-query.ts';
import { useSignedInUser, useViewerTimeZone } from '../auth/session-context.tsx';
import { BookSlotForm } from '../bookings/book-slot-form.tsx';
import { OwnTimeForm } from '../bookings/own-time-form.tsx';
import { ReputationBadges } from '../bookings/reputation-badges.tsx';
import { sessionTypeLabel } from '../bookings/session-type-label.ts';
import { type SessionKind, sessionKinds, slotFits } from '../picker/session-kinds.ts';
import { SlotPicker } from '../picker/slot-picker.tsx';
import { useMonthSlots } from '../picker/use-month-slots.ts';

/** `at` tells one result from the next with the same words, so each is focused. */
type Notice = { tone: 'success' | 'error'; text: string; at?: number };

const kindLabel = (kind: SessionKind) =>
  kind.kind === 'seats'
    ? 'A seat in a published session'
    : kind.sessionType
      ? sessionTypeLabel(kind.sessionType)
      : `${kind.lengthMinutes} min`;

type AvailableTimesCardProps = { orgId: string; mentorId: string };

/**
 * Booking a mentor: the kind of session first (length and price), then a
 * month with the days that have a free time of that kind, then the day's
 * starts in the viewer's zone with the mentor's beside them.
 */
export function AvailableTimesCard({ orgId, mentorId }: AvailableTimesCardProps) {
  const me = useSignedInUser();
  const viewerZone = useViewerTimeZone();
  const picker = useMonthSlots({ orgId, mentorId, viewerZone });
  const types = useApiQuery('/api/orgs/{orgId}/mentors/{mentorId}/session-types', {
    params: { path: { orgId, mentorId } },
  });
  const [kindId, setKindId] = useState<string | null>(null);
  const [slot, setSlot] = useState<Slot | null>(null);
  const [ownTime, setOwnTime] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const data = picker.query.data;
  const mentor = data?.mentor;
  const kinds = sessionKinds(
    data?.slotLengths ?? [],
    types.data?.sessionTypes ?? [],
    kindId === 'seats' || (data?.slots ?? []).some((s) => s.kind === 'session'),
  );
  const kind = kinds.find((k) => k.id === kindId) ?? kinds[0];
  // Nobody books themselves.
  const canBook = Boolean(mentor) && mentorId !== me.id;

  function say(next: Notice) {
    setSlot(null);
    setOwnTime(false);
    setNotice({ ...next, at: Date.now() });
    picker.query.reload();
  }

  function booked(booking: Booking) {
    const text =
      booking.status === 'approved'
        ? `Booking confirmed with ${booking.mentor.name}`
        : ownTime
          ? `Time suggested — waiting for ${booking.mentor.name}`
          : `Booking requested — waiting for ${booking.mentor.name}`;
    say({ tone: 'success', text });
  }

  return (
    <Card title="Book a time" className="available-times" id="book-a-time">
      <ReputationBadges reputation={mentor?.reputation} />
      {/* The result is read (and focused) where the action was. */}
      <StatusAlert key={notice?.at} message={notice?.text} tone={notice?.tone} />
      {kinds.length > 1 ? (
        <ChoiceGroup legend="Kind of session">
          {kinds.map((k) => (
            <label key={k.id} className="checkbox">
              <input
                type="radio"
                name="session-kind"
                className="checkbox__input"
                checked={k.id === kind?.id}
                onChange={() => {
                  setKindId(k.id);
                  setSlot(null);
                }}
              />
              <span>{kindLabel(k)}</span>
            </label>
          ))}
        </ChoiceGroup>
      ) : kind ? (
        <p className="item-list__meta">{kindLabel(kind)}</p>
      ) : null}
      <p className="slots__zone">
        Times in <strong>{data?.viewerTimeZone ?? viewerZone}</strong>, your time zone
      </p>
      <SlotPicker
        picker={picker}
        viewerZone={viewerZone}
        fits={(s) => (kind ? slotFits(kind, s) : false)}
        mentorLabel={mentor ? `${mentor.name.split(' ')[0]}’s time (${mentor.timeZone})` : ''}
        selected={slot}
        onSelect={(next) => {
          setNotice(null);
          setOwnTime(false);
          setSlot(next);
        }}
      >
        {slot && mentor && canBook ? (
          <BookSlotForm
            key={`${slot.start}-${kind?.id}`}
            orgId={orgId}
            mentor={mentor}
            slot={slot}
            sessionType={kind?.kind === 'hours' ? kind.sessionType : null}
            viewerZone={viewerZone}
            onBooked={booked}
            onGone={(text) => say({ tone: 'error', text })}
            onClose={() => setSlot(null)}
          />
        ) : null}
        {canBook && mentor && !slot ? (
          <div className="slots__own-time">
            {ownTime ? (
              <OwnTimeForm
                orgId={orgId}
                mentor={mentor}
                viewerZone={viewerZone}
                lengthMinutes={kind?.kind === 'hours' ? kind.lengthMinutes : undefined}
                onBooked={booked}
                onClose={() => setOwnTime(false)}
              />
            ) : (
              <Button
                variant="ghost"
                onClick={() => {
                  setNotice(null);
                  setOwnTime(true);
                }}
              >
                None of these? Suggest another time
              </Button>
            )}
          </div>
        ) : null}
      </SlotPicker>
    </Card>
  );
}
