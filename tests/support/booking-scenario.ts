import { expect } from 'vitest';
import type { App } from '../../src/http/app.ts';
import { addMember, as, createOrgWithAdmin, type Session } from '../factories.ts';

export type BookingScenario = {
  orgId: string;
  programId: string;
  admin: Session;
  mentor: Session;
  mentee: Session;
  /** The mentee asks for an hour with the mentor; returns the booking's id. */
  book(who: Session, startsAt: string): Promise<string>;
  /** A booking step (`approve`, `reject`, …) by one side. */
  act(
    who: Session,
    bookingId: string,
    action: string,
    body?: Record<string, unknown>,
  ): Promise<void>;
};

/**
 * An organisation with an à-la-carte program, a mentor open on weekdays
 * 09:00–17:00 UTC for a year ahead, and a mentee: enough for bookings (and
 * so notifications and emails) to happen through the real API.
 */
export async function createBookingScenario(app: App, orgName = 'Delivery Org') {
  const { admin, orgId } = await createOrgWithAdmin(app, orgName);
  const programId = (
    await as(app, admin).post(`/api/orgs/${orgId}/programs`, { name: 'Open', mode: 'a_la_carte' })
  ).json().id as string;
  const join = (name: string, programRole: 'mentor' | 'mentee') =>
    addMember(app, admin, orgId, { name, programId, programRole });
  const mentor = await join('Mara Mentor', 'mentor');
  const mentee = await join('Milo Mentee', 'mentee');
  const hours = await as(app, mentor).put('/api/me/availability', {
    timeZone: 'UTC',
    slotLengths: [60],
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    minimumNoticeMinutes: 60,
    horizonDays: 365,
    weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' })),
  });
  expect(hours.statusCode, hours.body).toBe(200);
  const scenario: BookingScenario = {
    orgId,
    programId,
    admin,
    mentor,
    mentee,
    book: async (who, startsAt) => {
      const res = await as(app, who).post(`/api/orgs/${orgId}/bookings`, {
        mentorId: mentor.userId,
        startsAt,
        lengthMinutes: 60,
        message: 'Hello',
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    },
    act: async (who, bookingId, action, body = {}) => {
      const res = await as(app, who).post(
        `/api/orgs/${orgId}/bookings/${bookingId}/${action}`,
        body,
      );
      expect(res.statusCode, res.body).toBe(200);
    },
  };
  return scenario;
}
