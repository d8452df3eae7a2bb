import { type ReactNode, useId, useMemo } from 'react';
import { Link } from 'react-router';
import type { BookingStatus } from '../../api/types.ts';
import { ErrorAlert } from '../../ui/alert.tsx';
import { Avatar } from '../../ui/avatar.tsx';
import { Button } from '../../ui/button.tsx';
import { Badge } from '../../ui/chips.tsx';
import { formatDateTime } from '../../ui/format-date-time.ts';
import { Loading } from '../../ui/loading.tsx';
import { useNow } from '../../ui/use-now.ts';
import { useApiQuery } from '../../use-api-query.ts';
import { bookingStatusLabels, bookingStatusTones } from '../bookings/booking-display.ts';
import { MessageComposer } from './message-composer.tsx';
import { MessageItem } from './message-item.tsx';
import { dayHeading, groupByDay } from './thread-display.ts';
import { useEarlierPages, useMarkRead, useStickToBottom } from './thread-hooks.ts';
import type { ThreadDetail, ThreadSummary } from './types.ts';

type ThreadViewProps = {
  orgId: string;
  threadId: string;
  viewerId: string;
  viewerZone: string;
  /** The thread as the list shows it, until its own answer arrives. */
  listed: ThreadSummary | undefined;
  /** The thread was marked read: its unread count is now 0. */
  onRead: (threadId: string) => void;
  /** A message was sent: the list's order and last line changed. */
  onSent: () => void;
};

/** Whether the composer gives way to an explanation: message requests not (yet) accepted. */
function composerNotice(detail: ThreadDetail, viewerId: string, name: string, orgId: string) {
  const request = detail.request;
  if (detail.kind !== 'direct' || detail.connected || !request) return null;
  const mine = request.senderId === viewerId;
  if (request.status === 'pending' && mine) {
    return `Your message request is waiting for ${name} to accept it. You can write again once they do.`;
  }
  if (request.status === 'pending') {
    return (
      <>
        This is a message request to you.{' '}
        <Link to={`/o/${orgId}/requests?tab=messages`}>Answer it in Requests</Link> before replying.
      </>
    );
  }
  if (request.status === 'rejected' && mine) return `${name} declined your message request.`;
  return null;
}

/** A note above the composer when the next message opens a message request. */
function firstMessageNote(detail: ThreadDetail, viewerId: string, name: string) {
  if (detail.kind !== 'direct' || detail.connected) return null;
  const request = detail.request;
  if (request && !(request.status === 'rejected' && request.senderId !== viewerId)) return null;
  return `You are not connected with ${name} yet: your message is sent as a message request, and you can write again once they accept it.`;
}

type ThreadHeaderProps = {
  orgId: string;
  titleId: string;
  summary: ThreadSummary | undefined;
  connected: boolean;
  viewerZone: string;
};

/** Who the conversation is with, and the session it is about. */
function ThreadHeader({ orgId, titleId, summary, connected, viewerZone }: ThreadHeaderProps) {
  const startsAt = summary?.booking?.startsAt;
  const status = summary?.booking?.status as BookingStatus | null | undefined;
  return (
    <header className="thread__header">
      <Link className="thread__back" to={`/o/${orgId}/messages`}>
        ← Conversations
      </Link>
      {summary ? (
        <Avatar
          name={summary.other.name}
          photoUrl={summary.other.photoUrl}
          size="small"
          decorative
        />
      ) : null}
      <div className="thread__heading">
        <h2 className="thread__title" id={titleId}>
          {summary ? (
            <Link to={`/o/${orgId}/people/${summary.other.userId}`}>{summary.other.name}</Link>
          ) : (
            // No summary while it is a message request to me: those live in Requests.
            'Message request'
          )}
        </h2>
        {startsAt ? (
          <p className="thread__context">
            Session on {formatDateTime(startsAt, viewerZone)}{' '}
            {status && bookingStatusLabels[status] ? (
              <Badge tone={bookingStatusTones[status]}>{bookingStatusLabels[status]}</Badge>
            ) : null}
          </p>
        ) : summary ? (
          <p className="thread__context">
            {connected ? 'Connection · direct messages' : 'Direct messages'}
          </p>
        ) : null}
      </div>
    </header>
  );
}

/** One conversation: who with, its messages by day (live), and the composer. */
export function ThreadView(props: ThreadViewProps) {
  const { orgId, threadId, viewerId, viewerZone, listed, onRead, onSent } = props;
  const titleId = useId();
  const ref = useMemo(() => ({ orgId, threadId }), [orgId, threadId]);
  const thread = useApiQuery('/api/orgs/{orgId}/threads/{threadId}', { params: { path: ref } });
  const { data: detail, reload, setData } = thread;
  const nowMs = useNow().getTime();

  const latest = detail?.messages ?? [];
  const newest = latest[latest.length - 1];
  const { scroller, onScroll, stick } = useStickToBottom(newest?.id);
  const earlier = useEarlierPages(ref, scroller);
  useMarkRead(ref, newest && newest.senderId !== viewerId ? newest.id : null, () =>
    onRead(threadId),
  );

  const latestIds = new Set(latest.map((m) => m.id));
  const older = (earlier.pages?.messages ?? []).filter((m) => !latestIds.has(m.id));
  const messages = [...older, ...latest];
  const hasMore = earlier.pages ? earlier.pages.hasMore : (detail?.hasMore ?? false);
  const summary = detail?.thread ?? listed;
  const name = summary?.other.name ?? 'them';
  const notice: ReactNode = detail ? composerNotice(detail, viewerId, name, orgId) : null;
  const firstNote = detail ? firstMessageNote(detail, viewerId, name) : null;

  return (
    <section className="thread" aria-labelledby={titleId}>
      <ThreadHeader
        orgId={orgId}
        titleId={titleId}
        summary={summary}
        connected={detail?.connected ?? false}
        viewerZone={viewerZone}
      />
      <div
        className="thread__scroller"
        ref={scroller}
        onScroll={onScroll}
        role="log"
        aria-label={`Messages with ${summary?.other.name ?? 'the sender'}`}
      >
        <ErrorAlert message={thread.error?.message} />
        {thread.loading ? <Loading /> : null}
        {hasMore && messages[0] ? (
          <div className="thread__more">
            <Button
              size="small"
              variant="ghost"
              pending={earlier.pending}
              onClick={() => messages[0] && void earlier.load(messages[0])}
            >
              Load earlier messages
            </Button>
            <ErrorAlert message={earlier.error} />
          </div>
        ) : null}
        {detail && messages.length === 0 ? (
          <p className="thread__empty">No messages yet. Say hello to {name}.</p>
        ) : null}
        {groupByDay(messages, viewerZone).map((day) => (
          <div key={day.date} className="thread__day">
            <h3 className="thread__day-heading">
              {dayHeading(day.messages[0]?.createdAt ?? day.date, viewerZone, nowMs)}
            </h3>
            <ol className="message-list">
              {day.messages.map((message) => (
                <MessageItem
                  key={message.id}
                  orgId={orgId}
                  message={message}
                  mine={message.senderId === viewerId}
                  senderName={summary?.other.name ?? 'Sender'}
                  viewerZone={viewerZone}
                />
              ))}
            </ol>
          </div>
        ))}
      </div>
      {notice ? (
        <p className="thread__notice">{notice}</p>
      ) : detail ? (
        <div className="thread__compose">
          {firstNote ? <p className="thread__note">{firstNote}</p> : null}
          <MessageComposer
            orgId={orgId}
            threadId={threadId}
            otherName={name}
            onSent={(message) => {
              stick();
              // Shown at once; the reload then brings any change of request state.
              setData({ ...detail, messages: [...detail.messages, message] });
              reload();
              onSent();
            }}
          />
        </div>
      ) : null}
    </section>
  );
}
