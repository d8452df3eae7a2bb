import type { Slot } from '../../api-types.ts';
import { Button } from '../../ui/button.tsx';
import { Badge } from '../../ui/chips.tsx';
import { formatClock } from '../../ui/format-date-time.ts';

type SlotItemProps = {
  slot: Slot;
  viewerTimeZone: string;
  mentorTimeZone: string;
  /** Set on a day's first slot: the day's heading sits inside it, so the list holds only slots. */
  dayHeading?: string | undefined;
};

function seatsText(seatsLeft: number | undefined): string | null {
  if (seatsLeft === undefined) return null;
  return seatsLeft === 1 ? '1 seat left' : `${seatsLeft} seats left`;
}

/** One open time: the viewer's range, the mentor's clock beside it, and what it is. */
export function SlotItem({ slot, viewerTimeZone, mentorTimeZone, dayHeading }: SlotItemProps) {
  // viewerLocal/mentorLocal come from the server as wall clocks ("…T12:00"); the end
  // is formatted from its instant in the viewer's zone.
  const range = `${slot.viewerLocal.slice(11, 16)}–${formatClock(slot.end, viewerTimeZone)}`;
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
              {slot.mentorLocal.slice(11, 16)} in {mentorTimeZone}
            </span>
          ) : null}
          {[...new Set(otherZones)].map((zone) => (
            <span key={zone} className="muted slot__mentor-time">
              {formatClock(slot.start, zone)} in {zone}
            </span>
          ))}
        </div>
        <div className="slot__what">
          {slot.kind === 'session' ? <Badge tone="accent">Session</Badge> : null}
          <span className="slot__details">{details.join(' · ')}</span>
        </div>
        <Button size="small" disabled title="Booking opens soon">
          Book
        </Button>
      </div>
    </li>
  );
}
