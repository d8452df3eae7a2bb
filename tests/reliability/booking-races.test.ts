import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  freshPostgresDatabase,
  onPostgres,
  type ServerProcess,
  startServerProcess,
} from '../support/server-process.ts';

/*
 * Two Confer processes on one PostgreSQL database, as behind a load balancer:
 * bookings race across them and every race settles the same way.
 */

const DEMO_PASSWORD = 'confer-demo-2026';
const DAY_MS = 86_400_000;

type Person = { id: string; cookie: string; csrf: string };
type Answer = { status: number; body: string; json: () => ReturnType<typeof JSON.parse> };

describe.skipIf(!onPostgres)('bookings racing across two server processes', () => {
  let database: Awaited<ReturnType<typeof freshPostgresDatabase>>;
  let a: ServerProcess;
  let b: ServerProcess;
  let orgId = '';
  const people: Record<string, Person> = {};
  /** Alternates between the two processes. */
  const server = (i: number) => (i % 2 === 0 ? a : b);

  async function call(on: ServerProcess, who: Person, method: string, path: string, body?: object) {
    const res = await fetch(`${on.url}${path}`, {
      method,
      headers: {
        cookie: who.cookie,
        'x-csrf-token': who.csrf,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    return { status: res.status, body: text, json: () => JSON.parse(text) } satisfies Answer;
  }

  async function signIn(name: string) {
    const res = await fetch(`${a.url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: `${name}@demo.confer.test`, password: DEMO_PASSWORD }),
    });
    expect(res.status).toBe(200);
    const json = await res.json();
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    people[name] = { id: json.user.id, cookie, csrf: json.csrfToken };
    orgId = json.user.organisations[0].id;
  }

  /** Maya's weekly slots from three weeks out, free for these tests (the seed's are sooner). */
  async function mayaSlots(count: number): Promise<string[]> {
    const from = new Date(Date.now() + 21 * DAY_MS).toISOString();
    const to = new Date(Date.now() + 77 * DAY_MS).toISOString();
    const res = await call(
      a,
      people.aiko!,
      'GET',
      `/api/orgs/${orgId}/mentors/${people.maya!.id}/slots?from=${from}&to=${to}`,
    );
    const starts = res
      .json()
      .slots.filter((s: { kind: string; lengthMinutes: number }) => s.kind === 'weekly')
      .map((s: { start: string; lengthMinutes: number }) => `${s.start}|${s.lengthMinutes}`);
    // One a day: slots of one day overlap for the same mentee and mentor otherwise.
    const byDay = new Map<string, string>();
    for (const s of starts) if (!byDay.has(s.slice(0, 10))) byDay.set(s.slice(0, 10), s);
    const picked = [...byDay.values()].slice(0, count);
    expect(picked).toHaveLength(count);
    return picked;
  }

  const book = (i: number, who: string, slot: string, headers: Record<string, string> = {}) => {
    const [startsAt, length] = slot.split('|');
    return fetch(`${server(i).url}/api/orgs/${orgId}/bookings`, {
      method: 'POST',
      headers: {
        cookie: people[who]!.cookie,
        'x-csrf-token': people[who]!.csrf,
        'content-type': 'application/json',
        ...headers,
      },
      body: JSON.stringify({
        mentorId: people.maya!.id,
        startsAt,
        lengthMinutes: Number(length),
        message: 'Racing',
      }),
    }).then(async (res) => {
      const text = await res.text();
      return { status: res.status, body: text, json: () => JSON.parse(text) } satisfies Answer;
    });
  };

  const history = async (id: string) =>
    (await call(a, people.maya!, 'GET', `/api/orgs/${orgId}/bookings/${id}`)).json();

  let slots: string[] = [];

  beforeAll(async () => {
    database = await freshPostgresDatabase();
    const env = { DATABASE_URL: database.url, TEST_CLOCK: 'true' };
    a = await startServerProcess(env); // the first seeds the demo organisation
    b = await startServerProcess(env);
    for (const name of ['maya', 'sam', 'aiko', 'zanele', 'noah']) await signIn(name);
    slots = await mayaSlots(8);
  });

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await database?.drop();
  });

  it('lets exactly one of many requests for one slot, over both processes, have it', async () => {
    const mentees = ['sam', 'aiko', 'zanele', 'noah'];
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => book(i, mentees[i % 4]!, slots[0]!)),
    );
    expect(answers.filter((r) => r.status === 201)).toHaveLength(1);
    const refused = answers.filter((r) => r.status !== 201);
    expect(refused.map((r) => [r.status, r.json().error.reason])).toEqual(
      Array(11).fill([409, 'slot_taken']),
    );
  });

  it('answers 20 requests with one Idempotency-Key, split over both processes, exactly as the first', async () => {
    const key = { 'idempotency-key': `races-${Date.now()}` };
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => book(i, 'aiko', slots[1]!, key)),
    );
    expect(answers.map((r) => r.status)).toEqual(Array(20).fill(201));
    expect(new Set(answers.map((r) => r.body)).size).toBe(1);
    const mine = (await call(b, people.aiko!, 'GET', '/api/me/bookings')).json().bookings;
    const [startsAt] = slots[1]!.split('|');
    expect(mine.filter((x: { startsAt: string }) => x.startsAt === startsAt)).toHaveLength(1);
  });

  it.each([
    ['withdraw', 'noah', {}],
    ['reject', 'maya', { reason: 'Away that week' }],
  ] as const)(
    'settles approval racing %s on the other process with one outcome',
    async (other, by, body) => {
      const slot = slots[other === 'withdraw' ? 2 : 3]!;
      const booking = (await book(0, 'noah', slot)).json();
      const [approval, rival] = await Promise.all([
        call(a, people.maya!, 'POST', `/api/orgs/${orgId}/bookings/${booking.id}/approve`, {}),
        call(b, people[by]!, 'POST', `/api/orgs/${orgId}/bookings/${booking.id}/${other}`, body),
      ]);
      expect([approval.status, rival.status].sort()).toEqual([200, 409]);
      const final = await history(booking.id);
      const winner = approval.status === 200 ? 'approve' : other;
      expect(final.status).toBe(approval.status === 200 ? 'approved' : rival.json().status);
      expect(final.history.map((h: { action: string }) => h.action)).toEqual(['request', winner]);
    },
  );

  it('never approves a booking past its expiry time, whether or not the expiry job ran first', async () => {
    const booking = (await book(1, 'zanele', slots[4]!)).json();
    const untilExpiry = new Date(booking.expiresAt).getTime() - Date.now() + 1000;
    // Both processes' clocks move past the expiry; their job workers race the approval.
    for (const s of [a, b]) {
      await fetch(`${s.url}/api/test/clock`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ advanceMs: untilExpiry }),
      });
    }
    const approval = await call(
      a,
      people.maya!,
      'POST',
      `/api/orgs/${orgId}/bookings/${booking.id}/approve`,
      {},
    );
    expect(approval.status).toBe(409);
    expect(approval.json().error.message).toBe('Cannot approve a booking that is expired');
    const final = await history(booking.id);
    expect(final.status).toBe('expired');
    expect(final.history.map((h: { action: string }) => h.action)).toEqual(['request', 'expire']);
  });

  describe('moving an approved session', () => {
    const approvedBooking = async (slot: string) => {
      const booking = (await book(0, 'noah', slot)).json();
      const approved = await call(
        a,
        people.maya!,
        'POST',
        `/api/orgs/${orgId}/bookings/${booking.id}/approve`,
        {},
      );
      expect(approved.status).toBe(200);
      return booking.id as string;
    };
    const move = (on: ServerProcess, id: string, verb: string, who: Person, body: object = {}) =>
      call(on, who, 'POST', `/api/orgs/${orgId}/bookings/${id}/${verb}`, body);

    it('a move and a booking racing for the same time: exactly one gets it', async () => {
      const id = await approvedBooking(slots[5]!);
      const [startsAt] = slots[6]!.split('|');
      const [moved, booked] = await Promise.all([
        move(a, id, 'move', people.maya!, { startsAt, reason: 'A clash at work' }),
        book(1, 'aiko', slots[6]!),
      ]);
      // One of the two got the time (200 for the move, 201 for the booking), the other 409.
      expect([moved.status, booked.status].filter((code) => code < 300)).toHaveLength(1);
      expect([moved.status, booked.status]).toContain(409);
      const loser = moved.status === 200 ? booked : moved;
      expect(loser.json().error.reason).toBe('slot_taken');
      // Whoever lost, the session itself is where it was, and held.
      expect((await history(id)).startsAt).toBe(slots[5]!.split('|')[0]);
    });

    it.each([
      ['cancel', 'maya', { reason: 'Ill' }],
      ['move/withdraw', 'maya', {}],
    ] as const)(
      'accepting a move racing %s settles one way, the session never lost',
      async (rival, by, body) => {
        const slot = slots[rival === 'cancel' ? 7 : 4]!;
        const id = await approvedBooking(slot);
        const current = (await history(id)).startsAt as string;
        const target = new Date(Date.parse(current) + 3 * 3_600_000).toISOString();
        const proposed = await move(a, id, 'move', people.maya!, {
          startsAt: target,
          reason: 'Later?',
        });
        expect(proposed.status, proposed.body).toBe(200);
        const [accepted, other] = await Promise.all([
          move(a, id, 'move/accept', people.noah!),
          move(b, id, rival, people[by]!, body),
        ]);
        const final = await history(id);
        expect(final.move).toBeNull();
        const actions = final.history.map((h: { action: string }) => h.action);
        if (rival === 'cancel') {
          // A cancellation after the move cancels the moved session; before it, the move is refused.
          expect(other.status).toBe(200);
          expect(final.status).toBe('cancelled');
          if (accepted.status === 200) {
            expect(final.startsAt).toBe(target);
            expect(actions.slice(-3)).toEqual(['propose_move', 'accept_move', 'cancel']);
          } else {
            expect(accepted.status).toBe(409);
            expect(final.startsAt).toBe(current);
            expect(actions.slice(-2)).toEqual(['propose_move', 'cancel']);
          }
          return;
        }
        expect([accepted.status, other.status].sort()).toEqual([200, 409]);
        if (accepted.status === 200) {
          expect(final).toMatchObject({ status: 'approved', startsAt: target });
          expect(actions.slice(-2)).toEqual(['propose_move', 'accept_move']);
        } else {
          expect(final).toMatchObject({ status: 'approved', startsAt: current });
          expect(actions.slice(-2)).toEqual(['propose_move', 'withdraw_move']);
        }
      },
    );
  });
});
