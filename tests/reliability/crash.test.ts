import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { type SignedIn, signInDemo } from '../support/demo-client.ts';
import {
  freshDataDir,
  freshPostgresDatabase,
  onPostgres,
  type ServerProcess,
  startServerProcess,
} from '../support/server-process.ts';

const MENTEES = ['sam', 'aiko', 'zanele', 'noah', 'priya'].map((n) => `${n}@demo.confer.test`);
const MENTORS = ['maya', 'diego'].map((n) => `${n}@demo.confer.test`);

type Slot = { start: string; lengthMinutes: number };
type Booking = { id: string; message: string; mentor: { userId: string } };
type Acknowledged = { id: string; message: string; mentorId: string; mentee: string };

/** Where the crashed server's data lives: restarting must find it there. */
async function freshStorage(): Promise<{ env: Record<string, string>; remove(): Promise<void> }> {
  if (onPostgres) {
    const database = await freshPostgresDatabase();
    return { env: { DATABASE_URL: database.url }, remove: database.drop };
  }
  const data = freshDataDir();
  return { env: { DATA_DIR: data.dir }, remove: async () => data.remove() };
}

async function slotsOf(mentee: SignedIn, mentorId: string): Promise<Slot[]> {
  const res = await mentee.call<{ slots: Slot[] }>(
    'GET',
    `/api/orgs/${mentee.orgIds[0]}/mentors/${mentorId}/slots`,
  );
  return res.status === 200 ? res.body.slots : [];
}

/**
 * Each mentee keeps several booking requests in flight, each with a message
 * of its own, until the server stops answering; returns what was acknowledged.
 */
async function bookingLoad(mentees: SignedIn[], mentorIds: string[], onAck: () => void) {
  const acknowledged: Acknowledged[] = [];
  let serverGone = false;
  const worker = async (mentee: SignedIn, slots: { mentorId: string; slot: Slot }[]) => {
    for (let i = 0; !serverGone; i++) {
      const pick = slots[i % slots.length];
      if (!pick) return;
      const message = `crash-load ${randomUUID()}`;
      try {
        const res = await mentee.call<Booking>('POST', `/api/orgs/${mentee.orgIds[0]}/bookings`, {
          mentorId: pick.mentorId,
          startsAt: pick.slot.start,
          lengthMinutes: pick.slot.lengthMinutes,
          message,
        });
        if (res.status === 201) {
          acknowledged.push({
            id: res.body.id,
            message,
            mentorId: pick.mentorId,
            mentee: mentee.userId,
          });
          onAck();
        }
      } catch {
        serverGone = true; // connection refused or reset: the crash
      }
    }
  };
  const plans = await Promise.all(
    mentees.map(async (mentee) => {
      const all = await Promise.all(
        mentorIds.map(async (mentorId) =>
          (await slotsOf(mentee, mentorId)).map((slot) => ({ mentorId, slot })),
        ),
      );
      return { mentee, slots: all.flat().sort(() => Math.random() - 0.5) };
    }),
  );
  await Promise.all(
    plans.flatMap(({ mentee, slots }) => [1, 2, 3].map(() => worker(mentee, slots))),
  );
  return acknowledged;
}

async function eventually(check: () => Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 500));
  }
  return true;
}

describe(`kill -9 during a booking load (${onPostgres ? 'PostgreSQL' : 'embedded'})`, () => {
  let storage: Awaited<ReturnType<typeof freshStorage>> | undefined;
  let server: ServerProcess | undefined;
  afterEach(async () => {
    await server?.stop();
    await storage?.remove();
  });

  it('keeps every acknowledged booking once, restarts at once and delivers the outbox', async () => {
    storage = await freshStorage();
    // No delivery before the crash: every notification must come from the outbox after it.
    const first = await startServerProcess({ ...storage.env, JOBS_POLL_SECONDS: '0' });
    server = first;
    const mentees = await Promise.all(MENTEES.map((e) => signInDemo(first.url, e)));
    const mentors = await Promise.all(MENTORS.map((e) => signInDemo(first.url, e)));
    let acks = 0;
    let crashed: Promise<void> | undefined;
    const acknowledged = await bookingLoad(
      mentees,
      mentors.map((m) => m.userId),
      () => {
        // Mid-load: requests are still in flight when the process dies.
        if (++acks === 6) crashed = first.crash();
      },
    );
    await crashed;
    expect(acknowledged.length).toBeGreaterThanOrEqual(6);

    // Straight away, on the same data: no "in use by another Confer process".
    server = await startServerProcess({ ...storage.env, JOBS_POLL_SECONDS: '1' }, 30_000);
    const url = server.url;
    for (const mentee of mentees) {
      const again = await signInDemo(url, MENTEES[mentees.indexOf(mentee)] ?? '');
      const { body } = await again.call<{ bookings: Booking[] }>('GET', '/api/me/bookings');
      const mine = acknowledged.filter((a) => a.mentee === mentee.userId);
      for (const ack of mine) {
        expect(body.bookings.filter((b) => b.id === ack.id)).toHaveLength(1);
        expect(body.bookings.filter((b) => b.message === ack.message)).toHaveLength(1);
      }
    }
    for (const mentor of mentors) {
      const again = await signInDemo(url, MENTORS[mentors.indexOf(mentor)] ?? '');
      const expected = acknowledged
        .filter((a) => a.mentorId === mentor.userId)
        .map((a) => a.message);
      let bodies: string[] = [];
      const delivered = await eventually(async () => {
        const { body } = await again.call<{ notifications: { body: string }[] }>(
          'GET',
          '/api/me/notifications',
        );
        bodies = body.notifications.map((n) => n.body);
        return expected.every((m) => bodies.includes(m));
      }, 30_000);
      expect(delivered, `undelivered: ${expected.filter((m) => !bodies.includes(m))}`).toBe(true);
    }
  });
});
