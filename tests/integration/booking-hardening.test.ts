import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { ledgerEntries } from '../../src/db/schema.ts';
import { addMember, as, createOrgWithAdmin, type Session } from '../factories.ts';
import { createTestApp } from '../support/test-app.ts';

const { app, clock, database } = await createTestApp();
const start = new Date('2027-03-01T00:00:00Z'); // a Monday
clock.set(start);

let orgId: string;
let programId: string;
let admin: Session;
let mentor: Session;
let mentee: Session;
let paidType: string;

beforeAll(async () => {
  ({ admin, orgId } = await createOrgWithAdmin(app, 'Hardening Org'));
  programId = (
    await as(app, admin).post(`/api/orgs/${orgId}/programs`, { name: 'Open', mode: 'a_la_carte' })
  ).json().id;
  mentor = await addMember(app, admin, orgId, {
    name: 'Hana Mentor',
    programId,
    programRole: 'mentor',
  });
  mentee = await addMember(app, admin, orgId, {
    name: 'Hugo Mentee',
    programId,
    programRole: 'mentee',
  });
  await as(app, mentor).put('/api/me/availability', {
    timeZone: 'UTC',
    slotLengths: [60],
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    minimumNoticeMinutes: 60,
    horizonDays: 365,
    weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' })),
  });
  const type = await as(app, mentor).post('/api/me/session-types', {
    name: 'Career review',
    durationMinutes: 60,
    priceMinor: 4500,
    currency: 'EUR',
  });
  paidType = type.json().id;
});

const book = (who: Session, startsAt: string, headers: Record<string, string> = {}) =>
  app.inject({
    method: 'POST',
    url: `/api/orgs/${orgId}/bookings`,
    headers: { cookie: who.cookie, 'x-csrf-token': who.csrfToken, ...headers },
    payload: { mentorId: mentor.userId, startsAt, sessionTypeId: paidType, message: 'Hello' },
  });
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
