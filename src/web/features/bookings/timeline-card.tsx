import type { Booking } from '../../api/types.ts';
import { Card } from '../../ui/card.tsx';
import { AttendanceList, EnrolmentActions } from '../sessions/enrolment-actions.tsx';
import { SessionSummary } from '../sessions/session-summary.tsx';
import { BookingItem } from './booking-item.tsx';
import type { TimelineEntry } from './timeline.ts';

type TimelineCardProps = {
  title: string;
  entries: TimelineEntry[];
  viewerId: string;
  viewerZone: string;
  nowMs: number;
  onChanged: (message: string, updated?: Booking) => void;
};

/** One group of the Sessions tab (Requested, Upcoming, …); nothing when empty. */
export function TimelineCard({ title, entries, ...shared }: TimelineCardProps) {
  if (entries.length === 0) return null;
  return (
    <Card title={title} actions={<span className="muted">{entries.length}</span>}>
      <ul className="item-list" aria-label={title}>
        {entries.map((entry) => {
          if (entry.kind === 'booking') {
            return <BookingItem key={entry.key} booking={entry.booking} {...shared} />;
          }
          const titleId = `session-${entry.session.id}-title`;
          return (
            <li key={entry.key} className="item-list__item" aria-labelledby={titleId}>
              <SessionSummary
                session={entry.session}
                viewerId={shared.viewerId}
                viewerZone={shared.viewerZone}
                titleId={titleId}
                nowMs={shared.nowMs}
              />
              {entry.session.mentor.userId === shared.viewerId ? (
                <AttendanceList
                  session={entry.session}
                  nowMs={shared.nowMs}
                  onChanged={shared.onChanged}
                />
              ) : (
                <EnrolmentActions
                  session={entry.session}
                  viewerId={shared.viewerId}
                  nowMs={shared.nowMs}
                  onChanged={shared.onChanged}
                />
              )}
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
