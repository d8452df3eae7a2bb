import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/config.ts';
import { searchWords } from '../src/core/mentor-search.ts';
import { type Database, openMemoryPglite } from '../src/db/client.ts';
import {
  type MentorSearch,
  mentorSearchSql,
  searchMentorsInOrg,
} from '../src/db/queries/mentor-search.ts';
import { buildApp } from '../src/http/app.ts';
import { contextFromConfig } from '../src/services/context.ts';
import { withScratchPostgres } from './postgres.ts';
import { percentile } from './stats.ts';

/**
 * Mentor directory search at 100,000 members: one organisation whose members
 * are all 100,000 people, 2,000 of them mentors in one à-la-carte program
 * (weekly hours on two days, 3 skills each from 50 words, a short bio); every
 * other member lists 0–2 skills from the same words. For a few searches,
 * median and p95 of the search query alone (SQL, 50 rows) and of the whole
 * `GET /api/orgs/:orgId/mentors?q=…` as a signed-in mentee (slots and
 * reputation of the page's mentors included), one request at a time; and the
 * top of each query's plan.
 */
const MEMBERS = 100_000;
const MENTORS = 2_000;
const RUNS = 40;

const SKILLS = (
  'python,rust,kotlin,react,design,product,sales,marketing,finance,leadership,golang,java,' +
  'typescript,ux,research,data,ml,ai,devops,cloud,security,mobile,ios,android,swift,testing,' +
  'agile,scrum,hiring,negotiation,public speaking,writing,strategy,startups,fundraising,' +
  'accounting,law,healthcare,education,music,photography,illustration,branding,seo,analytics,' +
  'sql,excel,coaching,career change,management'
).split(',');
const FIRST = (
  'Alice,Amara,Ben,Chen,Dana,Emeka,Fatima,Gita,Hugo,Ines,Jun,Kofi,Lena,Mateo,Nia,Omar,Priya,' +
  'Quinn,Rosa,Sami'
).split(',');
const LAST = (
  'Okafor,Smith,Garcia,Nguyen,Kowalski,Haddad,Silva,Tanaka,Müller,Rossi,Petrov,Mensah,Khan,' +
  'Dubois,Larsen,Moreau'
).split(',');

/** The searches timed: a skill, a name prefix, two words, one letter, nothing found, no search. */
const SEARCHES = ['python', 'ali', 'data sci', 'a', 'zzyzx', ''];

const textArray = (words: string[]) =>
  sql.raw(`array[${words.map((w) => `'${w.replace(/'/g, "''")}'`).join(', ')}]`);

async function seed(database: Database, orgId: string, programId: string) {
  const skills = textArray(SKILLS);
  const pick = (salt: string) => sql.raw(`(abs(hashtext(i || '${salt}')) % ${SKILLS.length}) + 1`);
  // Generated in SQL: 100,000 sign-ups through the API would take minutes.
  await database.db.execute(sql`
    insert into users (email, password_hash, name, skills, bio)
    select 'member-' || i || '@bench.test', 'not-a-hash',
      (${textArray(FIRST)})[1 + abs(hashtext(i || 'f')) % ${FIRST.length}] || ' ' ||
        (${textArray(LAST)})[1 + abs(hashtext(i || 'l')) % ${LAST.length}],
      case
        when i <= ${MENTORS} then array[(${skills})[${pick('a')}], (${skills})[${pick('b')}], (${skills})[${pick('c')}]]
        when i % 3 = 0 then array[(${skills})[${pick('a')}], (${skills})[${pick('b')}]]
        when i % 3 = 1 then array[(${skills})[${pick('a')}]]
        else '{}'::text[]
      end,
      case when i <= ${MENTORS} then 'I have mentored people through career changes and data science projects for years.' else '' end
    from generate_series(1, ${MEMBERS}) i`);
  await database.db.execute(sql`
    insert into org_members (org_id, user_id, role)
    select ${orgId}::uuid, id, 'member' from users where email like 'member-%'`);
  await database.db.execute(sql`
    insert into program_members (program_id, user_id, role)
    select ${programId}::uuid, id,
      case when split_part(substr(email, 8), '@', 1)::int <= ${MENTORS} then 'mentor' else 'mentee' end
    from users where email like 'member-%' and split_part(substr(email, 8), '@', 1)::int <= ${MENTORS * 10}`);
  // Two mornings a week (09:00–12:00 UTC), different days for different mentors.
  await database.db.execute(sql`
    insert into weekly_hours (user_id, weekday, start_minute, end_minute)
    select pm.user_id, 1 + (abs(hashtext(pm.user_id::text || d)) % 7), 540, 720
    from program_members pm, (values ('x'), ('y')) as days(d)
    where pm.program_id = ${programId}::uuid and pm.role = 'mentor'`);
  // What autovacuum would have done by the time anyone searches.
  await database.db.execute(sql`vacuum analyze`);
}

async function timed(fn: () => Promise<unknown>) {
  for (let i = 0; i < 5; i++) await fn(); // warm up caches and the JIT
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  return `median ${percentile(samples, 50).toFixed(1).padStart(6)} ms  p95 ${percentile(samples, 95).toFixed(1).padStart(6)} ms`;
}

type PlanNode = {
  'Node Type': string;
  'Index Name'?: string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
};
const nodesOf = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodesOf)];

type Viewer = MentorSearch['viewer'];

async function planTop(database: Database, orgId: string, q: string, viewer: Viewer) {
  const result = await database.db.execute(
    sql`explain (format json) ${mentorSearchSql(orgId, { words: searchWords(q), limit: 50, viewer })}`,
  );
  const raw = (result as unknown as { rows: Record<string, unknown>[] }).rows[0]!['QUERY PLAN'];
  const [{ Plan: plan }] = (typeof raw === 'string' ? JSON.parse(raw) : raw) as [
    { Plan: PlanNode & { 'Total Cost': number } },
  ];
  const nodes = nodesOf(plan);
  const scan =
    nodes.find((n) => n['Index Name'] === 'users_search_idx') ??
    nodes.find((n) => n['Index Name']?.startsWith('users_')) ??
    nodes.find((n) => n['Relation Name'] === 'users');
  const how = scan ? `${scan['Node Type']} on ${scan['Index Name'] ?? scan['Relation Name']}` : '?';
  return `${plan['Node Type']} (cost ${plan['Total Cost']}), users first read by ${how}`;
}

async function measure(label: string, database: Database) {
  await database.migrate();
  const config = loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: '/tmp/confer-bench' });
  const ctx = contextFromConfig(database.db, config);
  const app = await buildApp({ config, database, ctx, logger: false, webRoot: null });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  try {
    const post = async (path: string, body: unknown, cookie?: string, csrf?: string) => {
      const res = await fetch(`${base}${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(cookie ? { cookie, 'x-csrf-token': csrf ?? '' } : {}),
        },
        body: JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`${path} → ${res.status} ${await res.text()}`);
      return { json: (await res.json()) as Record<string, unknown>, headers: res.headers };
    };
    const signUp = async (name: string) => {
      const { json, headers } = await post('/api/auth/sign-up', {
        email: `${name}-${randomBytes(3).toString('hex')}@example.test`,
        password: 'benchmark-password',
        name,
      });
      return {
        userId: (json.user as { id: string }).id,
        cookie: headers.get('set-cookie')?.split(';')[0] ?? '',
        csrf: json.csrfToken as string,
      };
    };
    const admin = await signUp('Admin');
    const orgId = (await post('/api/orgs', { name: 'Bench org' }, admin.cookie, admin.csrf)).json
      .id as string;
    const programId = (
      await post(
        `/api/orgs/${orgId}/programs`,
        { name: 'Open mentoring', mode: 'a_la_carte' },
        admin.cookie,
        admin.csrf,
      )
    ).json.id as string;
    const started = performance.now();
    await seed(database, orgId, programId);
    const viewer = await signUp('Viewer');
    await database.db.execute(sql`
      insert into org_members (org_id, user_id, role) values (${orgId}, ${viewer.userId}, 'member')`);
    await database.db.execute(sql`
      insert into program_members (program_id, user_id, role) values (${programId}, ${viewer.userId}, 'mentee')`);
    console.log(
      `${label}: seeded ${MEMBERS.toLocaleString('en')} members, ${MENTORS.toLocaleString('en')} mentors in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );

    // The directory as this mentee sees it: mentors of the programs they are in.
    const seen = { userId: viewer.userId, isOrgAdmin: false };
    for (const q of SEARCHES) {
      const words = searchWords(q);
      const search = { words, limit: 50, viewer: seen };
      const hits = (await searchMentorsInOrg(database.db, orgId, search)).length;
      const query = await timed(() => searchMentorsInOrg(database.db, orgId, search));
      const url = `${base}/api/orgs/${orgId}/mentors${q ? `?q=${encodeURIComponent(q)}` : ''}`;
      const http = await timed(async () => {
        const res = await fetch(url, { headers: { cookie: viewer.cookie } });
        if (!res.ok) throw new Error(`GET mentors → ${res.status} ${await res.text()}`);
        await res.arrayBuffer();
      });
      console.log(`  q=${JSON.stringify(q).padEnd(11)} ${String(hits).padStart(2)} rows`);
      console.log(`    SQL   ${query}`);
      console.log(`    HTTP  ${http}`);
      console.log(`    plan  ${await planTop(database, orgId, q, seen)}`);
    }
    // People → Everyone: a page of members by name, or searched.
    for (const query of ['?limit=60', '?q=python&limit=60']) {
      const http = await timed(async () => {
        const res = await fetch(`${base}/api/orgs/${orgId}/members${query}`, {
          headers: { cookie: viewer.cookie },
        });
        if (!res.ok) throw new Error(`GET members → ${res.status} ${await res.text()}`);
        await res.arrayBuffer();
      });
      console.log(`  members${query.padEnd(19)} HTTP  ${http}`);
    }
  } finally {
    await app.close();
    await database.close();
  }
}

export async function run() {
  console.log(
    `\n# search: mentor directory, ${MEMBERS.toLocaleString('en')} members, ${RUNS} runs each`,
  );
  await measure('pglite', await openMemoryPglite());
  await withScratchPostgres((database) => measure('postgres', database));
}
