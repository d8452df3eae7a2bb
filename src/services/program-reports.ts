import { invalidField, notFound } from '../core/errors.ts';
import {
  decisionRates,
  MAX_REPORT_DAYS,
  outcomeCounts,
  type ReportPeriod,
  reportPeriod,
  sessionsPerWeek,
  weeklyKinds,
} from '../core/reports.ts';
import type { Queryable } from '../db/client.ts';
import { getGroupInOrg } from '../db/queries/groups.ts';
import { getProgramInOrg } from '../db/queries/programs.ts';
import {
  busiestMentors,
  countBookedSkills,
  countBookingOutcomes,
  countBookingsByWeek,
  countRatings,
  daysToFirstSession,
  mentorAnswerTimes,
  mentorsWithUnansweredRequests,
  quietMatches,
  type ReportScope,
} from '../db/queries/reports.ts';
import type { Actor, ServiceContext } from './context.ts';
import { requireOrgAdmin } from './org-access.ts';
import { spreadsheetCsv } from './spreadsheet-csv.ts';

export type ReportFilters = {
  from?: string | undefined;
  to?: string | undefined;
  timeZone: string;
  programId?: string | undefined;
  groupId?: string | undefined;
  /** matches with no session in this many days */
  quietDays?: number | undefined;
};

const DEFAULT_QUIET_DAYS = 30;
const TOP = 10;
const LIST = 100;

async function ratingsOf(q: Queryable, scope: ReportScope) {
  const rows = await countRatings(q, scope);
  const side = (which: 'mentor' | 'mentee') => {
    const byStars = [1, 2, 3, 4, 5].map(
      (stars) => rows.find((r) => r.side === which && r.stars === stars)?.n ?? 0,
    );
    const count = byStars.reduce((a, b) => a + b, 0);
    const total = byStars.reduce((sum, n, i) => sum + n * (i + 1), 0);
    return { count, average: count > 0 ? total / count : null, byStars };
  };
  // A mentee rates the session (and so the mentor); a mentor rates it from their side.
  return { byMentees: side('mentee'), byMentors: side('mentor') };
}

/**
 * Issue #13 "Reports": how the organisation's mentoring is going over a
 * period, for one program or group or all — each figure counted by the
 * database (db/queries/reports.ts), shaped by core/reports.ts.
 */
export async function computeReports(
  ctx: ServiceContext,
  actor: Actor,
  orgId: string,
  filters: ReportFilters,
) {
  const { scope, period } = await requireScope(ctx, actor, orgId, filters);
  const q = ctx.db;
  const now = ctx.now().getTime();
  const quietDays = filters.quietDays ?? DEFAULT_QUIET_DAYS;
  // Independent reads: on PostgreSQL they run side by side on the pool's connections.
  const [outcomeRows, answers, first, weeks, ratings, skills, busiest, quiet, unanswered] =
    await Promise.all([
      countBookingOutcomes(q, scope),
      mentorAnswerTimes(q, scope),
      daysToFirstSession(q, scope),
      countBookingsByWeek(q, scope),
      ratingsOf(q, scope),
      countBookedSkills(q, scope, TOP),
      busiestMentors(q, scope, TOP),
      quietMatches(q, scope, now - quietDays * 86_400_000, now, LIST),
      mentorsWithUnansweredRequests(q, scope, LIST),
    ]);
  const outcomes = outcomeCounts(outcomeRows);
  return {
    period: { from: period.from, to: period.to, timeZone: period.timeZone },
    sessionsPerWeek: sessionsPerWeek(period.weeks, weeks),
    outcomes: { ...outcomes, ...decisionRates(outcomes) },
    answerTimes: {
      medianMinutes: answers.median,
      p90Minutes: answers.p90,
      answered: answers.answered,
    },
    ratings,
    firstSession: {
      medianDays: first.median,
      p90Days: first.p90,
      withSession: first.withSession,
      withoutSession: first.withoutSession,
    },
    skills: skills.map((s) => ({ skill: s.skill, bookings: s.n })),
    busiestMentors: busiest,
    quietMatches: {
      days: quietDays,
      matches: quiet.map((m) => ({
        ...m,
        matchedAt: new Date(m.matchedAt),
        lastSessionAt: m.lastSessionAt ? new Date(m.lastSessionAt) : null,
      })),
    },
    unansweredMentors: unanswered.map((m) => ({ ...m, oldestAt: new Date(m.oldestAt) })),
  };
}

export type Reports = Awaited<ReturnType<typeof computeReports>>;

async function requireScope(
  ctx: ServiceContext,
  actor: Actor,
  orgId: string,
  filters: ReportFilters,
): Promise<{ scope: ReportScope; period: ReportPeriod }> {
  await requireOrgAdmin(ctx.db, actor, orgId);
  if (filters.programId && !(await getProgramInOrg(ctx.db, orgId, filters.programId))) {
    throw notFound('Program');
  }
  if (filters.groupId && !(await getGroupInOrg(ctx.db, orgId, filters.groupId))) {
    throw notFound('Group');
  }
  const period = reportPeriod(filters, ctx.now().getTime());
  if (!period) {
    throw invalidField(
      'query.to',
      `must be on or after from, and at most ${MAX_REPORT_DAYS} days after it`,
    );
  }
  return {
    period,
    scope: {
      orgId,
      programId: filters.programId,
      groupId: filters.groupId,
      startMs: period.startMs,
      endMs: period.endMs,
      timeZone: period.timeZone,
    },
  };
}

const percent = (r: number | null) => (r === null ? '' : (r * 100).toFixed(1));
const number = (n: number | null) => (n === null ? '' : n.toFixed(1));

/** Every chart's data as a table, header first: what its CSV download holds. */
export const reportTables: Record<string, (r: Reports) => (string | number)[][]> = {
  'sessions-per-week': (r) => [
    ['week_from', ...weeklyKinds],
    ...r.sessionsPerWeek.map((w) => [w.week, ...weeklyKinds.map((k) => w[k])]),
  ],
  outcomes: (r) => [
    ['outcome', 'bookings'],
    ...(
      [
        'requested',
        'approved',
        'rejected',
        'expired',
        'withdrawn',
        'cancelledEarly',
        'cancelledLate',
        'noShowMentee',
        'noShowMentor',
      ] as const
    ).map((k) => [k, r.outcomes[k]]),
    ['approval_rate_percent', percent(r.outcomes.approvalRate)],
    ['rejection_rate_percent', percent(r.outcomes.rejectionRate)],
    ['expiry_rate_percent', percent(r.outcomes.expiryRate)],
  ],
  'answer-times': (r) => [
    ['answered', 'median_minutes', 'p90_minutes'],
    [r.answerTimes.answered, number(r.answerTimes.medianMinutes), number(r.answerTimes.p90Minutes)],
  ],
  ratings: (r) => [
    ['stars', 'by_mentees', 'by_mentors'],
    ...[1, 2, 3, 4, 5].map((s) => [
      s,
      r.ratings.byMentees.byStars[s - 1] ?? 0,
      r.ratings.byMentors.byStars[s - 1] ?? 0,
    ]),
  ],
  'first-session': (r) => [
    ['with_session', 'without_session', 'median_days', 'p90_days'],
    [
      r.firstSession.withSession,
      r.firstSession.withoutSession,
      number(r.firstSession.medianDays),
      number(r.firstSession.p90Days),
    ],
  ],
  skills: (r) => [['skill', 'bookings'], ...r.skills.map((s) => [s.skill, s.bookings])],
  'busiest-mentors': (r) => [
    ['mentor', 'sessions', 'requests'],
    ...r.busiestMentors.map((m) => [m.name, m.sessions, m.requests]),
  ],
  'quiet-matches': (r) => [
    ['program', 'mentor', 'mentee', 'matched_at', 'last_session_at'],
    ...r.quietMatches.matches.map((m) => [
      m.programName,
      m.mentorName,
      m.menteeName,
      m.matchedAt.toISOString(),
      m.lastSessionAt?.toISOString() ?? '',
    ]),
  ],
  'unanswered-mentors': (r) => [
    ['mentor', 'waiting', 'oldest_request_at'],
    ...r.unansweredMentors.map((m) => [m.name, m.waiting, m.oldestAt.toISOString()]),
  ],
};

export const reportCharts = Object.keys(reportTables);

/** One chart's data as CSV (UTF-8 with a byte-order mark, formulas defused), for spreadsheets. */
export async function reportCsv(
  ctx: ServiceContext,
  actor: Actor,
  orgId: string,
  chart: string,
  filters: ReportFilters,
) {
  const table = reportTables[chart];
  if (!table) throw notFound('Report');
  const reports = await computeReports(ctx, actor, orgId, filters);
  return spreadsheetCsv(table(reports));
}
