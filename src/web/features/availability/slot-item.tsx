import type { ReactNode } from 'react';
import { isRepeatedClockTime, offsetOfLocalDateTime } from '../../../core/local-time.ts';
import type { Slot } from '../../api/types.ts';
import { Button } from '../../ui/button.tsx';
import { Badge } from '../../ui/chips.tsx';
import {
  formatCalendarDate,
  formatClockMarked,
  formatUtcOffset,
  shownZone,
} from '../../ui/format-date-time.ts';

type SlotItemProps = {
  slot: Slot;
  viewerTimeZone: string;
  mentorTimeZone: string;
  /** Set on a day's first slot: the day's heading sits inside it, so the list holds only slots. */
  dayHeading?: string | undefined;
  /** Opens (or closes) the booking panel; the Book button is off without it (one's own slots). */
  onBook?: (() => void) | undefined;
  /** Whether this slot's booking panel is open. */
  booking?: boolean;
  /** The booking panel, shown under the slot while open. */
  children?: ReactNode;
};

function seatsText(seatsLeft: number | undefined): string | null {
  if (seatsLeft === undefined) return null;
  return seatsLeft === 1 ? '1 seat left' : `${seatsLeft} seats left`;
}

/** One open time: the viewer's range, the mentor's clock beside it, and what it is. */
export function SlotItem(props: SlotItemProps) {
  const { slot, viewerTimeZone, mentorTimeZone, dayHeading, onBook, booking = false } = props;
  // viewerLocal/mentorLocal come from the server as wall clocks with their UTC
  // offset ("…T01:30-04:00"); a clock time read twice (clocks going back) shows
  // it. The end is formatted from its instant in the viewer's zone.
  const local = (label: string, zone: string) =>
    isRepeatedClockTime(Date.parse(slot.start), shownZone(zone))
      ? `${label.slice(11, 16)} ${formatUtcOffset(offsetOfLocalDateTime(label))}`
      : label.slice(11, 16);
  const range = `${local(slot.viewerLocal, viewerTimeZone)}–${formatClockMarked(slot.end, viewerTimeZone)}`;
  // Seed 002: a session also shows the local time at its location and listed places.
  const otherZones = [slot.session?.locationTimeZone, ...(slot.session?.timeZones ?? [])].filter(
    (zone): zone is string => Boolean(zone) && zone !== viewerTimeZone && zone !== mentorTimeZone,
  );
  const details =
    slot.kind === 'session' && slot.session
      ? [slot.session.title, slot.session.location, seatsText(slot.seatsLeft)].filter(Boolean)
      : [`${slot.lengthMinutes} min`];
  return (
    <li className={dayHeading ? 'slot-item slot-item--first' : 'slot-item'}>
      {dayHeading ? <h3 className="slots__heading">{dayHeading}</h3> : null}
      <div className="slot">
        <div className="slot__when">
          <span className="slot__time">{range}</span>
          {mentorTimeZone !== viewerTimeZone ? (
            <span className="muted slot__mentor-time">
              {local(slot.mentorLocal, mentorTimeZone)} in {mentorTimeZone}
            </span>
          ) : null}
          {[...new Set(otherZones)].map((zone) => (
            <span key={zone} className="muted slot__mentor-time">
              {formatClockMarked(slot.start, zone)} in {zone}
            </span>
          ))}
        </div>
        <div className="slot__what">
          {slot.kind === 'session' ? <Badge tone="accent">Session</Badge> : null}
          <span className="slot__details">{details.join(' · ')}</span>
        </div>
        <Button
          size="small"
          variant={booking ? 'primary' : 'secondary'}
          disabled={!onBook}
          aria-expanded={onBook ? booking : undefined}
          aria-label={`Book ${formatCalendarDate(slot.viewerLocal.slice(0, 10))} ${range}${slot.session ? ` ${slot.session.title}` : ''}`}
          onClick={onBook}
        >
          Book
        </Button>
      </div>
      {booking ? props.children : null}
    </li>
  );
}
