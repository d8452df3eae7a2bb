import { skipDueJobs } from '../db/queries/jobs.ts';
import { skipUndeliveredOutbox } from '../db/queries/notifications.ts';
import type { ServiceContext } from './context.ts';
import { decideBooking } from './decide-booking.ts';
import { listMentorSlots } from './list-slots.ts';
import { runDueJobs } from './process-jobs.ts';
import { rateBooking } from './rate-booking.ts';
import { requestBooking } from './request-booking.ts';

/*
 * Issue #13: the demo's past, so Reports show something on first start —
 * seven weeks of bookings in every state (held and rated, rejected, expired,
 * cancelled early and late, no-shows on both sides), made through the same
 * use cases as today's, with the clock set back and walked forward. What
 * happened then is history, not news: nobody is notified of it.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WEEKS = 7;

type Fate =
  | 'held'
  | 'rejected'
  | 'expired'
  | 'cancel_early'
  | 'cancel_late'
  | 'no_show_mentee'
  | 'no_show_mentor';

/**
 * Mostly held; each other fate now and then, in a fixed order so every seed
 * is the same. A mentor who approves automatically never rejects or lets a
 * request lapse: their bookings take the fates after an approval.
 */
const fates: Fate[] = [
  'held',
  'rejected',
  'held',
  'expired',
  'held',
  'cancel_early',
  'held',
  'no_show_mentee',
  'held',
  'cancel_late',
  'held',
  'no_show_mentor',
  'held',
];
const afterApproval = fates.filter((f) => f !== 'rejected' && f !== 'expired');

/**
 * Who books whom: the Leadership Circle's Lucas and Priya, and Diego's
 * regulars in Open Mentoring. Maya's demo is today's (a first request from
 * Noah, a conversation with Sam), so she has no past here.
 */
const pairs = [
  ['lucas', 'priya'],
  ['aiko', 'diego'],
  ['noah', 'diego'],
  ['sam', 'diego'],
  ['priya', 'diego'],
] as const;

const feedback = [
  'Really useful, thank you!',
  'Clear next steps for my interviews.',
  '',
  'Great questions; I left with a plan.',
  '',
];

type Step = { at: number; run: () => Promise<unknown> };

/**
 * Walks seven weeks up to `ctx.now()`: each week every pair asks for the
 * mentor's first free time two to six days ahead, and the booking meets its
 * fate at the times people would act, due jobs (expiry, reminders) running
 * as the clock passes them. Returns how many bookings were made.
 */
export async function seedDemoHistory(
  ctx: ServiceContext,
  orgId: string,
  idOf: (name: string) => string,
): Promise<number> {
  const realNow = ctx.now().getTime();
  let clock = realNow - (WEEKS + 1) * 7 * DAY;
  const past: ServiceContext = { ...ctx, now: () => new Date(clock) };
  const queue: Step[] = [];
  const later = (at: number, run: () => Promise<unknown>) => queue.push({ at, run });
  let made = 0;
  const seen = { asked: 0, approved: 0 };

  const book = async (week: number, p: number) => {
    const [menteeName, mentorName] = pairs[p]!;
    const mentee = { userId: idOf(menteeName) };
    const mentor = { userId: idOf(mentorName) };
    const { slots } = await listMentorSlots(past, mentee, orgId, mentor.userId, {
      from: new Date(clock + 2 * DAY),
      to: new Date(clock + 6 * DAY),
    });
    const slot = slots.find((s) => s.kind === 'weekly');
    if (!slot) return;
    const booking = await requestBooking(past, mentee, orgId, {
      mentorId: mentor.userId,
      startsAt: new Date(slot.startMs),
      lengthMinutes: slot.lengthMinutes,
      ownTime: false,
      message: 'Could we talk through where I am stuck this week?',
    });
    made++;
    const n = week * pairs.length + p;
    const auto = booking.status === 'approved';
    const fate = auto
      ? afterApproval[seen.approved++ % afterApproval.length]!
      : fates[seen.asked++ % fates.length]!;
    const decide = (who: { userId: string }, action: string, reason?: string) => () =>
      decideBooking(past, who, orgId, booking.id, {
        action: action as Parameters<typeof decideBooking>[4]['action'],
        ...(reason ? { reason } : {}),
      });
    const answerAt = clock + (1 + ((n * 7) % 30)) * HOUR;
    if (fate === 'expired') return; // left unanswered: its expiry job lapses it
    if (fate === 'rejected') {
      later(answerAt, decide(mentor, 'reject', 'I am travelling that week; please pick another.'));
      return;
    }
    if (!auto) later(answerAt, decide(mentor, 'approve'));
    const startMs = slot.startMs;
    const endMs = startMs + slot.lengthMinutes * 60_000;
    if (fate === 'cancel_early') {
      later(answerAt + 2 * HOUR, decide(mentee, 'cancel', 'Something came up at work.'));
    } else if (fate === 'cancel_late') {
      later(startMs - 3 * HOUR, decide(mentee, 'cancel', 'Sorry, I am unwell today.'));
    } else if (fate === 'no_show_mentee') {
      later(startMs + 30 * 60_000, decide(mentor, 'report_no_show'));
    } else if (fate === 'no_show_mentor') {
      later(startMs + 30 * 60_000, decide(mentee, 'report_no_show'));
    } else {
      later(endMs + HOUR, decide(mentor, 'complete'));
      later(endMs + 5 * HOUR, () =>
        rateBooking(past, mentee, orgId, booking.id, {
          stars: [5, 4, 5, 3, 4][n % 5]!,
          feedback: feedback[n % feedback.length]!,
        }),
      );
    }
  };

  for (let week = 0; week < WEEKS; week++) {
    const monday = clock + week * 7 * DAY;
    pairs.forEach((_, p) => {
      later(monday + p * 10 * 60_000, () => book(week, p));
    });
  }
  // Earliest first; a step may add later ones (a booking's fate). Unanswered
  // requests lapse as each day passes; the past's reminders and follow-ups
  // (and their emails) are skipped, not run.
  const expire = () => runDueJobs(past, 100, ['booking.expire']);
  let expiredAt = Number.NEGATIVE_INFINITY;
  while (queue.length > 0) {
    queue.sort((a, b) => a.at - b.at);
    const step = queue.shift()!;
    clock = Math.max(clock, step.at);
    if (clock - expiredAt >= DAY) {
      while ((await expire()) > 0);
      expiredAt = clock;
    }
    await step.run();
  }
  clock = realNow;
  while ((await expire()) > 0);
  await skipDueJobs(ctx.db, ctx.now(), 'skipped: the demo’s history');
  await skipUndeliveredOutbox(ctx.db, ctx.now());
  return made;
}
