import type { Booking, MentorshipRequest, MessageRequest, Session } from '../../api/types.ts';
import { sideOf } from '../bookings/booking-display.ts';
import { buildTimeline, type TimelineEntry } from '../bookings/timeline.ts';

/** One thing waiting for the viewer's answer, with where to answer it and since when. */
export type WaitingItem = {
  key: string;
  what: 'booking' | 'proposal' | 'move' | 'mentorship' | 'message';
  title: string;
  /** when it started waiting: the oldest waits longest and comes first */
  since: string;
  link: string;
};

export type HomeInput = {
  orgId: string;
  viewerId: string;
  nowMs: number;
  bookings: Booking[];
  sessions: Session[];
  mentorshipRequests: MentorshipRequest[];
  messageRequests: MessageRequest[];
};

export type HomeSummary = {
  waiting: WaitingItem[];
  /** the next session or confirmed booking that has not ended */
  next: TimelineEntry | null;
  /** what else happens in the next seven days */
  thisWeek: TimelineEntry[];
};

const WEEK_MS = 7 * 86_400_000;

/**
 * What Home shows (issue #12): what needs me, oldest first — bookings to
 * answer, times suggested to me, moves asked of me, mentorship and message
 * requests — then my next session and the rest of this week.
 */
export function summariseHome(input: HomeInput): HomeSummary {
  const { orgId, viewerId, nowMs } = input;
  const waiting: WaitingItem[] = [];
  for (const b of input.bookings) {
    const side = sideOf(b, viewerId);
    const other = side === 'mentor' ? b.mentee.name : b.mentor.name;
    if (b.status === 'pending' && b.awaiting === side) {
      waiting.push({
        key: `booking-${b.id}`,
        what: side === 'mentor' ? 'booking' : 'proposal',
        title:
          side === 'mentor' ? `${other} asks for a session` : `${other} suggested another time`,
        since: b.createdAt,
        link: side === 'mentor' ? `/o/${orgId}/requests` : `/o/${orgId}/sessions`,
      });
    }
    if (b.status === 'approved' && b.move && b.move.by !== side) {
      waiting.push({
        key: `move-${b.id}`,
        what: 'move',
        title: `${other} asks to move your session`,
        since: b.move.askedAt,
        link: `/o/${orgId}/sessions`,
      });
    }
  }
  for (const r of input.mentorshipRequests) {
    if (r.box !== 'received' || r.status !== 'pending') continue;
    waiting.push({
      key: `mentorship-${r.id}`,
      what: 'mentorship',
      title: `${r.other.name ?? 'Someone'} ${r.kind === 'offer' ? 'offers to mentor you' : 'asks you for a session'}`,
      since: r.createdAt,
      link: `/o/${orgId}/requests`,
    });
  }
  for (const r of input.messageRequests) {
    if (r.receiver.userId !== viewerId || r.status !== 'pending') continue;
    waiting.push({
      key: `message-${r.id}`,
      what: 'message',
      title: `${r.sender.name} wants to message you`,
      since: r.createdAt,
      link: `/o/${orgId}/requests?tab=messages`,
    });
  }
  waiting.sort((a, b) => a.since.localeCompare(b.since));
  const timeline = buildTimeline(input.sessions, input.bookings, viewerId, nowMs);
  // Upcoming holds confirmed bookings and published sessions that have not ended, earliest first.
  const upcoming = timeline.upcoming.filter((e) => entryEnd(e) > nowMs);
  const [next = null, ...rest] = upcoming;
  return {
    waiting,
    next,
    thisWeek: rest.filter((e) => Date.parse(e.startsAt) < nowMs + WEEK_MS),
  };
}

const entryEnd = (e: TimelineEntry) =>
  Date.parse(e.kind === 'booking' ? e.booking.endsAt : e.session.endsAt);

/** "3 days", "5 hours", "12 minutes": how long something has waited. */
export function waitedFor(sinceIso: string, nowMs: number): string {
  const minutes = Math.max(0, Math.floor((nowMs - Date.parse(sinceIso)) / 60_000));
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (minutes >= 2 * 24 * 60) return unit(Math.floor(minutes / (24 * 60)), 'day');
  if (minutes >= 120) return unit(Math.floor(minutes / 60), 'hour');
  return unit(minutes, 'minute');
}
