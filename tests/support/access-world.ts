import type { App } from '../../src/http/app.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import { deliverNotifications } from '../../src/services/deliver-notifications.ts';
import { emailNotifications } from '../../src/services/email-notifications.ts';
import {
  addMember,
  as,
  createOrgWithAdmin,
  type Session,
  signIn,
  uniqueEmail,
} from '../factories.ts';

/**
 * The people and things the authorisation matrix calls the API about: two
 * organisations, programs of both kinds, mentors, mentees, bookings,
 * conversations, requests, sessions. Built through the API, as users would.
 */
export type Caller = 'anonymous' | 'outsider' | 'mentee' | 'mentor' | 'admin';
export const callers: readonly Caller[] = ['anonymous', 'outsider', 'mentee', 'mentor', 'admin'];

const hours = {
  timeZone: 'UTC',
  slotLengths: [60],
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 0,
  minimumNoticeMinutes: 60,
  horizonDays: 365,
  weekly: [{ weekday: 2, start: '09:00', end: '12:00' }],
};

/** A tiny GIF: enough for the photo check, which reads the type from the bytes. */
const gif = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

export function multipart(field: string, file: { name: string; bytes: Buffer }) {
  const boundary = '----confer-matrix-boundary';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    file.bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, contentType: `multipart/form-data; boundary=${boundary}` };
}

async function ok<T = Record<string, unknown>>(
  res: Promise<{ statusCode: number; body: string; json: () => unknown }>,
): Promise<T> {
  const r = await res;
  if (r.statusCode >= 300) throw new Error(`fixture step failed: ${r.statusCode} ${r.body}`);
  return (r.body ? r.json() : {}) as T;
}

export async function buildWorld(app: App, ctx: ServiceContext) {
  const { admin, orgId } = await createOrgWithAdmin(app, 'Matrix Org');
  const outsider = (await createOrgWithAdmin(app, 'Elsewhere')).admin;
  const api = (who: Session) => as(app, who);
  const program = async (name: string, mode: string) =>
    (await ok<{ id: string }>(api(admin).post(`/api/orgs/${orgId}/programs`, { name, mode }))).id;
  const openId = await program('Open', 'a_la_carte');
  const circleId = await program('Circle', 'matched');
  const otherCircleId = await program('Other circle', 'matched');
  const member = (name: string, programId?: string, programRole?: 'mentor' | 'mentee') =>
    addMember(app, admin, orgId, {
      name,
      ...(programId ? { programId, programRole } : {}),
    });
  const mentor = await member('Mia Mentor', openId, 'mentor');
  const mentee = await member('Max Mentee', openId, 'mentee');
  const mentor2 = await member('Nia Mentor', openId, 'mentor');
  const mentee2 = await member('Ned Mentee', openId, 'mentee');
  const setRole = (userId: string, programId: string, role: string) =>
    ok(api(admin).put(`/api/orgs/${orgId}/programs/${programId}/members/${userId}`, { role }));
  await setRole(mentor.userId, circleId, 'mentor');
  await setRole(mentee.userId, circleId, 'mentee');
  await setRole(mentor2.userId, otherCircleId, 'mentor');
  await setRole(mentee2.userId, otherCircleId, 'mentee');
  const matchIn = (programId: string, mentorId: string, menteeId: string) =>
    ok<{ id: string }>(
      api(admin).post(`/api/orgs/${orgId}/programs/${programId}/matches`, { mentorId, menteeId }),
    );
  await matchIn(circleId, mentor.userId, mentee.userId);
  await matchIn(otherCircleId, mentor2.userId, mentee2.userId);
  for (const m of [mentor, mentor2]) await ok(api(m).put('/api/me/availability', hours));

  const groupId = (
    await ok<{ id: string }>(api(admin).post(`/api/orgs/${orgId}/groups`, { name: 'Product' }))
  ).id;
  const book = async (who: Session, mentorId: string) =>
    (
      await ok<{ id: string }>(
        api(who).post(`/api/orgs/${orgId}/bookings`, {
          mentorId,
          startsAt: '2027-04-06T15:00:00Z',
          ownTime: true,
          message: 'Hello',
        }),
      )
    ).id;
  const bookingOf = {
    mine: await book(mentee, mentor.userId),
    theirs: await book(mentee2, mentor2.userId),
  };
  const threadOf = async (who: Session, bookingId: string) =>
    (
      await ok<{ threadId: string }>(
        api(who).get(`/api/orgs/${orgId}/bookings/${bookingId}/thread`),
      )
    ).threadId;
  const threads = {
    mine: await threadOf(mentee, bookingOf.mine),
    theirs: await threadOf(mentee2, bookingOf.theirs),
  };
  const attach = async (who: Session, threadId: string) => {
    const { payload, contentType } = multipart('file', {
      name: 'notes.txt',
      bytes: Buffer.from('notes'),
    });
    const res = await app.inject({
      method: 'POST',
      url: `/api/orgs/${orgId}/threads/${threadId}/messages`,
      payload,
      headers: { cookie: who.cookie, 'x-csrf-token': who.csrfToken, 'content-type': contentType },
    });
    if (res.statusCode !== 201) throw new Error(`attachment failed: ${res.body}`);
    return res.json().attachments[0].id as string;
  };
  const attachments = {
    mine: await attach(mentee, threads.mine),
    theirs: await attach(mentee2, threads.theirs),
  };
  const photo = multipart('photo', { name: 'me.gif', bytes: gif });
  await ok(
    app.inject({
      method: 'PUT',
      url: '/api/me/photo',
      payload: photo.payload,
      headers: {
        cookie: mentor.cookie,
        'x-csrf-token': mentor.csrfToken,
        'content-type': photo.contentType,
      },
    }),
  );
  // First messages between people who are not connections are message requests.
  const messageRequest = async (from: Session, to: Session) => {
    await ok(api(from).post(`/api/orgs/${orgId}/threads`, { toUserId: to.userId, body: 'Hi' }));
    const { received } = await ok<{ received: { id: string; sender: { userId: string } }[] }>(
      api(to).get(`/api/orgs/${orgId}/message-requests`),
    );
    return received.find((r) => r.sender.userId === from.userId)!.id;
  };
  const messageRequests = {
    toMentee: await messageRequest(mentee2, mentee),
    toMentor: await messageRequest(mentee2, mentor),
    theirs: await messageRequest(mentor2, mentee2),
  };
  const sessionTypeOf = async (who: Session) =>
    (
      await ok<{ id: string }>(
        api(who).post('/api/me/session-types', {
          name: `Chat ${uniqueEmail()}`,
          durationMinutes: 30,
        }),
      )
    ).id;
  // A third organisation whose invitations the callers may accept without joining A or B.
  const thirdOrg = await createOrgWithAdmin(app, 'Third');

  let day = 0;
  /** A future date no other fixture session uses, so sessions never overlap. */
  const nextDate = () => {
    day += 1;
    return new Date(Date.UTC(2027, 5, 1) + day * 86_400_000).toISOString().slice(0, 10);
  };
  const sessionOf = async (who: Session) =>
    (
      await ok<{ id: string }>(
        api(who).post(`/api/orgs/${orgId}/sessions`, {
          programId: openId,
          mentorId: who.userId,
          date: nextDate(),
          startTime: '10:00',
          timeZone: 'UTC',
          durationMinutes: 60,
          enrollment: 'in_person',
          capacity: 5,
          publish: true,
        }),
      )
    ).id;
  const sessions = { mine: await sessionOf(mentor), theirs: await sessionOf(mentor2) };
  /** A published session of the mentor's with the mentee added directly. */
  const sessionWithMentee = async () =>
    (
      await ok<{ id: string }>(
        api(mentor).post(`/api/orgs/${orgId}/sessions`, {
          programId: openId,
          mentorId: mentor.userId,
          menteeId: mentee.userId,
          date: nextDate(),
          startTime: '10:00',
          timeZone: 'UTC',
          durationMinutes: 60,
          enrollment: 'in_person',
          publish: true,
        }),
      )
    ).id;

  const people: Record<Caller, Session | null> = {
    anonymous: null,
    outsider,
    mentee,
    mentor,
    admin,
  };
  return {
    app,
    orgId,
    people,
    admin,
    mentor,
    mentee,
    mentor2,
    mentee2,
    openId,
    circleId,
    otherCircleId,
    groupId,
    bookingOf,
    threads,
    attachments,
    messageRequests,
    sessions,
    feedFileOf: async (who: Session) => {
      const feed = await ok<{ url: string }>(api(who).post('/api/me/calendar-feed'));
      return new URL(feed.url).pathname.split('/').pop()!;
    },
    nextDate,
    ok,
    api,
    member,
    matchIn,
    book,
    sessionOf,
    sessionWithMentee,
    sessionTypeOf,
    /** A new member with no role anywhere, to be changed or removed. */
    bystander: () => member('Tess Target'),
    /** A second browser session of this person (to revoke without signing them out). */
    secondSession: async (who: Session) => {
      const fresh = await signIn(app, who.email);
      const { sessions: list } = await ok<{ sessions: { id: string; current: boolean }[] }>(
        as(app, fresh).get('/api/auth/sessions'),
      );
      return list.find((s) => s.current)!.id;
    },
    /** One of this person's outside calendars (theirs already, or a new one). */
    calendarOf: async (who: Session) => {
      const { calendars } = await ok<{ calendars: { id: string }[] }>(
        api(who).get('/api/me/calendars'),
      );
      if (calendars[0]) return calendars[0].id;
      return (
        await ok<{ id: string }>(
          api(who).post('/api/me/calendars', { url: 'https://calendar.example/matrix.ics' }),
        )
      ).id;
    },
    tokenOf: async (who: Session) =>
      (await ok<{ id: string }>(api(who).post('/api/auth/tokens', { name: 'matrix' }))).id,
    /** An invitation into the third organisation, sent to this address. */
    invitationFor: async (email: string) => {
      const res = await ok<{ url: string }>(
        as(app, thirdOrg.admin).post(`/api/orgs/${thirdOrg.orgId}/invitations`, { email }),
      );
      return new URL(res.url).pathname.split('/').pop()!;
    },
    invitationId: async () =>
      (
        await ok<{ invitation: { id: string } }>(
          api(admin).post(`/api/orgs/${orgId}/invitations`, { email: uniqueEmail('invitee') }),
        )
      ).invitation.id,
    /** A members import of the organisation's, of one new person. */
    importId: async () =>
      (
        await ok<{ import: { id: string } }>(
          api(admin).post(`/api/orgs/${orgId}/member-imports`, {
            csv: `name,email\nImported Person,${uniqueEmail('imported')}\n`,
          }),
        )
      ).import.id,
    /** An email of the organisation's (the world's bookings made some): its delivery id. */
    deliveryId: async () => {
      while ((await deliverNotifications(ctx)) > 0);
      while ((await emailNotifications(ctx)) > 0);
      const { deliveries } = await ok<{ deliveries: { id: number }[] }>(
        api(admin).get(`/api/orgs/${orgId}/deliveries`),
      );
      return deliveries[0] ? String(deliveries[0].id) : null;
    },
    /** An email of the organisation's that carried a calendar invitation (an approval's), if any. */
    invitationDeliveryId: async () => {
      while ((await deliverNotifications(ctx)) > 0);
      while ((await emailNotifications(ctx)) > 0);
      const { deliveries } = await ok<{ deliveries: { id: number; invitation: string | null }[] }>(
        api(admin).get(`/api/orgs/${orgId}/deliveries`),
      );
      const withInvitation = deliveries.find((d) => d.invitation);
      return withInvitation ? String(withInvitation.id) : null;
    },
    mentorshipRequest: async (from: Session, to: Session, kind: 'offer' | 'session_request') =>
      (
        await ok<{ id: string }>(
          api(from).post(`/api/orgs/${orgId}/mentorship-requests`, { kind, toUserId: to.userId }),
        )
      ).id,
  };
}

export type World = Awaited<ReturnType<typeof buildWorld>>;
