import { NavLink } from 'react-router';
import { Avatar } from '../../ui/avatar.tsx';
import { Badge } from '../../ui/chips.tsx';
import { formatDate } from '../../ui/format-date-time.ts';
import { formatListTime, requestNote, threadSnippet } from './thread-display.ts';
import type { ThreadSummary } from './types.ts';

type ThreadListProps = {
  orgId: string;
  threads: ThreadSummary[];
  viewerId: string;
  viewerZone: string;
  nowMs: number;
};

/** The conversations, latest first: who, about which session, the last word, what is unread. */
export function ThreadList({ orgId, threads, viewerId, viewerZone, nowMs }: ThreadListProps) {
  return (
    <ul className="thread-list">
      {threads.map((thread) => {
        const note = requestNote(thread, viewerId);
        const startsAt = thread.booking?.startsAt;
        return (
          <li key={thread.id}>
            <NavLink
              to={`/o/${orgId}/messages/${thread.id}`}
              className={({ isActive }) =>
                [
                  'thread-link',
                  isActive ? 'thread-link--active' : '',
                  thread.unread > 0 ? 'thread-link--unread' : '',
                ]
                  .filter(Boolean)
                  .join(' ')
              }
            >
              <Avatar
                name={thread.other.name}
                photoUrl={thread.other.photoUrl}
                size="small"
                decorative
              />
              <span className="thread-link__body">
                <span className="thread-link__row">
                  <span className="thread-link__name">{thread.other.name}</span>
                  <time className="thread-link__time" dateTime={thread.lastActivityAt}>
                    {formatListTime(thread.lastActivityAt, viewerZone, nowMs)}
                  </time>
                </span>
                {startsAt ? (
                  <span className="thread-link__context">
                    Session on {formatDate(startsAt, viewerZone)}
                  </span>
                ) : null}
                <span className="thread-link__row">
                  <span className="thread-link__snippet">
                    {threadSnippet(thread.lastMessage, viewerId)}
                  </span>
                  {note ? (
                    <Badge tone={note === 'Request pending' ? 'warning' : 'danger'}>{note}</Badge>
                  ) : null}
                  {thread.unread > 0 ? (
                    <span className="thread-link__unread">
                      {thread.unread}
                      <span className="visually-hidden"> unread</span>
                    </span>
                  ) : null}
                </span>
              </span>
            </NavLink>
          </li>
        );
      })}
    </ul>
  );
}
