import { Link } from 'react-router';
import type { ResponseOf } from '../../api/types.ts';
import { formatShortDateTime } from '../../ui/format-date-time.ts';

type Notifications = ResponseOf<'/api/me/notifications', 'get'>['notifications'];

type NotificationListProps = {
  notifications: Notifications;
  zone: string;
  onFollow: () => void;
};

/** The bell's latest notifications, newest first (its own chunk: dates need the zone code). */
export function NotificationList({ notifications, zone, onFollow }: NotificationListProps) {
  if (notifications.length === 0) return <p className="bell__empty">Nothing new.</p>;
  return (
    <ul className="bell__list">
      {notifications.map((n) => (
        <li key={n.id} className={n.readAt ? 'bell__item' : 'bell__item bell__item--unread'}>
          {n.link ? (
            <Link to={n.link} onClick={onFollow}>
              {n.title}
            </Link>
          ) : (
            n.title
          )}
          {n.body ? <p className="bell__body">{n.body}</p> : null}
          <p className="bell__time">{formatShortDateTime(n.createdAt, zone)}</p>
        </li>
      ))}
    </ul>
  );
}
