import { isRepeatedClockTime, offsetOfLocalDateTime } from '../../../core/local-time.ts';
import type { Slot } from '../../api/types.ts';
import {
  formatCalendarDate,
  formatClockMarked,
  formatUtcOffset,
  shownZone,
} from '../../ui/format-date-time.ts';
import { slotKey } from './use-month-slots.ts';

type DayTimesProps = {
  date: string;
  slots: Slot[];
  viewerZone: string;
  mentorZone: string;
  /** "Maya's time": the other side's clock is named by whose it is. */
  mentorLabel: string;
  selected: string | null;
  onSelect: (slot: Slot) => void;
};

function seatsText(seatsLeft: number | undefined): string | null {
  if (seatsLeft === undefined) return null;
  return seatsLeft === 1 ? '1 seat left' : `${seatsLeft} seats left`;
}

/**
 * A wall clock the server wrote with its offset ("…T01:30-04:00"), as
 * "01:30"; a clock time read twice that night (clocks going back) says which.
 */
function clockOf(local: string, startMs: number, zone: string) {
  return isRepeatedClockTime(startMs, shownZone(zone))
    ? `${local.slice(11, 16)} ${formatUtcOffset(offsetOfLocalDateTime(local))}`
    : local.slice(11, 16);
}

/** One day's free starts in the viewer's zone, the mentor's clock beside each. */
export function DayTimes(props: DayTimesProps) {
  const { slots, viewerZone, mentorZone } = props;
  const heading = formatCalendarDate(props.date);
  return (
    <section className="day-times" aria-label={`Times on ${heading}`}>
      <h3 className="day-times__heading">{heading}</h3>
      {/* biome-ignore lint/a11y/noRedundantRoles: Safari drops list semantics from unbulleted lists */}
      <ul role="list" className="day-times__list">
        {slots.map((slot) => {
          const startMs = Date.parse(slot.start);
          const range = `${clockOf(slot.viewerLocal, startMs, viewerZone)}–${formatClockMarked(slot.end, viewerZone)}`;
          const theirs =
            mentorZone !== viewerZone
              ? `${clockOf(slot.mentorLocal, startMs, mentorZone)} ${props.mentorLabel}`
              : null;
          const what =
            slot.kind === 'session' && slot.session
              ? [slot.session.title, slot.session.location, seatsText(slot.seatsLeft)]
                  .filter(Boolean)
                  .join(' · ')
              : null;
          const chosen = props.selected === slotKey(slot);
          return (
            <li key={slotKey(slot)}>
              <button
                type="button"
                className={chosen ? 'day-time day-time--chosen' : 'day-time'}
                aria-pressed={chosen}
                onClick={() => props.onSelect(slot)}
              >
                <span className="day-time__clock">{range}</span>
                {theirs ? <span className="day-time__theirs">{theirs}</span> : null}
                {what ? <span className="day-time__what">{what}</span> : null}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
