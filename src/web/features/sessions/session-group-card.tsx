import type { Session } from '../../api-types.ts';
import { Card } from '../../ui/card.tsx';
import { SessionSummary } from './session-summary.tsx';

type SessionGroupCardProps = {
  title: string;
  sessions: Session[];
  viewerId: string;
  viewerZone: string;
};

/** One group of the Sessions tab (Upcoming, Drafts, Past, Cancelled); nothing when empty. */
export function SessionGroupCard({ title, sessions, viewerId, viewerZone }: SessionGroupCardProps) {
  if (sessions.length === 0) return null;
  return (
    <Card title={title} actions={<span className="muted">{sessions.length}</span>}>
      <ul className="item-list" aria-label={title}>
        {sessions.map((session) => {
          const titleId = `session-${session.id}-title`;
          return (
            <li key={session.id} className="item-list__item" aria-labelledby={titleId}>
              <SessionSummary
                session={session}
                viewerId={viewerId}
                viewerZone={viewerZone}
                titleId={titleId}
              />
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
