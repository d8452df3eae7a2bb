import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { addMember, as, createOrgWithAdmin, type Session, signIn } from '../factories.ts';
import { IdPool } from '../support/fuzz-values.ts';
import {
  type FuzzRequest,
  type Operation,
  operationsOf,
  requestFor,
} from '../support/openapi-fuzz.ts';
import { countAllRows } from '../support/table-counts.ts';
import { createTestApp } from '../support/test-app.ts';

// Every operation of the served OpenAPI document, fuzzed as each role: no 5xx,
// every 4xx in the one error shape, and a refused write changes no table.
// FUZZ_RUNS raises the number of requests per operation and role; FUZZ_SEED
// replays another sequence (a failure prints the seed and path to replay it).
const RUNS = Number(process.env.FUZZ_RUNS ?? 8);
const SEED = Number(process.env.FUZZ_SEED ?? 20261202);

// A stream that never ends under app.inject; the messages tests cover it.
const NOT_FUZZED = new Set(['GET /api/me/events']);

// Bookkeeping that refused requests must write: rate-limit counters count
// attempts (a failed sign-in above all), and an Idempotency-Key remembers its
// refusal so a retry gets the same answer.
const RECORDS_REFUSALS = ['rate_limits', 'idempotency_keys'];

const { app, database, clock } = await createTestApp();
clock.set(new Date('2027-03-01T00:00:00Z'));

const errorShape = z.strictObject({
  error: z.strictObject({
    code: z.string().regex(/^[a-z_]+$/),
    message: z.string().min(1),
    fields: z.record(z.string(), z.string()).optional(),
    reason: z.string().optional(),
  }),
});

type Role = 'anonymous' | 'mentee' | 'mentor' | 'admin';
const sessions: Record<Exclude<Role, 'anonymous'>, Session> = {} as never;
const ids = new IdPool();
const statuses = new Map<number, number>();

/** A small world so generated ids reach real rows: org, program, people, hours, a booking, a thread. */
async function buildWorld() {
  const { admin, orgId } = await createOrgWithAdmin(app, 'Fuzz Org');
  const program = await as(app, admin).post(`/api/orgs/${orgId}/programs`, {
    name: 'Open',
    mode: 'a_la_carte',
  });
  const programId = program.json().id;
  const mentor = await addMember(app, admin, orgId, { programId, programRole: 'mentor' });
  const mentee = await addMember(app, admin, orgId, { programId, programRole: 'mentee' });
  await as(app, mentor).put('/api/me/availability', {
    timeZone: 'UTC',
    slotLengths: [60],
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    minimumNoticeMinutes: 60,
    horizonDays: 180,
    weekly: [{ weekday: 2, start: '09:00', end: '12:00' }],
  });
  const seeded = [
    await as(app, admin).post(`/api/orgs/${orgId}/groups`, { name: 'Cohort' }),
    await as(app, mentee).post(`/api/orgs/${orgId}/bookings`, {
      mentorId: mentor.userId,
      startsAt: '2027-03-02T09:00:00Z',
      lengthMinutes: 60,
    }),
    await as(app, mentee).post(`/api/orgs/${orgId}/threads`, {
      toUserId: mentor.userId,
      body: 'hello',
    }),
  ];
  for (const res of [program, ...seeded]) {
    expect(res.statusCode, res.body).toBeLessThan(300);
    ids.add(res.body);
  }
  for (const s of [admin, mentor, mentee]) ids.add(s.userId);
  ids.add(orgId);
  Object.assign(sessions, { admin, mentor, mentee });
}

/** Fuzzed sign-outs and session revocations end a role's session: sign in again. */
async function ensureSignedIn(role: Role) {
  if (role === 'anonymous') return;
  const current = sessions[role];
  const res = await as(app, current).get('/api/auth/session');
  if (res.statusCode === 200) return;
  sessions[role] = await signIn(app, current.email);
}

function send(request: FuzzRequest, role: Role) {
  const session = role === 'anonymous' ? null : sessions[role];
  return app.inject({
    method: request.method as 'GET',
    url: request.url,
    headers: {
      ...request.headers,
      ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : {}),
    },
    ...(request.payload === undefined ? {} : { payload: request.payload }),
  });
}

async function stateCounts() {
  const counts = await countAllRows(database);
  for (const table of RECORDS_REFUSALS) delete counts[table];
  return counts;
}

async function check(request: FuzzRequest, role: Role) {
  const isWrite = request.method !== 'GET';
  const before = isWrite ? await stateCounts() : null;
  const res = await send(request, role);
  statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
  const what = `${role}: ${request.label}\n→ ${res.statusCode} ${res.body.slice(0, 500)}`;
  expect(res.statusCode, what).toBeLessThan(500);
  if (res.statusCode < 400) {
    if (res.headers['content-type']?.toString().startsWith('application/json')) ids.add(res.body);
    return;
  }
  expect(res.headers['content-type'], what).toMatch(/^application\/json/);
  const parsed = errorShape.safeParse(res.json());
  expect(parsed.success, `${what}\n${parsed.error?.message}`).toBe(true);
  if (before) expect(await stateCounts(), `a refused write changed rows: ${what}`).toEqual(before);
}

const document = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
const operations: Operation[] = operationsOf(document).filter(
  (op) => !NOT_FUZZED.has(`${op.method} ${op.path}`),
);

beforeAll(buildWorld);
afterAll(() => {
  const summary = [...statuses.entries()].sort(([a], [b]) => a - b);
  console.info(
    `fuzz: ${operations.length} operations × 4 roles × ${RUNS} runs, seed ${SEED}`,
    summary,
  );
});

describe('fuzzing every operation of the OpenAPI document', () => {
  it('finds the operations in the served document', () => {
    expect(operations.length).toBeGreaterThan(50);
  });

  const roles: Role[] = ['anonymous', 'mentee', 'mentor', 'admin'];
  operations.forEach((op, index) => {
    it(`${op.method} ${op.path}`, async () => {
      for (const [r, role] of roles.entries()) {
        await ensureSignedIn(role);
        await fc.assert(
          fc.asyncProperty(requestFor(op, ids), (request) => check(request, role)),
          { numRuns: RUNS, seed: SEED + index * 4 + r, endOnFailure: true },
        );
      }
    });
  });
});
