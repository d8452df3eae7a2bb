import { performance } from 'node:perf_hooks';
import { type SQL, sql } from 'drizzle-orm';
import { loadConfig } from '../src/config.ts';
import { reportPeriod } from '../src/core/reports.ts';
import type { Database } from '../src/db/client.ts';
import { getUserByEmail } from '../src/db/queries/accounts.ts';
import type { ReportScope } from '../src/db/queries/reports.ts';
import * as reports from '../src/db/queries/reports.ts';
import { contextFromConfig } from '../src/services/context.ts';
import { makeAdmin } from '../src/services/make-admin.ts';
import { createProgram } from '../src/services/manage-programs.ts';
import { computeReports } from '../src/services/program-reports.ts';
import { withScratchPostgres } from './postgres.ts';
import { percentile } from './stats.ts';

/**
 * Issue #13: every report at 100,000 members (5,000 of them mentors) and
 * 2,000,000 bookings over two years on PostgreSQL — generated in SQL, each
 * booking with its first answer and a third of the held ones rated. For the
 * period the page opens with (twelve weeks) and for two years: p50 and p99
 * of each query and of the whole `computeReports`, with each plan's top node
 * and how it reads bookings. Target < 200 ms.
 */
const MEMBERS = 100_000;
const MENTORS = 5_000;
const BOOKINGS = 2_000_000;
const RUNS = 20;
/** two years of an organisation this size is slow to read: fewer rounds */
const LONG_RUNS = 5;

async function seed(database: Database, orgId: string, programId: string) {
  const run = (q: SQL) => database.db.execute(q);
  await run(sql`insert into users (email, password_hash, name, skills)
    select 'm' || i || '@reports.bench', '', 'Member ' || i,
      case when i <= ${MENTORS} then array['python', 'leadership', 'design'] else '{}'::text[] end
    from generate_series(1, ${MEMBERS}) i`);
  await run(sql`insert into org_members (org_id, user_id, role, created_at)
    select ${orgId}::uuid, id, 'member', now() - interval '800 days' from users where email like '%@reports.bench'`);
  await run(sql`insert into program_members (program_id, user_id, role, created_at)
    select ${programId}::uuid, id,
      case when split_part(substr(email, 2), '@', 1)::int <= ${MENTORS} then 'mentor' else 'mentee' end,
      now() - interval '800 days' + (split_part(substr(email, 2), '@', 1)::int % 700) * interval '1 day'
    from users where email like '%@reports.bench'`);
  // Two years of bookings, none holding time (so no overlap rule applies): mostly held.
  await run(sql`create temp table bench_people as
    select row_number() over (order by id) as n, id,
      split_part(substr(email, 2), '@', 1)::int <= ${MENTORS} as mentor
    from users where email like '%@reports.bench'`);
  await run(sql`insert into bookings (org_id, program_id, mentor_id, mentee_id, status, late_cancellation,
      starts_at, ends_at, created_at, updated_at)
    select ${orgId}::uuid, ${programId}::uuid, mentor.id, mentee.id,
      (array['completed','completed','completed','completed','cancelled','rejected','expired',
             'no_show_mentee','no_show_mentor','withdrawn'])[1 + i % 10],
      i % 20 = 4,
      now() - (i::float8 / ${BOOKINGS}) * interval '730 days',
      now() - (i::float8 / ${BOOKINGS}) * interval '730 days' + interval '1 hour',
      now() - (i::float8 / ${BOOKINGS}) * interval '730 days' - interval '3 days',
      now()
    from generate_series(1, ${BOOKINGS}) i
      join bench_people mentor on mentor.n = 1 + i % ${MENTORS}
      join bench_people mentee on mentee.n = ${MENTORS} + 1 + i % ${MEMBERS - MENTORS}`);
  await run(sql`insert into booking_events (booking_id, action, from_status, to_status, starts_at, ends_at, at)
    select id, case when status in ('rejected') then 'reject' else 'approve' end, 'pending',
      case when status = 'rejected' then 'rejected' else 'approved' end, starts_at, ends_at,
      created_at + (abs(hashtext(id::text)) % 72) * interval '1 hour'
    from bookings where org_id = ${orgId} and status not in ('expired', 'withdrawn')`);
  await run(sql`update bookings b set first_answered_at = e.at from booking_events e
    where e.booking_id = b.id and b.org_id = ${orgId}`);
  await run(sql`insert into booking_ratings (booking_id, side, rater_id, stars)
    select id, 'mentee', mentee_id, 3 + abs(hashtext(id::text)) % 3
    from bookings where org_id = ${orgId} and status = 'completed' and abs(hashtext(id::text)) % 3 = 0`);
  await run(sql`vacuum analyze`);
}

async function timed(fn: () => Promise<unknown>, runs = RUNS) {
  for (let i = 0; i < 2; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  const ms = (n: number) => `${n.toFixed(1).padStart(7)} ms`;
  return `p50 ${ms(percentile(samples, 50))}  p99 ${ms(percentile(samples, 99))}`;
}

type PlanNode = {
  'Node Type': string;
  'Index Name'?: string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
};
const nodesOf = (n: PlanNode): PlanNode[] => [n, ...(n.Plans ?? []).flatMap(nodesOf)];

/** The plan's top node, and how it reads bookings (the big table). */
async function planOf(database: Database, query: SQL) {
  const result = await database.db.execute(sql`explain (format json) ${query}`);
  const raw = (result as unknown as { rows: Record<string, unknown>[] }).rows[0]!['QUERY PLAN'];
  const [{ Plan: plan }] = (typeof raw === 'string' ? JSON.parse(raw) : raw) as [
    { Plan: PlanNode },
  ];
  const scan = nodesOf(plan).find(
    (n) => n['Relation Name'] === 'bookings' || n['Index Name']?.startsWith('bookings_'),
  );
  return `${plan['Node Type']}; bookings by ${scan ? `${scan['Node Type']}${scan['Index Name'] ? ` on ${scan['Index Name']}` : ''}` : '—'}`;
}

/** Each report query as the service runs it, with the SQL it sends (for EXPLAIN). */
function queries(scope: ReportScope, now: number) {
  const capture = (fn: (q: Database['db']) => Promise<unknown>) => fn;
  return {
    'sessions per week': capture((q) => reports.countBookingsByWeek(q, scope)),
    outcomes: capture((q) => reports.countBookingOutcomes(q, scope)),
    'answer times': capture((q) => reports.mentorAnswerTimes(q, scope)),
    ratings: capture((q) => reports.countRatings(q, scope)),
    'first session': capture((q) => reports.daysToFirstSession(q, scope)),
    'booked skills': capture((q) => reports.countBookedSkills(q, scope, 10)),
    'busiest mentors': capture((q) => reports.busiestMentors(q, scope, 10)),
    'quiet matches': capture((q) =>
      reports.quietMatches(q, scope, now - 30 * 86_400_000, now, 100),
    ),
    unanswered: capture((q) => reports.mentorsWithUnansweredRequests(q, scope, 100)),
  };
}

/** The SQL a query function sends, caught on its way to the database. */
async function sqlOf(database: Database, fn: (q: Database['db']) => Promise<unknown>) {
  let caught: SQL | null = null;
  const spy = new Proxy(database.db, {
    get(target, prop, receiver) {
      if (prop === 'execute') {
        return (query: SQL) => {
          caught = query;
          return Promise.resolve({ rows: [] });
        };
      }
      return Reflect.get(target, prop, receiver);
    },
  });
  await fn(spy as Database['db']).catch(() => {});
  return caught;
}

export async function run() {
  console.log('\n# reports at 100,000 members and 2,000,000 bookings (issue #13; target < 200 ms)');
  await withScratchPostgres(async (database) => {
    try {
      await database.migrate();
      const ctx = contextFromConfig(database.db, loadConfig({ LOG_LEVEL: 'silent' }));
      const made = await makeAdmin(ctx, {
        email: 'admin@bench-admin.example',
        name: 'Bench Admin',
        password: 'lantern-orbit-quietly-47',
        orgName: 'Reports Bench',
      });
      const admin = {
        userId: (await getUserByEmail(database.db, 'admin@bench-admin.example'))!.id,
      };
      const program = await createProgram(ctx, admin, made.orgId, {
        name: 'Everyone',
        mode: 'a_la_carte',
        description: '',
      });
      const start = performance.now();
      await seed(database, made.orgId, program.id);
      console.log(`generated in ${((performance.now() - start) / 1000).toFixed(0)} s`);
      const now = Date.now();
      for (const [label, days] of [
        ['twelve weeks (the page opens with)', 0],
        ['two years', 729],
      ] as const) {
        const period = reportPeriod(
          {
            timeZone: 'Europe/London',
            ...(days ? { from: new Date(now - days * 86_400_000).toISOString().slice(0, 10) } : {}),
          },
          now,
        )!;
        const scope = { orgId: made.orgId, ...period };
        console.log(`\n${label}:`);
        for (const [name, fn] of Object.entries(queries(scope, now))) {
          const query = await sqlOf(database, fn);
          const plan = query ? await planOf(database, query) : '';
          const runs = days ? LONG_RUNS : RUNS;
          console.log(`  ${name.padEnd(18)} ${await timed(() => fn(database.db), runs)}  ${plan}`);
        }
        console.log(
          `  ${'whole page'.padEnd(18)} ${await timed(
            () =>
              computeReports(ctx, admin, made.orgId, {
                timeZone: 'Europe/London',
                from: period.from,
                to: period.to,
              }),
            days ? LONG_RUNS : RUNS,
          )}`,
        );
      }
    } finally {
      await database.close();
    }
  });
}
