import { kindOf, routeOf } from '../core/notification-preferences.ts';
import { startsIn } from '../core/session-reminders.ts';
import type { OutboxTopic, ReadyMadeNotification } from '../core/topics.ts';
import { type BookingListing, listBookings } from '../db/queries/bookings.ts';
import { insertDeliveries } from '../db/queries/deliveries.ts';
import { announceChange } from '../db/queries/live-events.ts';
import { preferencesOf } from '../db/queries/notification-preferences.ts';
import {
  claimUndeliveredOutbox,
  insertNotifications,
  markOutboxDelivered,
  type OutboxRow,
} from '../db/queries/notifications.ts';
import { formatShortWhen } from '../emails/format-when.ts';
import type { ServiceContext } from './context.ts';
import { scheduleDigest } from './daily-digest.ts';

type Side = 'mentor' | 'mentee';
type Message = { to: Side; title: string; body?: string };

/** A booking as of the event: its time then, which later steps may have moved. */
type AsOf = BookingListing & { eventStartsAt: Date };

/** When, in the recipient's own zone, naming it: "Thu 3 Dec, 17:00 (London time)". */
function when(l: AsOf, side: Side) {
  const zone = side === 'mentor' ? l.mentorTimeZone : l.menteeTimeZone;
  return formatShortWhen(l.eventStartsAt, zone);
}

/** Another instant of the same booking (a proposed move), in the recipient's zone. */
function whenAt(l: AsOf, ms: number, side: Side) {
  return when({ ...l, eventStartsAt: new Date(ms) }, side);
}

/** What each booking event tells whom (PRODUCT "Booking a session"). */
function messagesFor(
  topic: OutboxTopic,
  l: AsOf,
  by: Side | 'system' | undefined,
  payload: Record<string, unknown>,
): Message[] {
  const mentor = l.mentorName;
  const mentee = l.menteeName;
  const reason = l.booking.reason ? `Reason: ${l.booking.reason}` : undefined;
  const other = (side: Side): Side => (side === 'mentor' ? 'mentee' : 'mentor');
  const nameOf = (side: Side) => (side === 'mentor' ? mentor : mentee);
  switch (topic) {
    case 'booking.requested':
      return [
        {
          to: 'mentor',
          title: `${mentee} requested a session on ${when(l, 'mentor')}`,
          body: l.booking.message,
        },
      ];
    case 'booking.approve':
      return [
        { to: 'mentee', title: `${mentor} approved your session on ${when(l, 'mentee')}` },
        { to: 'mentor', title: `Session with ${mentee} on ${when(l, 'mentor')} is confirmed` },
      ];
    case 'booking.reject':
      // The organisation closes the requests of a member it deactivated: both hear of it.
      if (by === 'system') {
        return [
          {
            to: 'mentee',
            title: `Your request to ${mentor} for ${when(l, 'mentee')} was closed by the organisation`,
            ...(reason ? { body: reason } : {}),
          },
          {
            to: 'mentor',
            title: `The request from ${mentee} for ${when(l, 'mentor')} was closed by the organisation`,
            ...(reason ? { body: reason } : {}),
          },
        ];
      }
      return [
        {
          to: 'mentee',
          title: `${mentor} could not take your session on ${when(l, 'mentee')}`,
          ...(reason ? { body: reason } : {}),
        },
      ];
    case 'booking.propose_time': {
      const to = by === 'mentor' ? 'mentee' : 'mentor';
      return [
        {
          to,
          title: `${nameOf(other(to))} suggested ${when(l, to)} instead`,
          ...(reason ? { body: reason } : {}),
        },
      ];
    }
    case 'booking.accept_proposal':
      return [
        {
          to: 'mentor',
          title: `${mentee} accepted ${when(l, 'mentor')}: the session is confirmed`,
        },
        { to: 'mentee', title: `Session with ${mentor} on ${when(l, 'mentee')} is confirmed` },
      ];
    case 'booking.decline_proposal':
      return [{ to: 'mentor', title: `${mentee} declined the time you suggested` }];
    case 'booking.withdraw':
      return [{ to: 'mentor', title: `${mentee} withdrew the request for ${when(l, 'mentor')}` }];
    case 'booking.expire':
      return [
        {
          to: 'mentee',
          title: `Your request to ${mentor} for ${when(l, 'mentee')} expired unanswered`,
        },
        {
          to: 'mentor',
          title: `The request from ${mentee} for ${when(l, 'mentor')} expired unanswered`,
        },
      ];
    case 'booking.cancel': {
      if (by === 'system') {
        return (['mentee', 'mentor'] as const).map((to) => ({
          to,
          title: `Your session with ${nameOf(other(to))} on ${when(l, to)} was cancelled by the organisation`,
          ...(reason ? { body: reason } : {}),
        }));
      }
      const to = by === 'mentor' ? 'mentee' : 'mentor';
      const canceller = other(to);
      return [
        {
          to,
          title: `${nameOf(canceller)} cancelled the session on ${when(l, to)}`,
          ...(reason ? { body: reason } : {}),
        },
        // The canceller is told too: their email carries the calendar's cancellation.
        {
          to: canceller,
          title: `You cancelled your session with ${nameOf(to)} on ${when(l, canceller)}`,
          ...(reason ? { body: reason } : {}),
        },
      ];
    }
    case 'booking.reminder':
      return [
        {
          to: 'mentor',
          title: `${mentee} is still waiting for your answer about ${when(l, 'mentor')}`,
        },
      ];
    case 'booking.session_reminder': {
      const soon = startsIn(Number(payload.minutesBefore ?? 0));
      return [
        { to: 'mentee', title: `Your session with ${mentor} starts ${soon}: ${when(l, 'mentee')}` },
        { to: 'mentor', title: `Your session with ${mentee} starts ${soon}: ${when(l, 'mentor')}` },
      ];
    }
    case 'booking.propose_move': {
      const to = other(by === 'mentor' ? 'mentor' : 'mentee');
      const proposed = payload.proposedStartsAt ? Date.parse(String(payload.proposedStartsAt)) : 0;
      return [
        {
          to,
          title: `${nameOf(other(to))} asks to move your session on ${when(l, to)} to ${whenAt(l, proposed, to)}`,
          ...(payload.reason ? { body: `Reason: ${String(payload.reason)}` } : {}),
        },
      ];
    }
    case 'booking.accept_move':
    case 'booking.move': {
      const mover = by === 'mentor' ? 'mentor' : 'mentee';
      const from = payload.fromStartsAt ? Date.parse(String(payload.fromStartsAt)) : 0;
      const was = (side: Side) => (from ? ` (was ${whenAt(l, from, side)})` : '');
      // Both are told: each one's email carries the updated invitation.
      return [
        {
          to: other(mover),
          title:
            topic === 'booking.move'
              ? `${nameOf(mover)} moved your session to ${when(l, other(mover))}${was(other(mover))}`
              : `Your session with ${nameOf(mover)} moved to ${when(l, other(mover))}${was(other(mover))}`,
        },
        {
          to: mover,
          title: `Your session with ${nameOf(other(mover))} moved to ${when(l, mover)}${was(mover)}`,
        },
      ];
    }
    case 'booking.decline_move': {
      const to = payload.moveBy === 'mentor' ? 'mentor' : 'mentee';
      return [
        {
          to,
          title: `${nameOf(other(to))} declined moving your session: it stays on ${when(l, to)}`,
          ...(payload.reason ? { body: `Reason: ${String(payload.reason)}` } : {}),
        },
      ];
    }
    case 'booking.withdraw_move': {
      const to = other(payload.moveBy === 'mentor' ? 'mentor' : 'mentee');
      return [
        {
          to,
          title: `${nameOf(other(to))} no longer asks to move your session on ${when(l, to)}`,
        },
      ];
    }
    case 'booking.expire_move': {
      const to = payload.moveBy === 'mentor' ? 'mentor' : 'mentee';
      return [
        {
          to,
          title: `Your request to move the session on ${when(l, to)} was not answered in time: it stays as it was`,
        },
      ];
    }
    case 'booking.session_ended':
      return [
        {
          to: 'mentor',
          title: `How did your session with ${mentee} on ${when(l, 'mentor')} go? Mark it completed or report a no-show`,
        },
        {
          to: 'mentee',
          title: `How did your session with ${mentor} on ${when(l, 'mentee')} go? Rate it once it is marked completed, or report a no-show`,
        },
      ];
    case 'booking.meeting_link':
      // Made by the video service after the approval: both hear of it.
      if (by === 'system') {
        return (['mentee', 'mentor'] as const).map((to) => ({
          to,
          title: `The meeting link for your session on ${when(l, to)} is ready`,
        }));
      }
      return [
        { to: 'mentee', title: `${mentor} changed the meeting link for ${when(l, 'mentee')}` },
      ];
    case 'booking.meeting_link_needed':
      return [
        {
          to: 'mentor',
          // manual: the organisation makes no meetings; otherwise the provider failed.
          title:
            payload.provider === 'manual'
              ? `Add a meeting link for your session with ${mentee} on ${when(l, 'mentor')}`
              : `Add a meeting link for your session with ${mentee}: the video service failed`,
        },
      ];
    case 'booking.report_no_show':
      return [
        {
          to: by === 'mentor' ? 'mentee' : 'mentor',
          title: `A no-show was recorded for ${when(l, by === 'mentor' ? 'mentee' : 'mentor')}`,
        },
      ];
    case 'booking.complete':
      return [
        {
          to: 'mentee',
          title: `${mentor} marked your session completed: rate it when you are ready`,
        },
      ];
    default:
      return [];
  }
}

/**
 * Turns outbox rows into in-app notifications, in one transaction per batch
 * with the rows claimed FOR UPDATE SKIP LOCKED: each row is delivered once,
 * whichever instance gets it. Returns how many rows were handled.
 */
export async function deliverNotifications(ctx: ServiceContext, limit = 200): Promise<number> {
  return ctx.db.transaction(async (tx) => {
    const rows: OutboxRow[] = await claimUndeliveredOutbox(tx, limit);
    if (rows.length === 0) return 0;
    const bookingIds = [
      ...new Set(rows.map((r) => String(r.payload.bookingId ?? '')).filter(Boolean)),
    ];
    const listings = new Map(
      (bookingIds.length ? await listBookings(tx, { ids: bookingIds }) : []).map((l) => [
        l.booking.id,
        l,
      ]),
    );
    const out = rows.flatMap((row) => {
      // Events outside bookings carry their notifications ready-made.
      if (Array.isArray(row.payload.notify)) {
        return (row.payload.notify as ReadyMadeNotification[]).map((n) => ({
          userId: n.userId,
          topic: row.topic,
          title: n.title,
          body: n.body ?? '',
          link: n.link ?? null,
          outboxId: row.id,
          createdAt: ctx.now(),
        }));
      }
      const listing = listings.get(String(row.payload.bookingId ?? ''));
      if (!listing) return [];
      const by = row.payload.by as Side | 'system' | undefined;
      const at =
        typeof row.payload.startsAt === 'string'
          ? new Date(row.payload.startsAt)
          : listing.booking.startsAt;
      const userOf = (m: Message) =>
        m.to === 'mentor' ? listing.booking.mentorId : listing.booking.menteeId;
      // An event for one of the two (their own reminder) tells only them.
      const forUser = typeof row.payload.forUserId === 'string' ? row.payload.forUserId : null;
      return messagesFor(row.topic, { ...listing, eventStartsAt: at }, by, row.payload)
        .filter((m) => !forUser || userOf(m) === forUser)
        .map((m) => ({
          userId: userOf(m),
          topic: row.topic,
          title: m.title,
          body: m.body ?? '',
          link: `/o/${listing.booking.orgId}/sessions`,
          outboxId: row.id,
          createdAt: ctx.now(),
        }));
    });
    // Each goes where its person chose for its kind (the bell, email now, the daily digest).
    const chosen = await preferencesOf(tx, [...new Set(out.map((n) => n.userId))]);
    const routed = out.map((n) => ({
      ...n,
      ...routeOf(n.topic, chosen.get(n.userId)?.get(kindOf(n.topic))),
    }));
    const made = await insertNotifications(tx, routed);
    // Those to email at once are queued in this same transaction.
    if (ctx.mailer) {
      await insertDeliveries(
        tx,
        made.filter((n) => n.email === 'immediate').map((n) => n.id),
        'email',
        ctx.now(),
      );
    }
    // Those for the daily digest wait for it: each person's next one is due.
    for (const userId of new Set(made.filter((n) => n.email === 'daily').map((n) => n.userId))) {
      await scheduleDigest(tx, ctx, userId);
    }
    // Bells update at once: every instance forwards this to the users' open pages.
    const shown = made.filter((n) => n.inApp);
    if (shown.length > 0) {
      await announceChange(tx, {
        type: 'notification',
        resources: ['notifications'],
        userIds: [...new Set(shown.map((n) => n.userId))],
      });
    }
    await markOutboxDelivered(
      tx,
      rows.map((r) => r.id),
      ctx.now(),
    );
    return rows.length;
  });
}
