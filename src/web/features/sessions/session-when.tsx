import { wallClockAt } from '../../../core/local-time.ts';
import type { Session } from '../../api/types.ts';
import {
  formatCalendarDate,
  formatClockRange,
  formatTimeSpan,
  shownZone,
} from '../../ui/format-date-time.ts';

type OtherZone = { zone: string; note: string };

/** The mentor's, the location's and any extra zones, each once, leaving out the viewer's. */
function otherZones(session: Session, viewerZone: string): OtherZone[] {
  const zones: OtherZone[] = [
    { zone: session.mentor.timeZone, note: 'mentor' },
    ...(session.locationTimeZone ? [{ zone: session.locationTimeZone, note: 'location' }] : []),
    ...session.timeZones.map((zone) => ({ zone, note: '' })),
  ];
  const seen = new Set([viewerZone]);
  return zones.filter(({ zone }) => {
    if (seen.has(zone)) return false;
    seen.add(zone);
    return true;
  });
}

type SessionWhenProps = { session: Session; viewerZone: string };

/**
 * When a session runs, in the viewer's zone (named), then in the mentor's,
 * the location's and the session's extra zones where those differ. The
 * date is added to another zone's time when it falls on another day there.
 */
export function SessionWhen({ session, viewerZone }: SessionWhenProps) {
  const start = Date.parse(session.startsAt);
  const viewerDate = wallClockAt(start, shownZone(viewerZone)).date;
  const others = otherZones(session, viewerZone);
  return (
    <div className="session-when">
      <p>
        <time dateTime={session.startsAt}>
          {formatTimeSpan(session.startsAt, session.endsAt, viewerZone)}
        </time>
      </p>
      {others.map(({ zone, note }) => {
        const date = wallClockAt(start, shownZone(zone)).date;
        return (
          <p key={zone} className="session-when__zone">
            {formatClockRange(session.startsAt, session.endsAt, zone)}
            {date !== viewerDate ? ` ${formatCalendarDate(date)}` : ''} in {zone}
            {note ? ` (${note})` : ''}
          </p>
        );
      })}
    </div>
  );
}
