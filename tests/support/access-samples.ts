import type { Access } from '../../src/http/access.ts';
import { PASSWORD, type Session, uniqueEmail } from '../factories.ts';
import type { Ownership } from './access-matrix.ts';
import type { Caller, World } from './access-world.ts';

/**
 * How the authorisation matrix makes a valid request for each operation: path
 * parameters by name (the caller's own resource, or someone else's), and per
 * operation a body and any parameter that differs. Keyed like the OpenAPI
 * document: `METHOD /path/{param}`.
 */
export type Call = { caller: Caller; own: Ownership; who: Session | null };
export type Op = {
  method: string;
  path: string;
  key: string;
  access: Access | undefined;
  hasBody: boolean;
};
/** A value for a path parameter; null: this caller has no such resource of their own. */
type Resolve = (w: World, c: Call) => Promise<string | null> | string | null;
export type Sample = {
  params?: Record<string, Resolve>;
  body?: (w: World, c: Call) => unknown;
  /** another browser session of the caller's, for calls that end the one they use */
  freshSession?: true;
};

const partyOwn = (mine: string, theirs: string) => (_w: World, c: Call) =>
  c.own === 'other' ? theirs : c.caller === 'mentee' || c.caller === 'mentor' ? mine : null;

/** Path parameters by name: a resource of the caller's own, or someone else's. */
export const byName: Record<string, Resolve> = {
  orgId: (w) => w.orgId,
  deliveryId: (w) => w.deliveryId(),
  bookingId: (w, c) => partyOwn(w.bookingOf.mine, w.bookingOf.theirs)(w, c),
  threadId: (w, c) => partyOwn(w.threads.mine, w.threads.theirs)(w, c),
  attachmentId: (w, c) => partyOwn(w.attachments.mine, w.attachments.theirs)(w, c),
  sessionId: (w, c) =>
    c.own === 'other' ? w.sessions.theirs : c.caller === 'admin' ? null : w.sessions.mine,
  groupId: (w) => w.groupId,
  programId: (w) => w.openId,
  mentorId: (w) => w.mentor.userId,
  userId: (w) => w.mentee2.userId,
  date: () => '2027-06-01',
  token: (w) => w.invitationFor(uniqueEmail('preview')),
  invitationId: (w) => w.invitationId(),
  importId: (w) => w.importId(),
  tokenId: (w, c) => (c.own === 'own' ? w.tokenOf(c.who!) : w.tokenOf(w.mentee2)),
  calendarId: (w, c) => (c.own === 'own' ? w.calendarOf(c.who!) : w.calendarOf(w.mentee2)),
  typeId: (w, c) => (c.own === 'own' ? w.sessionTypeOf(c.who!) : w.sessionTypeOf(w.mentor2)),
};

const newBystander = async (w: World, programId?: string) =>
  (await w.member('Tess Target', programId, programId ? 'mentee' : undefined)).userId;

/** The person a caller writes to or asks: someone they share a program with. */
const counterpart = (w: World, c: Call) =>
  c.caller === 'mentee' ? w.mentor : c.caller === 'mentor' ? w.mentee2 : w.mentee;

const reason = () => ({ reason: 'Something came up' });

/** The mentee's or mentor's own: a session of the mentor with the mentee added; else one of mentor2's. */
const enrolledSession: Resolve = (w, c) =>
  c.own === 'other'
    ? w.sessions.theirs
    : c.caller === 'mentee' || c.caller === 'mentor'
      ? w.sessionWithMentee()
      : null;
const empty = () => ({});

const org = '/api/orgs/{orgId}';
const booking = `${org}/bookings/{bookingId}`;
export const samples: Record<string, Sample> = {
  'POST /api/auth/sign-up': {
    body: () => ({ email: uniqueEmail('new'), password: PASSWORD, name: 'New Person' }),
  },
  'POST /api/auth/sign-out': { freshSession: true },
  'POST /api/auth/sign-in': { body: (w) => ({ email: w.mentee2.email, password: PASSWORD }) },
  'POST /api/auth/password-reset': { body: (w) => ({ email: w.mentee2.email }) },
  // A link that was never sent: refused as a bad token, which the rule (public) allows.
  'POST /api/auth/password-reset/confirm': {
    body: () => ({ token: 'cfp_never-sent', password: 'a long and unusual passphrase 42' }),
  },
  'POST /api/auth/sign-up/confirm': { body: () => ({ token: 'cfv_never-sent' }) },
  'POST /api/auth/email/confirm': { body: () => ({ token: 'cfe_never-sent' }) },
  'POST /api/me/email': { body: () => ({ email: uniqueEmail('moved'), password: PASSWORD }) },
  'POST /api/auth/password': {
    body: () => ({ currentPassword: PASSWORD, newPassword: PASSWORD }),
  },
  'DELETE /api/auth/sessions/{sessionId}': {
    params: {
      sessionId: (w, c) => w.secondSession(c.own === 'own' ? c.who! : w.mentee2),
    },
  },
  'POST /api/auth/tokens': { body: () => ({ name: 'matrix' }) },
  'PUT /api/me/availability': {
    body: () => ({
      timeZone: 'UTC',
      slotLengths: [60],
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
      minimumNoticeMinutes: 60,
      horizonDays: 365,
      weekly: [{ weekday: 2, start: '09:00', end: '12:00' }],
    }),
  },
  'PUT /api/me/availability/overrides/{date}': { body: () => ({ ranges: [] }) },
  'POST /api/me/session-types': {
    body: () => ({ name: `Chat ${uniqueEmail()}`, durationMinutes: 30 }),
  },
  'POST /api/me/notifications/read': { body: empty },
  // A link that was never sent: refused as a bad token, which the rule (public) allows.
  'POST /api/email/unsubscribe/{token}': { params: { token: () => 'never-sent' } },
  [`GET ${org}/deliveries/{deliveryId}/invite.ics`]: {
    params: { deliveryId: (w) => w.invitationDeliveryId() },
  },
  'PUT /api/me/notification-preferences': {
    body: () => ({ kinds: [{ kind: 'messages', inApp: true, email: 'immediate' }] }),
  },
  'PATCH /api/me/profile': { body: () => ({ location: 'Lisbon' }) },
  'PUT /api/me/photo': { body: empty },
  'GET /api/users/{userId}/photo': { params: { userId: (w) => w.mentor.userId } },
  // Each call makes a new address: anyone's earlier one may have been replaced meanwhile.
  'GET /api/calendar/{file}': { params: { file: (w) => w.feedFileOf(w.mentee2) } },
  [`GET ${org}/reports/{file}`]: { params: { file: () => 'outcomes.csv' } },
  'POST /api/orgs': { body: () => ({ name: 'Side Project' }) },
  [`PATCH ${org}`]: { body: () => ({ name: 'Matrix Org' }) },
  [`PATCH ${org}/members/{userId}`]: {
    params: { userId: (w) => newBystander(w) },
    body: () => ({ role: 'member' }),
  },
  'POST /api/me/calendars': { body: () => ({ url: 'https://calendar.example/mine.ics' }) },
  [`POST ${org}/nudges`]: {
    body: (w) => ({ kind: 'unanswered_requests', mentorId: w.mentor.userId }),
  },
  [`POST ${org}/members/{userId}/deactivate`]: {
    params: { userId: (w) => newBystander(w) },
    body: reason,
  },
  [`POST ${org}/members/{userId}/reactivate`]: {
    params: { userId: (w) => newBystander(w) },
    body: () => ({}),
  },
  [`DELETE ${org}/members/{userId}`]: {
    params: { userId: (w, c) => (c.own === 'own' ? c.who!.userId : newBystander(w)) },
  },
  [`PUT ${org}/sso`]: {
    body: () => ({
      displayName: 'Matrix SSO',
      issuer: 'https://login.matrix.example',
      clientId: 'matrix',
      clientSecret: 'matrix-secret',
      allowedDomains: ['matrix.example'],
    }),
  },
  [`POST ${org}/member-imports/check`]: {
    body: () => ({ csv: `name,email\nChecked Person,${uniqueEmail('checked')}\n` }),
  },
  [`POST ${org}/member-imports`]: {
    body: () => ({ csv: `name,email\nImported Person,${uniqueEmail('imported')}\n` }),
  },
  [`POST ${org}/bookings`]: {
    body: (w, c) => ({
      mentorId: c.caller === 'mentor' ? w.mentor2.userId : w.mentor.userId,
      startsAt: '2027-04-20T15:00:00Z',
      ownTime: true,
      message: 'Hello',
    }),
  },
  [`POST ${booking}/approve`]: { body: empty },
  [`POST ${booking}/reject`]: { body: reason },
  [`POST ${booking}/propose`]: { body: () => ({ startsAt: '2027-04-13T15:00:00Z' }) },
  [`POST ${booking}/accept`]: { body: empty },
  [`POST ${booking}/decline`]: { body: empty },
  [`POST ${booking}/withdraw`]: { body: empty },
  [`POST ${booking}/complete`]: { body: empty },
  [`POST ${booking}/no-show`]: { body: empty },
  [`POST ${booking}/cancel`]: { body: reason },
  [`POST ${booking}/move`]: {
    body: () => ({ startsAt: '2027-04-13T15:00:00Z', reason: 'A clash at work' }),
  },
  [`POST ${booking}/move/accept`]: { body: empty },
  [`POST ${booking}/move/decline`]: { body: empty },
  [`POST ${booking}/move/withdraw`]: { body: empty },
  [`POST ${booking}/rating`]: { body: () => ({ stars: 5 }) },
  [`PUT ${booking}/meeting-link`]: { body: () => ({ meetingUrl: 'https://meet.example.test/r' }) },
  [`POST ${org}/groups`]: { body: () => ({ name: `Group ${uniqueEmail()}` }) },
  [`PATCH ${org}/groups/{groupId}`]: { body: () => ({ description: 'People in product' }) },
  [`DELETE ${org}/groups/{groupId}`]: {
    params: {
      groupId: async (w) =>
        (
          await w.ok<{ id: string }>(
            w.api(w.admin).post(`/api/orgs/${w.orgId}/groups`, { name: `Gone ${uniqueEmail()}` }),
          )
        ).id,
    },
  },
  [`PUT ${org}/groups/{groupId}/members/{userId}`]: { body: empty },
  [`PUT ${org}/video`]: { body: () => ({ provider: 'jitsi' }) },
  [`POST ${org}/invitations`]: { body: () => ({ email: uniqueEmail('invitee') }) },
  'POST /api/invitations/{token}/accept': {
    params: {
      token: (w, c) => w.invitationFor(c.own === 'own' ? c.who!.email : uniqueEmail('someone')),
    },
    body: empty,
  },
  [`POST ${org}/mentorship-requests`]: {
    body: (w, c) => ({
      kind: c.caller === 'mentee' ? 'session_request' : 'offer',
      toUserId: counterpart(w, c).userId,
    }),
  },
  [`POST ${org}/mentorship-requests/{requestId}/dismiss`]: {
    params: {
      requestId: (w, c) =>
        c.own === 'other'
          ? w.mentorshipRequest(w.mentor2, w.mentee2, 'offer')
          : c.caller === 'mentee'
            ? w.mentorshipRequest(w.mentor2, w.mentee, 'offer')
            : c.caller === 'mentor'
              ? w.mentorshipRequest(w.mentee2, w.mentor, 'session_request')
              : null,
    },
    body: empty,
  },
  [`POST ${org}/mentorship-requests/{requestId}/withdraw`]: {
    params: {
      requestId: (w, c) =>
        c.own === 'other'
          ? w.mentorshipRequest(w.mentee2, w.mentor2, 'session_request')
          : c.caller === 'mentee'
            ? w.mentorshipRequest(w.mentee, w.mentor2, 'session_request')
            : c.caller === 'mentor'
              ? w.mentorshipRequest(w.mentor, w.mentee2, 'offer')
              : null,
    },
    body: empty,
  },
  [`POST ${org}/suggestions`]: {
    body: (w, c) => ({
      toUserId: counterpart(w, c).userId,
      suggestedUserId: c.caller === 'mentee' ? w.mentee2.userId : w.mentor2.userId,
    }),
  },
  [`POST ${org}/threads`]: {
    body: (w, c) => ({ toUserId: counterpart(w, c).userId, body: 'Hello there' }),
  },
  [`POST ${org}/threads/{threadId}/messages`]: { body: () => ({ body: 'Hi' }) },
  [`POST ${org}/threads/{threadId}/read`]: { body: empty },
  [`POST ${org}/message-requests/{requestId}/accept`]: {
    params: {
      requestId: (w, c) =>
        partyOwn(
          c.caller === 'mentor' ? w.messageRequests.toMentor : w.messageRequests.toMentee,
          w.messageRequests.theirs,
        )(w, c),
    },
    body: empty,
  },
  [`POST ${org}/message-requests/{requestId}/reject`]: {
    params: {
      requestId: (w, c) =>
        partyOwn(
          c.caller === 'mentor' ? w.messageRequests.toMentor : w.messageRequests.toMentee,
          w.messageRequests.theirs,
        )(w, c),
    },
    body: empty,
  },
  [`POST ${org}/programs`]: { body: () => ({ name: 'Another', mode: 'a_la_carte' }) },
  [`PATCH ${org}/programs/{programId}`]: { body: () => ({ description: 'Open to all' }) },
  [`PUT ${org}/programs/{programId}/members/{userId}`]: {
    params: { userId: (w) => newBystander(w) },
    body: () => ({ role: 'mentee' }),
  },
  [`DELETE ${org}/programs/{programId}/members/{userId}`]: {
    params: { userId: (w) => newBystander(w, w.openId) },
  },
  [`GET ${org}/programs/{programId}/matches`]: {
    params: {
      programId: (w, c) =>
        c.own === 'other'
          ? w.otherCircleId
          : c.caller === 'mentee' || c.caller === 'mentor'
            ? w.circleId
            : null,
    },
  },
  [`PUT ${org}/programs/{programId}/mentors/{mentorId}/match-capacity`]: {
    params: { programId: (w) => w.circleId },
    body: () => ({ matchCapacity: 10 }),
  },
  [`POST ${org}/programs/{programId}/matches`]: {
    params: { programId: (w) => w.circleId },
    body: async (w) => ({ mentorId: w.mentor.userId, menteeId: await newBystander(w, w.circleId) }),
  },
  [`DELETE ${org}/programs/{programId}/matches/{matchId}`]: {
    params: {
      programId: (w) => w.circleId,
      matchId: async (w) =>
        (await w.matchIn(w.circleId, w.mentor.userId, await newBystander(w, w.circleId))).id,
    },
  },
  [`POST ${org}/sessions`]: {
    body: (w, c) => ({
      programId: w.openId,
      mentorId: c.own === 'own' && c.who ? c.who.userId : w.mentor2.userId,
      date: w.nextDate(),
      startTime: '10:00',
      timeZone: 'UTC',
      durationMinutes: 60,
      enrollment: 'in_person',
      publish: true,
    }),
  },
  [`PATCH ${org}/sessions/{sessionId}`]: { body: () => ({ title: 'Office hours' }) },
  [`POST ${org}/sessions/{sessionId}/cancel`]: {
    // A session of its own: cancelled sessions disappear for mentees.
    params: {
      sessionId: (w, c) =>
        c.own === 'other'
          ? w.sessionOf(w.mentor2)
          : c.caller === 'mentor'
            ? w.sessionOf(w.mentor)
            : null,
    },
    body: reason,
  },
  // A session the caller was added to (or runs, for the mentor): others' sessions are someone else's.
  [`POST ${org}/sessions/{sessionId}/leave`]: {
    params: { sessionId: enrolledSession },
    body: reason,
  },
  [`POST ${org}/sessions/{sessionId}/attendance`]: {
    params: { sessionId: enrolledSession },
    body: (w, c) => ({
      outcome: 'attended',
      ...(c.caller === 'mentor' ? { menteeId: w.mentee.userId } : {}),
    }),
  },
  [`POST ${org}/sessions/{sessionId}/thread`]: { params: { sessionId: enrolledSession } },
  [`POST ${org}/sessions/{sessionId}/rating`]: {
    params: { sessionId: enrolledSession },
    body: () => ({ stars: 5 }),
  },
  [`POST ${org}/sessions/{sessionId}/duplicate`]: {
    body: (w) => ({ date: w.nextDate(), startTime: '10:00' }),
  },
  [`POST ${org}/sessions/{sessionId}/bulk-duplicate`]: {
    body: () => ({ interval: 1, unit: 'weeks', count: 1 }),
  },
};

/** Live event streams never end: only their refusals are checked. */
export const streams = new Set(['GET /api/me/events']);
