import { useState } from 'react';
import type { Booking, Slot } from '../../api/types.ts';
import { Alert, ErrorAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { Card } from '../../ui/card.tsx';
import { formatCalendarDate, formatDate } from '../../ui/format-date-time.ts';
import { Loading } from '../../ui/loading.tsx';
import { useApiQuery } from '../../use-api-query.ts';
import { useSignedInUser, useViewerTimeZone } from '../auth/session-context.tsx';
import { BookSlotForm } from '../bookings/book-slot-form.tsx';
import { OwnTimeForm } from '../bookings/own-time-form.tsx';
import { ReputationBadges } from '../bookings/reputation-badges.tsx';
import { SlotItem } from './slot-item.tsx';

const DAY_MS = 86_400_000;
/** Two weeks at a time; the week buttons move the window by one week. */
const WINDOW_DAYS = 14;
/** The panel for a time of one's own, beside the slots' keys. */
const OWN_TIME = 'own-time';

/** Slots by the date they start on in the viewer's zone, in order. */
function byViewerDate(slots: Slot[]): [string, Slot[]][] {
  const days = new Map<string, Slot[]>();
  const sorted = [...slots].sort((a, b) => a.start.localeCompare(b.start));
  for (const slot of sorted) {
    const date = slot.viewerLocal.slice(0, 10);
    days.set(date, [...(days.get(date) ?? []), slot]);
  }
  return [...days];
}

const slotKey = (slot: Slot) => `${slot.start}-${slot.lengthMinutes}-${slot.sessionId ?? ''}`;

type Notice = { tone: 'success' | 'error'; text: string };

type AvailableTimesCardProps = { orgId: string; mentorId: string };

/** A mentor's open times, read in the viewer's zone, two weeks at a time; each can be booked. */
export function AvailableTimesCard({ orgId, mentorId }: AvailableTimesCardProps) {
  const me = useSignedInUser();
  const viewerZone = useViewerTimeZone();
  // Fixed on first render so the request path stays stable; instants only, no local calendar.
  const [now] = useState(() => Math.floor(Date.now() / 60_000) * 60_000);
  const [week, setWeek] = useState(0);
  const [open, setOpen] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const fromMs = now + week * 7 * DAY_MS;
  const toMs = fromMs + WINDOW_DAYS * DAY_MS;
  const query = {
    from: new Date(fromMs).toISOString(),
    to: new Date(toMs).toISOString(),
    tz: viewerZone,
  };
  const slots = useApiQuery('/api/orgs/{orgId}/mentors/{mentorId}/slots', {
    params: { path: { orgId, mentorId }, query },
  });
  const zone = slots.data?.viewerTimeZone ?? viewerZone;
  const days = byViewerDate(slots.data?.slots ?? []);
  const mentor = slots.data?.mentor;
  // Nobody books themselves.
  const canBook = Boolean(mentor) && mentorId !== me.id;

  function toggle(key: string) {
    setNotice(null);
    setOpen(open === key ? null : key);
  }

  function booked(booking: Booking) {
    const text =
      booking.status === 'approved'
        ? `Booking confirmed with ${booking.mentor.name}`
        : open === OWN_TIME
          ? `Time suggested — waiting for ${booking.mentor.name}`
          : `Booking requested — waiting for ${booking.mentor.name}`;
    setOpen(null);
    setNotice({ tone: 'success', text });
    slots.reload();
  }

  function gone(text: string) {
    setOpen(null);
    setNotice({ tone: 'error', text });
    slots.reload();
  }

  return (
    <Card
      title="Available times"
      actions={
        <div className="button-row">
          <Button size="small" disabled={week === 0} onClick={() => setWeek(week - 1)}>
            Previous week
          </Button>
          <Button size="small" onClick={() => setWeek(week + 1)}>
            Next week
          </Button>
        </div>
      }
    >
      <ReputationBadges reputation={mentor?.reputation} />
      <p className="slots__zone">
        Times in <strong>{zone}</strong> · {formatDate(new Date(fromMs), zone)} –{' '}
        {formatDate(new Date(toMs - 1), zone)}
      </p>
      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      {slots.loading ? <Loading /> : null}
      <ErrorAlert message={slots.error?.message} />
      {slots.data && days.length === 0 ? (
        <p className="muted">No open times in these two weeks.</p>
      ) : null}
      {/* biome-ignore lint/a11y/noRedundantRoles: Safari drops list semantics from unbulleted lists */}
      <ul role="list" aria-label="Available times" className="slots">
        {days.flatMap(([date, daySlots]) =>
          daySlots.map((slot, index) => (
            <SlotItem
              key={slotKey(slot)}
              slot={slot}
              viewerTimeZone={zone}
              mentorTimeZone={mentor?.timeZone ?? zone}
              dayHeading={index === 0 ? formatCalendarDate(date) : undefined}
              booking={open === slotKey(slot)}
              onBook={canBook ? () => toggle(slotKey(slot)) : undefined}
            >
              {mentor ? (
                <BookSlotForm
                  orgId={orgId}
                  mentor={mentor}
                  slot={slot}
                  viewerZone={zone}
                  onBooked={booked}
                  onGone={gone}
                  onClose={() => setOpen(null)}
                />
              ) : null}
            </SlotItem>
          )),
        )}
      </ul>
      {canBook && mentor ? (
        <div className="slots__own-time">
          {open === OWN_TIME ? (
            <OwnTimeForm
              orgId={orgId}
              mentor={mentor}
              viewerZone={zone}
              onBooked={booked}
              onClose={() => setOpen(null)}
            />
          ) : (
            <Button variant="ghost" onClick={() => toggle(OWN_TIME)}>
              Suggest another time
            </Button>
          )}
        </div>
      ) : null}
    </Card>
  );
}
