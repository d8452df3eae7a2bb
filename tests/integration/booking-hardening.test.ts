import { setTimeout as sleep } from 'node:timers/promises';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { bookings, ledgerEntries, outbox } from '../../src/db/schema.ts';
import type { PaymentProvider } from '../../src/integrations/payments.ts';
import type { VideoProvider } from '../../src/integrations/video.ts';
import { addMember, as, type Session } from '../factories.ts';
import { createBookingScenario, createPaidSessionType } from '../support/booking-scenario.ts';
import { createTestApp } from '../support/test-app.ts';

/** Providers as slow (or broken) as a test wants them. */
const provider = { meetingMs: 0, captureMs: 0, failNextHold: false, calls: [] as string[] };
const video: VideoProvider = {
  name: 'slow-video',
  createMeeting: async ({ bookingId }) => {
    await sleep(provider.meetingMs);
    return { url: `https://video.example/${bookingId}`, externalId: null };
  },
  updateMeeting: async () => {},
  deleteMeeting: async () => {},
};
const payments: PaymentProvider = {
  name: 'slow-pay',
  hold: async (id) => {
    if (provider.failNextHold) {
      provider.failNextHold = false;
      throw new Error('the processor is down');
    }
    provider.calls.push(`hold:${id}`);
    return `hold:${id}`;
  },
  capture: async (id) => {
    await sleep(provider.captureMs);
    return `capture:${id}`;
  },
  refund: async (id) => {
    provider.calls.push(`refund:${id}`);
    return `refund:${id}`;
  },
};
const { app, clock, database } = await createTestApp(
  { PROVIDER_TIMEOUT_MS: '3000' },
  { video, payments },
);
const start = new Date('2027-03-01T00:00:00Z'); // a Monday
clock.set(start);

let orgId: string;
let programId: string;
let admin: Session;
let mentor: Session;
let mentee: Session;
let paidType: string;

beforeAll(async () => {
  ({ admin, orgId, programId, mentor, mentee } = await createBookingScenario(app, 'Hardening Org'));
  paidType = await createPaidSessionType(app, mentor);
});

const book = (
  who: Session,
  startsAt: string,
  headers: Record<string, string> = {},
  message = 'Hello',
) =>
  app.inject({
    method: 'POST',
    url: `/api/orgs/${orgId}/bookings`,
    headers: { cookie: who.cookie, 'x-csrf-token': who.csrfToken, ...headers },
    payload: { mentorId: mentor.userId, startsAt, sessionTypeId: paidType, message },
  });
const bookingsOf = (menteeId: string, startsAt: string) =>
  database.db
    .select()
    .from(bookings)
    .where(and(eq(bookings.menteeId, menteeId), eq(bookings.startsAt, new Date(startsAt))));
const act = (who: Session, id: string, action: string, body: Record<string, unknown> = {}) =>
  as(app, who).post(`/api/orgs/${orgId}/bookings/${id}/${action}`, body);
const view = async (id: string) =>
  (await as(app, mentee).get(`/api/orgs/${orgId}/bookings/${id}`)).json();
const ledger = (bookingId: string) =>
  database.db
    .select()
    .from(ledgerEntries)
    .where(eq(ledgerEntries.bookingId, bookingId))
    .then((rows) => rows.map((r) => r.kind).sort());

describe('a decision after the expiry time, before the expiry job ran', () => {
  it.each([
    ['approve', () => mentor, {}],
    ['reject', () => mentor, { reason: 'Too late' }],
    ['withdraw', () => mentee, {}],
  ] as const)('refuses to %s, expires the booking and refunds it', async (action, who, body) => {
    const b = (
      await book(
        mentee,
        `2027-03-${action === 'approve' ? 22 : action === 'reject' ? 23 : 24}T09:00:00Z`,
      )
    ).json();
    expect(b.status).toBe('pending');
    clock.set(new Date(new Date(b.expiresAt).getTime() + 1000)); // no job runs here
    try {
      const late = await act(who(), b.id, action, body);
      expect(late.statusCode, late.body).toBe(409);
      expect(late.json().error.message).toBe(`Cannot ${action} a booking that is expired`);
      const after = await view(b.id);
      expect(after).toMatchObject({ status: 'expired', payment: 'refunded' });
      expect(after.history.map((h: { action: string }) => h.action)).toEqual(['request', 'expire']);
      expect(await ledger(b.id)).toEqual(['hold', 'refund']);
    } finally {
      clock.set(start);
    }
  });

  it('still lets the mentor answer a moment before the expiry time', async () => {
    const b = (await book(mentee, '2027-03-25T09:00:00Z')).json();
    clock.set(new Date(new Date(b.expiresAt).getTime() - 1000));
    try {
      expect((await act(mentor, b.id, 'approve')).json()).toMatchObject({ status: 'approved' });
    } finally {
      clock.set(start);
    }
  });
});

describe('Idempotency-Key', () => {
  it('answers 20 requests sent at once with one key exactly as the first: status and body', async () => {
    const key = { 'idempotency-key': 'hardening-20-at-once' };
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => book(mentee, '2027-04-05T09:00:00Z', key)),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(Array(20).fill(201));
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
    expect(await bookingsOf(mentee.userId, '2027-04-05T09:00:00Z')).toHaveLength(1);
    const later = await book(mentee, '2027-04-05T09:00:00Z', key);
    expect([later.statusCode, later.body]).toEqual([201, answers[0]?.body]);
    await act(mentee, answers[0]?.json().id, 'withdraw'); // under the pending limit for later tests
  });

  it('refuses the same key with another body, naming the header', async () => {
    const key = { 'idempotency-key': 'hardening-mismatch' };
    expect((await book(mentee, '2027-04-06T09:00:00Z', key)).statusCode).toBe(201);
    const other = await book(mentee, '2027-04-06T10:00:00Z', key, 'Another time');
    expect(other.statusCode).toBe(409);
    expect(other.json().error).toMatchObject({
      reason: 'idempotency_mismatch',
      fields: { 'headers.idempotency-key': expect.any(String) },
    });
    expect(await bookingsOf(mentee.userId, '2027-04-06T10:00:00Z')).toHaveLength(0);
  });

  it('answers a retry as the first time when that was a refusal, even once the slot is free', async () => {
    const other = await addMember(app, admin, orgId, { programId });
    const held = (await book(other, '2027-04-08T09:00:00Z')).json();
    const key = { 'idempotency-key': 'hardening-refused-first' };
    const refused = await book(mentee, '2027-04-08T09:00:00Z', key);
    expect([refused.statusCode, refused.json().error.reason]).toEqual([409, 'slot_taken']);
    await act(other, held.id, 'withdraw');
    const retry = await book(mentee, '2027-04-08T09:00:00Z', key);
    expect([retry.statusCode, retry.body]).toEqual([409, refused.body]);
    expect(await bookingsOf(mentee.userId, '2027-04-08T09:00:00Z')).toHaveLength(0);
  });

  it('lets the key go when the first request failed on our side, so the retry runs', async () => {
    const key = { 'idempotency-key': 'hardening-after-500' };
    provider.failNextHold = true;
    const failed = await book(mentee, '2027-04-07T09:00:00Z', key);
    expect(failed.statusCode).toBe(500);
    const retry = await book(mentee, '2027-04-07T09:00:00Z', key);
    expect(retry.statusCode, retry.body).toBe(201);
    expect(retry.json()).toMatchObject({ status: 'pending', payment: 'held' });
  });
});

describe('slow providers', () => {
  it('gives back the hold of a paid request that is refused', async () => {
    const other = await addMember(app, admin, orgId, { programId });
    expect((await book(other, '2027-04-09T09:00:00Z')).statusCode).toBe(201);
    provider.calls = [];
    const taken = await book(mentee, '2027-04-09T09:00:00Z');
    expect(taken.json().error.reason).toBe('slot_taken');
    const holds = provider.calls.filter((c) => c.startsWith('hold:'));
    expect(holds).toHaveLength(1);
    expect(provider.calls).toEqual([holds[0], holds[0]?.replace('hold:', 'refund:')]);
  });

  /** Resolves once the booking reads as `status`, polling; the time it took. */
  async function until(id: string, status: string) {
    for (let i = 0; i < 200; i++) {
      if ((await view(id)).status === status) return;
      await sleep(10);
    }
    throw new Error(`booking ${id} never became ${status}`);
  }

  it('a slow video provider holds no lock: the approval commits at once and the mentor can set a link meanwhile', async () => {
    const b = (await book(mentee, '2027-04-12T09:00:00Z')).json();
    provider.meetingMs = 2000;
    try {
      let approvedAt = 0;
      const approval = act(mentor, b.id, 'approve').then((r) => {
        approvedAt = performance.now();
        return r;
      });
      await until(b.id, 'approved');
      const own = await as(app, mentor).put(`/api/orgs/${orgId}/bookings/${b.id}/meeting-link`, {
        meetingUrl: 'https://my.example/room',
      });
      const ownAt = performance.now();
      expect(own.statusCode, own.body).toBe(200);
      expect((await approval).statusCode).toBe(200);
      expect(ownAt).toBeLessThan(approvedAt); // it did not wait for the provider
      // The provider's late answer does not overwrite the mentor's own link.
      expect((await view(b.id)).meetingUrl).toBe('https://my.example/room');
    } finally {
      provider.meetingMs = 0;
    }
  });

  it('a slow payment provider does not hold up another decision of the same mentor', async () => {
    const a = (await book(mentee, '2027-04-13T09:00:00Z')).json();
    const other = await addMember(app, admin, orgId, { programId });
    const b = (await book(other, '2027-04-13T11:00:00Z')).json();
    provider.captureMs = 2000;
    try {
      let approvedAt = 0;
      const approval = act(mentor, a.id, 'approve').then((r) => {
        approvedAt = performance.now();
        return r;
      });
      await until(a.id, 'approved');
      const rejected = await act(mentor, b.id, 'reject', { reason: 'Busy that week' });
      const rejectedAt = performance.now();
      expect(rejected.json().status).toBe('rejected');
      expect((await approval).json()).toMatchObject({ status: 'approved', payment: 'captured' });
      expect(rejectedAt).toBeLessThan(approvedAt);
    } finally {
      provider.captureMs = 0;
    }
  });

  it('cuts off a provider that does not answer: the approval stands with a fallback link and the mentor is asked for one', async () => {
    const b = (await book(mentee, '2027-04-14T09:00:00Z')).json();
    provider.meetingMs = 20_000;
    try {
      const approved = await act(mentor, b.id, 'approve');
      expect(approved.json()).toMatchObject({
        status: 'approved',
        meetingUrl: expect.stringMatching(/^https:\/\/meet\.jit\.si\/confer-[0-9a-f]{40}$/),
      });
      const asks = await database.db
        .select()
        .from(outbox)
        .where(eq(outbox.topic, 'booking.meeting_link_needed'));
      expect(asks.map((r) => r.payload.bookingId)).toContain(b.id);
    } finally {
      provider.meetingMs = 0;
    }
  }, 15_000);
});
