import { describe, expect, it } from 'vitest';
import { setDatabaseKind } from '../../src/db/queries/meta.ts';
import { meta, users } from '../../src/db/schema.ts';
import { createServiceContext } from '../../src/services/context.ts';
import { DEMO_PASSWORD, seedDemo } from '../../src/services/seed-demo.ts';
import { as, signIn } from '../factories.ts';
import { createTestApp, openTestDatabase } from '../support/test-app.ts';

const { app, database } = await createTestApp();

describe('demo seed', () => {
  it('creates the demo organisation that a new user can sign in to', async () => {
    const summary = await seedDemo(createServiceContext(database.db));
    expect(summary.mentors).toHaveLength(3);
    expect(summary.mentees).toHaveLength(5);

    // Demo people are offered for one-click sign-in only on a database marked demo, never here.
    const offered = await app.inject({ method: 'GET', url: '/api/auth/demo' });
    expect(offered.json()).toEqual({ password: null, accounts: [] });

    const admin = await signIn(app, summary.admin, DEMO_PASSWORD);
    const [org] = (await as(app, admin).get('/api/orgs')).json().organisations;
    expect(org).toMatchObject({ name: 'Northwind Mentoring', role: 'admin' });
    const programs = (await as(app, admin).get(`/api/orgs/${org.id}/programs`)).json().programs;
    expect(programs.map((p: { mode: string }) => p.mode).sort()).toEqual(['a_la_carte', 'matched']);
    const groups = (await as(app, admin).get(`/api/orgs/${org.id}/groups`)).json().groups;
    expect(groups).toHaveLength(2);
    const members = (await as(app, admin).get(`/api/orgs/${org.id}/members`)).json().members;
    expect(members).toHaveLength(9);

    const mentee = await signIn(app, summary.mentees[0]!, DEMO_PASSWORD);
    // The session says what applies to each person there: a schedule for mentors, matches in a matched program.
    const sessionOf = async (who: typeof admin) =>
      (await as(app, who).get('/api/auth/session')).json().user.organisations[0];
    expect(await sessionOf(admin)).toMatchObject({ mentors: false, inMatchedProgram: false });
    const mayaNow = await signIn(app, 'maya@demo.confer.test', DEMO_PASSWORD);
    expect(await sessionOf(mayaNow)).toMatchObject({ mentors: true, inMatchedProgram: true });
    const samSession = await signIn(app, 'sam@demo.confer.test', DEMO_PASSWORD);
    expect(await sessionOf(samSession)).toMatchObject({ mentors: false, inMatchedProgram: true });
    const profile = (await as(app, mentee).get('/api/me/profile')).json();
    expect(profile.bio).not.toBe('');
    expect(profile.skills.length).toBeGreaterThan(0);

    // A person can be a mentor in one program and a mentee in another.
    const dual = members.find(
      (m: { programs: { role: string }[] }) => new Set(m.programs.map((p) => p.role)).size === 2,
    );
    expect(dual).toBeTruthy();

    // Schedules: Maya's weekly hours and her Product-only clinic; Sam is booked on a fortnightly check-in.
    const sam = await signIn(app, 'sam@demo.confer.test', DEMO_PASSWORD);
    const aiko = await signIn(app, 'aiko@demo.confer.test', DEMO_PASSWORD);
    const maya = members.find((m: { name: string }) => m.name === 'Maya Okafor');
    const slotsOf = async (who: typeof sam) =>
      (
        await as(app, who).get(
          `/api/orgs/${org.id}/mentors/${maya.userId}/slots?tz=America/New_York`,
        )
      ).json().slots as {
        kind: string;
        session?: { title: string };
      }[];
    const samSees = await slotsOf(sam);
    expect(samSees.filter((s) => s.kind === 'weekly').length).toBeGreaterThan(0);
    expect(samSees.some((s) => s.session?.title === 'Product career clinic')).toBe(true);
    expect((await slotsOf(aiko)).some((s) => s.kind === 'session')).toBe(false);
    const samSessions = (await as(app, sam).get('/api/me/sessions')).json().sessions;
    expect(
      samSessions.filter((s: { title: string }) => s.title === 'Leadership check-in'),
    ).toHaveLength(5);

    // Bookings: a paid request waiting for Maya and a suggestion waiting for Zanele.
    const mayaSession = await signIn(app, 'maya@demo.confer.test', DEMO_PASSWORD);
    const pending = (await as(app, mayaSession).get('/api/me/pending-bookings')).json().bookings;
    expect(
      pending
        .map(
          (b: { mentee: { name: string }; awaiting: string }) => `${b.mentee.name}:${b.awaiting}`,
        )
        .sort(),
    ).toEqual(['Sam Lee:mentor', 'Zanele Dlamini:mentee']);
    expect(
      pending.find((b: { mentee: { name: string } }) => b.mentee.name === 'Sam Lee'),
    ).toMatchObject({
      price: { amountMinor: 4500, currency: 'EUR' },
      payment: 'held',
    });
    const aikoBookings = (await as(app, aiko).get('/api/me/bookings')).json().bookings as {
      status: string;
      startsAt: string;
    }[];
    const upcoming = aikoBookings.filter((b) => Date.parse(b.startsAt) > Date.now());
    expect(upcoming.map((b) => b.status)).toEqual(['approved']);
    // …and a history: weeks of past sessions with Diego, most of them held.
    const past = aikoBookings.filter((b) => Date.parse(b.startsAt) < Date.now());
    expect(past.length).toBeGreaterThanOrEqual(6);
    expect(past.filter((b) => b.status === 'completed').length).toBeGreaterThan(past.length / 2);

    // The history is there to report on: every kind of outcome, weeks of sessions, ratings.
    const reports = (
      await as(app, admin).get(`/api/orgs/${summary.orgId}/reports?timeZone=Europe/Dublin`)
    ).json();
    const heldWeeks = reports.sessionsPerWeek.filter((w: { completed: number }) => w.completed > 0);
    expect(heldWeeks.length).toBeGreaterThanOrEqual(6);
    for (const outcome of [
      'rejected',
      'expired',
      'cancelledEarly',
      'cancelledLate',
      'noShowMentee',
      'noShowMentor',
    ]) {
      expect(reports.outcomes[outcome], outcome).toBeGreaterThan(0);
    }
    expect(reports.ratings.byMentees.count).toBeGreaterThan(10);
    expect(reports.answerTimes.answered).toBeGreaterThanOrEqual(5);
    // History notifies nobody: the bell holds only today's news.
    const bell = (await as(app, aiko).get('/api/me/notifications')).json();
    expect(JSON.stringify(bell)).not.toContain('completed');
    // Aiko is only in Open Mentoring: Priya, matched-only in the Leadership Circle, is not hers to book.
    const aikoDirectory = (await as(app, aiko).get(`/api/orgs/${summary.orgId}/mentors`)).json();
    const listed = aikoDirectory.mentors.map((m: { name: string }) => m.name);
    expect(listed).not.toContain('Priya Raman');
    expect(listed).toContain('Maya Okafor');

    // Requests and conversations: Diego has a session request and a message
    // request to answer, and is connected with Aiko, who dismissed his offer.
    const diego = await signIn(app, 'diego@demo.confer.test', DEMO_PASSWORD);
    const requests = (
      await as(app, diego).get(`/api/orgs/${summary.orgId}/mentorship-requests`)
    ).json();
    expect(
      requests.received.map((r: { kind: string; status: string }) => `${r.kind}:${r.status}`),
    ).toEqual(['session_request:pending']);
    expect(
      requests.sent
        .map((r: { other: { name: string }; status: string }) => `${r.other.name}:${r.status}`)
        .sort(),
    ).toEqual(['Aiko Tanaka:pending', 'Zanele Dlamini:pending']);
    const aikoRequests = (
      await as(app, aiko).get(`/api/orgs/${summary.orgId}/mentorship-requests`)
    ).json();
    expect(aikoRequests.received.map((r: { status: string }) => r.status)).toEqual(['dismissed']);
    const messageRequests = (
      await as(app, diego).get(`/api/orgs/${summary.orgId}/message-requests`)
    ).json();
    expect(
      messageRequests.received
        .map((r: { sender: { name: string }; status: string }) => `${r.sender.name}:${r.status}`)
        .sort(),
    ).toEqual(['Aiko Tanaka:accepted', 'Priya Raman:pending']);
    const connections = (await as(app, diego).get(`/api/orgs/${summary.orgId}/connections`)).json()
      .connections;
    expect(connections.map((c: { name: string }) => c.name)).toEqual(['Aiko Tanaka']);
  });

  it('refuses a database marked production, and one with people but no mark', async () => {
    const production = await openTestDatabase();
    try {
      await setDatabaseKind(production.db, 'production');
      await expect(seedDemo(createServiceContext(production.db))).rejects.toThrow(
        /Refusing to seed demo data into a production database/,
      );
    } finally {
      await production.close();
    }
    const unmarked = await openTestDatabase();
    try {
      await unmarked.db.delete(meta);
      await unmarked.db
        .insert(users)
        .values({ email: 'real@example.test', passwordHash: 'x', name: 'Real' });
      await expect(seedDemo(createServiceContext(unmarked.db))).rejects.toThrow(
        /non-empty, unmarked/,
      );
    } finally {
      await unmarked.close();
    }
  });
});
