import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents, bookings, jobs, orgVideoSettings } from '../../src/db/schema.ts';
import { runBookingFollowUps } from '../../src/services/booking-follow-ups.ts';
import { setOrgVideoSettings } from '../../src/services/configure-video.ts';
import { createServiceContext } from '../../src/services/context.ts';
import { deliverNotifications } from '../../src/services/deliver-notifications.ts';
import { meetingUpdateJob } from '../../src/services/meeting-steps.ts';
import { as } from '../factories.ts';
import { createBookingScenario } from '../support/booking-scenario.ts';
import { createTestApp } from '../support/test-app.ts';
import { startZoomStandIn } from '../support/zoom-stand-in.ts';

const zoomCredentials = {
  accountId: 'acct-Qm9vZ',
  clientId: 'client-7Hk2',
  clientSecret: `secret-${randomBytes(12).toString('hex')}`,
};
const zoom = await startZoomStandIn(zoomCredentials);
const { app, clock, ctx, database } = await createTestApp({
  SECRETS_KEY: randomBytes(32).toString('base64'),
  ZOOM_OAUTH_URL: zoom.oauthUrl,
  ZOOM_API_URL: zoom.apiUrl,
});
clock.set(new Date('2027-03-01T00:00:00Z')); // a Monday
const { orgId, admin, mentor, mentee, book } = await createBookingScenario(app, 'Video Org');

const settingsUrl = `/api/orgs/${orgId}/video`;
const useZoom = () => as(app, admin).put(settingsUrl, { provider: 'zoom', zoom: zoomCredentials });

async function decide(bookingId: string, action: string, body: Record<string, unknown> = {}) {
  const who = action === 'cancel' ? mentee : mentor;
  const res = await as(app, who).post(`/api/orgs/${orgId}/bookings/${bookingId}/${action}`, body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { status: string; meetingUrl: string | null };
}

const rowOf = async (id: string) =>
  (await database.db.select().from(bookings).where(eq(bookings.id, id)))[0]!;

async function mentorNotifications() {
  await deliverNotifications(ctx);
  const res = await as(app, mentor).get('/api/me/notifications');
  return (res.json().notifications as { title: string }[]).map((n) => n.title);
}

describe('video settings', () => {
  it('are for admins only: a mentor gets 403', async () => {
    expect((await as(app, mentor).get(settingsUrl)).statusCode).toBe(403);
    const put = await as(app, mentor).put(settingsUrl, { provider: 'zoom', zoom: zoomCredentials });
    expect(put.statusCode).toBe(403);
  });

  it('start as Jitsi, and never show the Zoom secret, in an answer or in clear in the database', async () => {
    expect((await as(app, admin).get(settingsUrl)).json()).toMatchObject({ provider: 'jitsi' });
    const saved = await useZoom();
    expect(saved.statusCode, saved.body).toBe(200);
    const read = await as(app, admin).get(settingsUrl);
    for (const answer of [saved, read]) {
      expect(answer.json()).toEqual({
        provider: 'zoom',
        zoom: {
          accountId: zoomCredentials.accountId,
          clientId: zoomCredentials.clientId,
          clientSecretSet: true,
        },
        canSealSecrets: true,
      });
      expect(answer.body).not.toContain(zoomCredentials.clientSecret);
    }
    const [row] = await database.db
      .select()
      .from(orgVideoSettings)
      .where(eq(orgVideoSettings.orgId, orgId));
    expect(row?.zoomClientSecretSealed).toMatch(/^v1\./);
    expect(JSON.stringify(row)).not.toContain(zoomCredentials.clientSecret);
    const audit = await database.db.select().from(auditEvents).where(eq(auditEvents.orgId, orgId));
    expect(audit.map((a) => a.action)).toContain('organisation.video_changed');
    expect(JSON.stringify(audit)).not.toContain(zoomCredentials.clientSecret);
  });

  it('refuse Zoom without a complete set of credentials', async () => {
    const other = await createBookingScenario(app, 'No Secret Org');
    const res = await as(app, other.admin).put(`/api/orgs/${other.orgId}/video`, {
      provider: 'zoom',
      zoom: { accountId: 'a', clientId: 'b' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual({ 'body.zoom.clientSecret': 'is required for Zoom' });
  });

  it('refuse to store a secret when the server has no SECRETS_KEY, saying so', async () => {
    const keyless = createServiceContext(database.db, { now: clock.now });
    await expect(
      setOrgVideoSettings(keyless, { userId: admin.userId }, orgId, {
        provider: 'zoom',
        zoom: zoomCredentials,
      }),
    ).rejects.toThrow(/SECRETS_KEY/);
  });
});

describe('with Zoom', () => {
  it('approval creates the meeting with Zoom as documented, and the booking shows its join_url', async () => {
    expect((await useZoom()).statusCode).toBe(200);
    const from = zoom.seen.length;
    const id = await book(mentee, '2027-03-02T09:00:00Z');
    const approved = await decide(id, 'approve');
    const [tokenCall, create] = zoom.since(from);
    expect(tokenCall).toMatchObject({
      method: 'POST',
      path: '/oauth/token',
      query: { grant_type: 'account_credentials', account_id: zoomCredentials.accountId },
      authorization: `Basic ${Buffer.from(`${zoomCredentials.clientId}:${zoomCredentials.clientSecret}`).toString('base64')}`,
      status: 200,
    });
    expect(create).toMatchObject({
      method: 'POST',
      path: '/v2/users/me/meetings',
      body: {
        type: 2,
        start_time: '2027-03-02T09:00:00Z',
        duration: 60,
        timezone: 'UTC',
        topic: 'Mentoring: Mara Mentor & Milo Mentee',
      },
      status: 201,
    });
    const meeting = [...zoom.meetings.values()].at(-1)!;
    expect(approved).toMatchObject({ status: 'approved', meetingUrl: meeting.join_url });
    expect(await rowOf(id)).toMatchObject({
      meetingProvider: 'zoom',
      meetingExternalId: String(meeting.id),
    });
  });

  it('reuses its token, and after an expired one fetches a new one and tries again', async () => {
    const first = await book(mentee, '2027-03-02T11:00:00Z');
    let from = zoom.seen.length;
    await decide(first, 'approve');
    expect(zoom.since(from).map((r) => r.path)).toEqual(['/v2/users/me/meetings']);

    zoom.expireTokens();
    const second = await book(mentee, '2027-03-02T12:00:00Z');
    from = zoom.seen.length;
    const approved = await decide(second, 'approve');
    expect(zoom.since(from).map((r) => `${r.path} ${r.status}`)).toEqual([
      '/v2/users/me/meetings 401',
      '/oauth/token 200',
      '/v2/users/me/meetings 201',
    ]);
    expect(approved.meetingUrl).toMatch(/zoom\.example\/j\//);
  });

  it('cancellation deletes the meeting; a failing delete is tried again later', async () => {
    const id = await book(mentee, '2027-03-03T09:00:00Z');
    await decide(id, 'approve');
    const externalId = (await rowOf(id)).meetingExternalId!;
    expect(zoom.meetings.has(externalId)).toBe(true);

    zoom.failNext(503);
    const from = zoom.seen.length;
    expect((await decide(id, 'cancel', { reason: 'Changed plans' })).status).toBe('cancelled');
    expect(zoom.since(from).map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      `DELETE /v2/meetings/${externalId} 503`,
    ]);
    expect(zoom.meetings.has(externalId)).toBe(true);
    clock.advance(61_000); // the job's first back-off is a minute
    expect(await runBookingFollowUps(ctx)).toBe(1);
    expect(zoom.meetings.has(externalId)).toBe(false);
  });

  it('a 429 is honoured: no meeting yet, the job comes back after Retry-After and makes it', async () => {
    zoom.failNext(429, 1, '120');
    const id = await book(mentee, '2027-03-04T09:00:00Z');
    const approved = await decide(id, 'approve');
    expect(approved).toMatchObject({ status: 'approved', meetingUrl: null });
    clock.advance(60_000);
    expect(await runBookingFollowUps(ctx)).toBe(0); // not before Retry-After
    clock.advance(61_000);
    expect(await runBookingFollowUps(ctx)).toBe(1);
    const meeting = [...zoom.meetings.values()].at(-1)!;
    expect((await rowOf(id)).meetingUrl).toBe(meeting.join_url);
    const told = await mentorNotifications();
    expect(told).not.toContainEqual(expect.stringContaining('Add a meeting link'));
    // Made after the approval's news: both are told the link is ready (with an updated invitation).
    expect(told).toContain(
      'The meeting link for your session on Thu 4 Mar, 09:00 (London time) is ready',
    );
  });

  it('a 5xx still approves, with a Jitsi link, and asks the mentor to add a link', async () => {
    zoom.failNext(500);
    const id = await book(mentee, '2027-03-05T09:00:00Z');
    const approved = await decide(id, 'approve');
    expect(approved.status).toBe('approved');
    expect(approved.meetingUrl).toMatch(/^https:\/\/meet\.jit\.si\/confer-[0-9a-f]{40}$/);
    expect(await rowOf(id)).toMatchObject({ meetingProvider: 'jitsi', meetingExternalId: null });
    expect(await mentorNotifications()).toContain(
      'Add a meeting link for your session with Milo Mentee: the video service failed',
    );
  });

  it('a meeting Zoom made while the mentor set their own link is deleted, and their link stays', async () => {
    const id = await book(mentee, '2027-03-05T11:00:00Z');
    zoom.delayNext(1500);
    const approval = as(app, mentor).post(`/api/orgs/${orgId}/bookings/${id}/approve`, {});
    while ((await rowOf(id)).status !== 'approved') await new Promise((r) => setTimeout(r, 20));
    const own = await as(app, mentor).put(`/api/orgs/${orgId}/bookings/${id}/meeting-link`, {
      meetingUrl: 'https://my.example/room',
    });
    expect(own.statusCode, own.body).toBe(200);
    expect((await approval).json().meetingUrl).toBe('https://my.example/room');
    const made = zoom.seen.filter((r) => r.path === '/v2/users/me/meetings').at(-1)!;
    expect(made.status).toBe(201);
    expect(zoom.seen.at(-1)).toMatchObject({ method: 'DELETE', status: 204 });
    expect([...zoom.meetings.values()].map((m) => m.start_time)).not.toContain(
      '2027-03-05T11:00:00Z',
    );
  });

  it('a new time of an approved booking moves its meeting (the update hook)', async () => {
    const id = await book(mentee, '2027-03-08T09:00:00Z');
    await decide(id, 'approve');
    const row = await rowOf(id);
    const startsAt = new Date('2027-03-08T13:00:00Z');
    await database.db
      .update(bookings)
      .set({ startsAt, endsAt: new Date('2027-03-08T13:30:00Z') })
      .where(eq(bookings.id, id));
    await database.db.insert(jobs).values(meetingUpdateJob(row, startsAt, clock.now())!);
    expect(await runBookingFollowUps(ctx, id)).toBe(1);
    expect(zoom.seen.at(-1)).toMatchObject({
      method: 'PATCH',
      path: `/v2/meetings/${row.meetingExternalId}`,
      body: { start_time: '2027-03-08T13:00:00Z', duration: 30, type: 2 },
      status: 204,
    });
    expect(zoom.meetings.get(row.meetingExternalId!)).toMatchObject({
      start_time: '2027-03-08T13:00:00Z',
      duration: 30,
    });
  });
});

describe('with links added by mentors (manual)', () => {
  it('approval makes no meeting and asks the mentor for a link, not as a failure', async () => {
    const res = await as(app, admin).put(settingsUrl, { provider: 'manual' });
    expect(res.json()).toMatchObject({ provider: 'manual', zoom: { clientSecretSet: true } });
    const from = zoom.seen.length;
    const id = await book(mentee, '2027-03-09T09:00:00Z');
    expect(await decide(id, 'approve')).toMatchObject({ status: 'approved', meetingUrl: null });
    expect(zoom.since(from)).toEqual([]);
    const titles = await mentorNotifications();
    expect(titles).toContain(
      'Add a meeting link for your session with Milo Mentee on Tue 9 Mar, 09:00 (London time)',
    );
  });

  it('a Zoom meeting made before the switch is still deleted on cancellation', async () => {
    expect((await useZoom()).statusCode).toBe(200);
    const id = await book(mentee, '2027-03-10T09:00:00Z');
    await decide(id, 'approve');
    const externalId = (await rowOf(id)).meetingExternalId!;
    await as(app, admin).put(settingsUrl, { provider: 'jitsi' });
    await decide(id, 'cancel', { reason: 'Ill' });
    expect(zoom.meetings.has(externalId)).toBe(false);
  });
});
