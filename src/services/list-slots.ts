import {
  type AvailabilityRules,
  computeSlots,
  type Interval,
  nextFreeSlot,
  type OpenSession,
} from '../core/availability.ts';
import { notFound } from '../core/errors.ts';
import type { ProgramMode } from '../core/roles.ts';
import { canSeeWeeklySlots, type SessionViewer } from '../core/session-rules.ts';
import { offsetSegments } from '../core/zone-offsets.ts';
import type { Queryable } from '../db/client.ts';
import { listAvailability, type StoredAvailability, toRules } from '../db/queries/availability.ts';
import { getBookingById, listActiveBookingsOfMentors } from '../db/queries/bookings.ts';
import { listExternalBusyOfMentors } from '../db/queries/external-calendars.ts';
import { listMentorsInOrg } from '../db/queries/programs.ts';
import { listSessions, type SessionListing } from '../db/queries/sessions.ts';
import type { Actor, ServiceContext } from './context.ts';
import { requireViewer, visibleTo } from './manage-sessions.ts';

const DAY_MS = 86_400_000;

// Map.groupBy arrives with Node 21; this runs on 20.
function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

type ActiveBooking = {
  sessionId: string | null;
  startsAt: Date;
  endsAt: Date;
  moveStartsAt?: Date | null;
  moveEndsAt?: Date | null;
};

/**
 * Busy time and open seats for one mentor: every live session and every
 * pending or approved one-to-one booking is busy (seen or not: the mentor is
 * taken either way); published sessions this viewer may see are offered with
 * the seats that enrolments and active bookings leave.
 */
function busyAndOpen(
  sessions: SessionListing[],
  bookings: ActiveBooking[],
  canSee: (s: SessionListing) => boolean,
  /** busy times from the mentor's own calendars (issue #14) */
  outside: { startsAt: Date; endsAt: Date }[] = [],
) {
  const busy: Interval[] = outside.map((b) => ({
    startMs: b.startsAt.getTime(),
    endMs: b.endsAt.getTime(),
  }));
  const open: (OpenSession & { listing: SessionListing })[] = [];
  const seatsBooked = new Map<string, number>();
  for (const b of bookings) {
    if (b.sessionId) seatsBooked.set(b.sessionId, (seatsBooked.get(b.sessionId) ?? 0) + 1);
    else busy.push({ startMs: b.startsAt.getTime(), endMs: b.endsAt.getTime() });
    if (b.moveStartsAt && b.moveEndsAt) {
      busy.push({ startMs: b.moveStartsAt.getTime(), endMs: b.moveEndsAt.getTime() });
    }
  }
  for (const s of sessions) {
    if (s.session.status === 'cancelled') continue;
    const startMs = s.session.startsAt.getTime();
    const endMs = s.session.endsAt.getTime();
    busy.push({ startMs, endMs });
    if (s.session.status === 'published' && canSee(s)) {
      const seatsLeft =
        s.session.capacity - s.enrolled.length - (seatsBooked.get(s.session.id) ?? 0);
      open.push({ startMs, endMs, sessionId: s.session.id, seatsLeft, listing: s });
    }
  }
  return { busy, open };
}

/** The mentor's rules, with no weekly hours for a viewer who may not book them. */
function weeklyRulesFor(
  viewer: SessionViewer,
  mentor: { userId: string; programs: { programId: string; mode: ProgramMode }[] },
  rules: AvailabilityRules,
): AvailabilityRules {
  if (canSeeWeeklySlots(viewer, mentor.userId, mentor.programs)) return rules;
  return { ...rules, weekly: [], overrides: [] };
}

export type MentorForSlots = {
  userId: string;
  name: string;
  timeZone: string;
  programs: { programId: string; mode: ProgramMode }[];
};

/**
 * The slots one mentor offers this viewer in [from, to): the same
 * computation serves the profile page and the check on a booking request.
 */
export async function offeredSlots(
  q: Queryable,
  viewer: SessionViewer,
  mentor: MentorForSlots,
  range: { from: Date; to: Date },
  now: Date,
  preloaded?: StoredAvailability,
  /** a booking whose own time does not count as taken (the one being moved) */
  exceptBookingId?: string,
) {
  const stored = preloaded ?? (await listAvailability(q, [mentor.userId])).get(mentor.userId)!;
  const rules = weeklyRulesFor(viewer, mentor, toRules(stored, mentor.timeZone));
  const wide = {
    from: new Date(range.from.getTime() - DAY_MS),
    to: new Date(range.to.getTime() + DAY_MS),
  };
  // Sequential: `q` may be a transaction, which has one connection.
  const sessions = await listSessions(q, { mentorIds: [mentor.userId], ...wide });
  const bookings = (
    await listActiveBookingsOfMentors(q, [mentor.userId], wide.from, wide.to)
  ).filter((b) => b.id !== exceptBookingId);
  const outside = await listExternalBusyOfMentors(q, [mentor.userId], wide.from, wide.to);
  const { busy, open } = busyAndOpen(sessions, bookings, visibleTo(viewer), outside);
  const slots = computeSlots({
    rules,
    busy,
    openSessions: open,
    now: now.getTime(),
    fromMs: range.from.getTime(),
    toMs: range.to.getTime(),
  });
  const byId = new Map(open.map((o) => [o.sessionId, o.listing]));
  return {
    rules,
    slots: slots.map((slot) => ({
      ...slot,
      listing: slot.sessionId ? byId.get(slot.sessionId) : undefined,
    })),
  };
}

/** Bookable slots of one mentor between `from` and `to`, as this viewer may see them. */
export async function listMentorSlots(
  ctx: ServiceContext,
  actor: Actor,
  orgId: string,
  mentorId: string,
  range: { from: Date; to: Date },
  /** a booking of this mentor's the actor takes part in, whose own time counts as free (moving it) */
  forBookingId?: string,
) {
  const { viewer } = await requireViewer(ctx.db, actor, orgId);
  const [mentor] = await listMentorsInOrg(ctx.db, orgId, [mentorId]);
  if (!mentor) throw notFound('Mentor');
  if (forBookingId) {
    const booking = await getBookingById(ctx.db, forBookingId);
    const takesPart = booking?.menteeId === actor.userId || booking?.mentorId === actor.userId;
    if (!booking || booking.orgId !== orgId || booking.mentorId !== mentorId || !takesPart) {
      throw notFound('Booking');
    }
  }
  const { rules, slots } = await offeredSlots(
    ctx.db,
    viewer,
    mentor,
    range,
    ctx.now(),
    undefined,
    forBookingId,
  );
  const offersHours = rules.weekly.length > 0 || rules.overrides.length > 0;
  return {
    mentor: { userId: mentor.userId, name: mentor.name, timeZone: rules.timeZone },
    slots,
    // What the picker offers as kinds, whichever month is shown.
    slotLengths: offersHours ? rules.slotLengths : [],
    bookableUntil: new Date(ctx.now().getTime() + rules.horizonDays * DAY_MS),
  };
}

/**
 * Each of these mentors with the next free slot this viewer could book (the
 * directory page): one query each for hours, sessions and bookings, however
 * many mentors; callers pass only the page's candidates.
 */
export async function withNextFreeSlots<T extends MentorForSlots>(
  db: ServiceContext['db'],
  viewer: SessionViewer,
  mentors: T[],
  nowDate: Date,
): Promise<(T & { nextSlot: { start: Date; end: Date } | null })[]> {
  if (mentors.length === 0) return [];
  const ids = mentors.map((m) => m.userId);
  const now = nowDate.getTime();
  const horizon = new Date(now + 366 * DAY_MS);
  const [availability, sessions, bookings, outside] = await Promise.all([
    listAvailability(db, ids),
    listSessions(db, { mentorIds: ids, from: new Date(now), to: horizon }),
    listActiveBookingsOfMentors(db, ids, new Date(now), horizon),
    listExternalBusyOfMentors(db, ids, new Date(now), horizon),
  ]);
  const sessionsOf = groupBy(sessions, (s) => s.session.mentorId);
  const bookingsOf = groupBy(bookings, (b) => b.mentorId);
  const outsideOf = groupBy(outside, (b) => b.userId);
  // One set of offsets per zone for the whole page.
  const segments = new Map<string, ReturnType<typeof offsetSegments>>();
  const see = visibleTo(viewer);
  return mentors.map((m) => {
    const rules = weeklyRulesFor(viewer, m, toRules(availability.get(m.userId)!, m.timeZone));
    if (!segments.has(rules.timeZone)) {
      segments.set(rules.timeZone, offsetSegments(rules.timeZone, now, now + 366 * DAY_MS));
    }
    const { busy, open } = busyAndOpen(
      sessionsOf.get(m.userId) ?? [],
      bookingsOf.get(m.userId) ?? [],
      see,
      outsideOf.get(m.userId),
    );
    const next = nextFreeSlot({
      rules,
      busy,
      openSessions: open,
      now,
      segments: segments.get(rules.timeZone)!,
    });
    return {
      ...m,
      nextSlot: next ? { start: new Date(next.startMs), end: new Date(next.endMs) } : null,
    };
  });
}
