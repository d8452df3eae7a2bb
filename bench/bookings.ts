import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import autocannon from 'autocannon';
import { count } from 'drizzle-orm';
import pg from 'pg';
import { loadConfig } from '../src/config.ts';
import { type Database, openMemoryPglite } from '../src/db/client.ts';
import { bookings } from '../src/db/schema.ts';
import { buildApp } from '../src/http/app.ts';
import { contextFromConfig } from '../src/services/context.ts';
import { benchAdminUrl, withScratchPostgres } from './postgres.ts';
import { percentile } from './stats.ts';

/**
 * Write throughput of the booking flow: one unit of work is a mentee's
 * `POST /bookings` followed by the mentor's `POST /bookings/:id/approve` on the
 * booking just created, driven by autocannon (a two-step `requests` chain per
 * connection: the create's response hands its id to the approve) with 32
 * connections on loopback, on PGlite and on PostgreSQL; 10 s counted once
 * every connection has been served and at least 3 s have passed. Latencies
 * are the client's: a pair runs from the create being sent to the approve's
 * answer. Client and server share one Node process (as in http-session), so
 * the client's own CPU is in the figures. The reference is PostgreSQL's own
 * `pgbench -c 32` (TPC-B-like) on the same server, run here too; target:
 * bookings at least 30% of pgbench's TPS.
 *
 * 20 mentors and 20 mentees, all hours open: booking i takes slot ⌊i/20⌋
 * (30 minutes each, from tomorrow 00:00 UTC) with mentor i mod 20 and mentee
 * (i + slot) mod 20, so no two bookings overlap for a mentor or a mentee, and a
 * pair comes round only every 400 bookings (never near the pending limit).
 */
const CONNECTIONS = 32;
const DURATION_S = 10;
const WARMUP_S = 3;
/** autocannon's own limit; the run is stopped after the counted window. */
const MAX_RUN_S = 120;
const PEOPLE = 20;
const SLOT_MS = 30 * 60_000;
const DAY_MS = 86_400_000;
const PGBENCH = process.env.PGBENCH ?? '/usr/lib/postgresql/15/bin/pgbench';

type Person = { userId: string; cookie: string; csrf: string };
type Figures = { pairsPerSecond: number; ceiling: number };
type PairContext = { started: number; bookingId?: string; mentor: Person };

const ms = (n: number) => `${n.toFixed(1)} ms`;

async function call(base: string, method: string, path: string, body?: unknown, as?: Person) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(as ? { cookie: as.cookie, 'x-csrf-token': as.csrf } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${text}`);
  return { json: JSON.parse(text) as Record<string, unknown>, headers: response.headers };
}

const emailOf = (label: string) => `${label}-${randomBytes(3).toString('hex')}@example.test`;

async function signUp(
  base: string,
  label: string,
  email: string,
  invitationToken?: string,
): Promise<Person> {
  const { json, headers } = await call(base, 'POST', '/api/auth/sign-up', {
    email,
    password: 'benchmark-password',
    name: label,
    ...(invitationToken ? { invitationToken } : {}),
  });
  return {
    userId: (json.user as { id: string }).id,
    cookie: headers.get('set-cookie')?.split(';')[0] ?? '',
    csrf: json.csrfToken as string,
  };
}

/** An organisation with an à-la-carte program, its mentors (open all week) and mentees. */
async function populate(base: string) {
  const admin = await signUp(base, 'admin', emailOf('admin'));
  const org = await call(base, 'POST', '/api/orgs', { name: 'Bench org' }, admin);
  const orgId = org.json.id as string;
  const program = await call(
    base,
    'POST',
    `/api/orgs/${orgId}/programs`,
    { name: 'Bench program', mode: 'a_la_carte' },
    admin,
  );
  const join = async (programRole: 'mentor' | 'mentee', i: number) => {
    const email = emailOf(`${programRole}-${i}`);
    const invitation = await call(
      base,
      'POST',
      `/api/orgs/${orgId}/invitations`,
      {
        email,
        role: 'member',
        programId: program.json.id,
        programRole,
      },
      admin,
    );
    const token = new URL(invitation.json.url as string).pathname.split('/').pop();
    return signUp(base, `${programRole}-${i}`, email, token);
  };
  const indexes = Array.from({ length: PEOPLE }, (_, i) => i);
  const mentors = await Promise.all(indexes.map((i) => join('mentor', i)));
  const mentees = await Promise.all(indexes.map((i) => join('mentee', i)));
  const weekly = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
    weekday,
    start: '00:00',
    end: '24:00',
  }));
  await Promise.all(
    mentors.map((mentor) =>
      call(
        base,
        'PUT',
        '/api/me/availability',
        {
          timeZone: 'UTC',
          slotLengths: [30],
          bufferBeforeMinutes: 0,
          bufferAfterMinutes: 0,
          minimumNoticeMinutes: 0,
          horizonDays: 365,
          weekly,
        },
        mentor,
      ),
    ),
  );
  return { orgId, mentors, mentees };
}

async function measure(label: string, database: Database): Promise<Figures> {
  await database.migrate();
  // Unhandled errors (500s) are logged by the error handler; keep them to report.
  const serverErrors: string[] = [];
  const config = loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: '/tmp/confer-bench' });
  const ctx = contextFromConfig(database.db, config);
  const app = await buildApp({
    config,
    database,
    ctx,
    logger: { level: 'error', stream: { write: (line: string) => serverErrors.push(line) } },
    webRoot: null,
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const base = `http://127.0.0.1:${port}`;

  try {
    const { orgId, mentors, mentees } = await populate(base);
    const firstSlot = Math.ceil(Date.now() / DAY_MS) * DAY_MS + DAY_MS;
    let next = 0;
    let recording = false;
    const pairs: number[] = [];
    const creates: number[] = [];
    const approves: number[] = [];
    const failures = new Map<string, number>();
    // Failures are kept over the whole run, warm-up included: any is a finding.
    const fail = (step: string, status: number, body: string) => {
      const key = `${step} ${status} ${body.slice(0, 400)}`;
      failures.set(key, (failures.get(key) ?? 0) + 1);
    };
    const headersOf = (person: Person) => ({
      'content-type': 'application/json',
      cookie: person.cookie,
      'x-csrf-token': person.csrf,
    });

    const requests: autocannon.Request[] = [
      {
        method: 'POST',
        path: `/api/orgs/${orgId}/bookings`,
        setupRequest: (request, context) => {
          const c = context as PairContext;
          const i = next++;
          const slot = Math.floor(i / PEOPLE);
          const mentor = mentors[i % PEOPLE]!;
          const mentee = mentees[(i + slot) % PEOPLE]!;
          c.mentor = mentor;
          c.started = performance.now();
          return {
            ...request,
            headers: headersOf(mentee),
            body: JSON.stringify({
              mentorId: mentor.userId,
              startsAt: new Date(firstSlot + slot * SLOT_MS).toISOString(),
              lengthMinutes: 30,
              message: 'Benchmark booking',
            }),
          };
        },
        onResponse: (status, body, context) => {
          const c = context as PairContext;
          if (recording) creates.push(performance.now() - c.started);
          if (status === 201) c.bookingId = (JSON.parse(body) as { id: string }).id;
          else fail('create', status, body);
        },
      },
      {
        method: 'POST',
        setupRequest: (request, context) => {
          const c = context as PairContext & { approveStarted?: number };
          // No booking to approve: a falsy request makes autocannon start the chain again.
          if (!c.bookingId) return null as unknown as autocannon.Request;
          c.approveStarted = performance.now();
          return {
            ...request,
            path: `/api/orgs/${orgId}/bookings/${c.bookingId}/approve`,
            headers: headersOf(c.mentor),
            body: '{}',
          };
        },
        onResponse: (status, body, context) => {
          const c = context as PairContext & { approveStarted: number };
          if (status !== 200) fail('approve', status, body);
          if (!recording) return;
          const now = performance.now();
          approves.push(now - c.approveStarted);
          if (status === 200) pairs.push(now - c.started);
        },
      },
    ];

    // One run: the counted window opens once every connection has been served
    // (under load PGlite's long event-loop turns admit new connections slowly)
    // and the warm-up has passed, and closes DURATION_S later.
    const sockets = new WeakSet<object>();
    let served = 0;
    const onRequest = (raw: IncomingMessage) => {
      if (sockets.has(raw.socket)) return;
      sockets.add(raw.socket);
      served++;
    };
    app.server.on('request', onRequest);
    const began = performance.now();
    let instance: autocannon.Instance | undefined;
    const finished = new Promise<autocannon.Result>((resolve, reject) => {
      instance = autocannon(
        { url: base, connections: CONNECTIONS, duration: MAX_RUN_S, requests },
        (err, result) => (err ? reject(err) : resolve(result)),
      );
    });
    while (
      (served < CONNECTIONS || performance.now() - began < WARMUP_S * 1000) &&
      performance.now() - began < (MAX_RUN_S - DURATION_S - 1) * 1000
    ) {
      await sleep(20);
    }
    const allServedAfter = (performance.now() - began) / 1000;
    const servedBefore = served;
    recording = true;
    const windowStart = performance.now();
    await sleep(DURATION_S * 1000);
    recording = false;
    const seconds = (performance.now() - windowStart) / 1000;
    instance?.stop();
    const result = await finished;
    app.server.off('request', onRequest);
    await sleep(300); // let requests still in the server finish before counting rows

    const byStatus = await database.db
      .select({ status: bookings.status, n: count() })
      .from(bookings)
      .groupBy(bookings.status);
    const pairsPerSecond = pairs.length / seconds;
    const failed = [...failures.values()].reduce((a, b) => a + b, 0);
    console.log(
      `${label.padEnd(10)} ${Math.round(pairsPerSecond)} pairs/s  pair p50 ${ms(percentile(pairs, 50))} p99 ${ms(percentile(pairs, 99))}  ` +
        `create p50 ${ms(percentile(creates, 50))} p99 ${ms(percentile(creates, 99))}  ` +
        `approve p50 ${ms(percentile(approves, 50))} p99 ${ms(percentile(approves, 99))}  ` +
        `failed ${failed}  socket errors ${result.errors + result.timeouts} (whole run)`,
    );
    console.log(
      `${''.padEnd(10)} (${pairs.length} pairs in ${seconds.toFixed(2)} s from ${allServedAfter.toFixed(1)} s, when all ${servedBefore < CONNECTIONS ? `but ${CONNECTIONS - servedBefore} ` : ''}connections had been served; database now holds ${byStatus.map((s) => `${s.n} ${s.status}`).join(', ')}, warm-up and in-flight included)`,
    );
    for (const [key, n] of failures) console.log(`${''.padEnd(10)} ${n}× ${key}`);
    for (const line of serverErrors.slice(0, 3)) {
      const entry = JSON.parse(line) as {
        msg?: string;
        err?: { message?: string; stack?: string };
      };
      console.log(
        `${''.padEnd(10)} server: ${entry.msg} ${entry.err?.stack?.split('\n').slice(0, 4).join(' | ') ?? entry.err?.message ?? ''}`,
      );
    }
    if (serverErrors.length > 3)
      console.log(`${''.padEnd(10)} … ${serverErrors.length - 3} more server errors`);

    // The ceiling of this stack on this machine: the same server answering its
    // lightest signed-in read (session lookup, user, organisations: three
    // statements), two per pair.
    const floor = await autocannon({
      url: `${base}/api/auth/session`,
      connections: CONNECTIONS,
      duration: 5,
      headers: { cookie: mentees[0]!.cookie },
    });
    const ceiling = floor.requests.average / 2;
    console.log(
      `${''.padEnd(10)} ceiling: GET /api/auth/session at ${Math.round(floor.requests.average)} req/s = ${Math.round(ceiling)} pairs/s of two signed-in reads of three statements each; bookings reach ${((pairsPerSecond / ceiling) * 100).toFixed(0)}% of it`,
    );
    return { pairsPerSecond, ceiling };
  } finally {
    await app.close();
    await database.close();
  }
}

const run$ = promisify(execFile);

/** pgbench's TPC-B-like load on a fresh database of the same server; its TPS, or null. */
async function pgbench(adminUrl: string, admin: pg.Client): Promise<number | null> {
  if (!existsSync(PGBENCH)) {
    console.log(`pgbench    skipped (not found at ${PGBENCH})`);
    return null;
  }
  const url = new URL(adminUrl);
  const name = `confer_pgbench_${randomBytes(4).toString('hex')}`;
  const connection = [
    '-h',
    url.hostname,
    '-p',
    url.port || '5432',
    '-U',
    decodeURIComponent(url.username) || 'postgres',
  ];
  const env = { ...process.env, ...(url.password ? { PGPASSWORD: url.password } : {}) };
  await admin.query(`create database ${name}`);
  try {
    await run$(PGBENCH, [...connection, '-i', '-s', '10', '-q', name], { env });
    const { stdout } = await run$(
      PGBENCH,
      [...connection, '-c', String(CONNECTIONS), '-j', '2', '-T', String(DURATION_S), name],
      { env },
    );
    const tps = /tps = ([\d.]+)/.exec(stdout)?.[1];
    if (!tps) throw new Error(`no "tps =" in pgbench output:\n${stdout}`);
    console.log(
      `pgbench    ${Math.round(Number(tps))} tps  (-s 10 -c ${CONNECTIONS} -j 2 -T ${DURATION_S}, TPC-B-like)`,
    );
    return Number(tps);
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
  }
}

export async function run() {
  console.log(
    `\n# bookings: create + approve pairs over HTTP, autocannon (create → approve chain), ${CONNECTIONS} connections, ${DURATION_S} s counted once all are served and ≥ ${WARMUP_S} s warm-up passed`,
  );
  // BENCH_DATABASES=postgres (or pglite) measures one database only.
  const only = process.env.BENCH_DATABASES;
  const pglite = only === 'postgres' ? null : await measure('pglite', await openMemoryPglite());
  if (only === 'pglite') return;
  const postgres = await withScratchPostgres((database) => measure('postgres', database));
  if (!postgres) return;
  const admin = new pg.Client({ connectionString: benchAdminUrl });
  await admin.connect();
  try {
    const tps = await pgbench(benchAdminUrl, admin);
    if (tps) {
      console.log(
        `ratio      postgres bookings / pgbench = ${(postgres.pairsPerSecond / tps).toFixed(2)} (target ≥ 0.30; the ceiling above is ${(postgres.ceiling / tps).toFixed(2)}); pglite / pgbench = ${pglite ? (pglite.pairsPerSecond / tps).toFixed(2) : 'not measured'}`,
      );
    }
  } finally {
    await admin.end();
  }
}
