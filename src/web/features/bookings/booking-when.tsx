import { wallClockAt } from '../../../core/local-time.ts';
import {
  formatCalendarDate,
  formatClockRange,
  formatTimeSpan,
  shownZone,
} from '../../ui/format-date-time.ts';

type BookingWhenProps = {
  startsAt: string;
  endsAt: string;
  viewerZone: string;
  /** The person on the other side, whose local time is shown beside the viewer's. */
  other: { name: string; timeZone: string };
};

/**
 * When a booking runs in the viewer's zone (named), and the same time on the
 * other person's clock when they live elsewhere; their date is added when
 * it falls on another day there.
 */
export function BookingWhen({ startsAt, endsAt, viewerZone, other }: BookingWhenProps) {
  const start = Date.parse(startsAt);
  const otherDate = wallClockAt(start, shownZone(other.timeZone)).date;
  const sameDay = otherDate === wallClockAt(start, shownZone(viewerZone)).date;
  return (
    <div className="session-when">
      <p>
        <time dateTime={startsAt}>{formatTimeSpan(startsAt, endsAt, viewerZone)}</time>
      </p>
      {other.timeZone !== viewerZone ? (
        <p className="session-when__zone">
          {formatClockRange(startsAt, endsAt, other.timeZone)}
          {sameDay ? '' : ` ${formatCalendarDate(otherDate)}`}
          {` for ${other.name} (${other.timeZone})`}
        </p>
      ) : null}
    </div>
  );
}
