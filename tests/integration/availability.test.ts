import { beforeAll, describe, expect, it } from 'vitest';
import { addMember, as, createOrgWithAdmin, type Session } from '../factories.ts';
import { createTestApp } from '../support/test-app.ts';

const { app, clock } = await createTestApp();
// A Monday in winter: London on GMT, New York on EST; New York changes on 14 March 2027, London on 28 March.
clock.set(new Date('2027-03-01T00:00:00Z'));

let orgId: string;
let programId: string;
let groupId: string;
let admin: Session;
let mentor: Session;
let inGroup: Session;
let outsideGroup: Session;

const weeklyTuesday = {
  timeZone: 'Europe/London',
  slotLengths: [30],
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 0,
  minimumNoticeMinutes: 60,
  horizonDays: 60,
  weekly: [{ weekday: 2, start: '17:00', end: '19:00' }],
};

beforeAll(async () => {
  ({ admin, orgId } = await createOrgWithAdmin(app, 'Time Org'));
  programId = (
    await as(app, admin).post(`/api/orgs/${orgId}/programs`, { name: 'Open', mode: 'a_la_carte' })
  ).json().id;
  groupId = (await as(app, admin).post(`/api/orgs/${orgId}/groups`, { name: 'Designers' })).json()
    .id;
  mentor = await addMember(app, admin, orgId, {
    name: 'Maya Mentor',
    programId,
    programRole: 'mentor',
  });
  inGroup = await addMember(app, admin, orgId, {
    name: 'Gina Group',
    programId,
    programRole: 'mentee',
  });
  outsideGroup = await addMember(app, admin, orgId, {
    name: 'Otto Outside',
    programId,
    programRole: 'mentee',
  });
  await as(app, mentor).patch('/api/me/profile', { timeZone: 'Europe/London' });
  await as(app, inGroup).patch('/api/me/profile', { timeZone: 'America/New_York' });
  await as(app, admin).put(`/api/orgs/${orgId}/groups/${groupId}/members/${inGroup.userId}`);
});

function slotsFor(viewer: Session, from: string, to: string, tz = 'America/New_York') {
  return as(app, viewer).get(
    `/api/orgs/${orgId}/mentors/${mentor.userId}/slots?from=${from}&to=${to}&tz=${encodeURIComponent(tz)}`,
  );
}

describe('weekly availability', () => {
  it('saves weekly hours and shows them to a mentee in New York at 12:00–14:00, or 13:00 when only one side changed clocks', async () => {
    const saved = await as(app, mentor).put('/api/me/availability', weeklyTuesday);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().weekly).toEqual([{ weekday: 2, start: '17:00', end: '19:00' }]);

    const winter = (await slotsFor(inGroup, '2027-03-02T00:00:00Z', '2027-03-03T00:00:00Z')).json();
    expect(winter.slots.map((s: { viewerLocal: string }) => s.viewerLocal.slice(11, 16))).toEqual([
      '12:00',
      '12:30',
      '13:00',
      '13:30',
    ]);
    expect(winter.slots.map((s: { mentorLocal: string }) => s.mentorLocal.slice(11, 16))).toEqual([
      '17:00',
      '17:30',
      '18:00',
      '18:30',
    ]);
    expect(winter.mentor).toMatchObject({ name: 'Maya Mentor', timeZone: 'Europe/London' });

    const between = (
      await slotsFor(inGroup, '2027-03-16T00:00:00Z', '2027-03-17T00:00:00Z')
    ).json();
    expect(between.slots[0].viewerLocal).toBe('2027-03-16T13:00-04:00');
    expect(between.slots[0].start).toBe('2027-03-16T17:00:00.000Z');
    const summer = (await slotsFor(inGroup, '2027-03-30T00:00:00Z', '2027-03-31T00:00:00Z')).json();
    expect(summer.slots[0].viewerLocal).toBe('2027-03-30T12:00-04:00');
  });

  it('applies a date override and a day off', async () => {
    await as(app, mentor).put('/api/me/availability', weeklyTuesday);
    await as(app, mentor).put('/api/me/availability/overrides/2027-03-09', { ranges: [] });
    const off = (await slotsFor(inGroup, '2027-03-09T00:00:00Z', '2027-03-10T00:00:00Z')).json();
    expect(off.slots).toEqual([]);
    const other = await as(app, mentor).put('/api/me/availability/overrides/2027-03-10', {
      ranges: [{ start: '09:00', end: '10:00' }],
    });
    expect(other.json().overrides).toEqual([
      { date: '2027-03-09', ranges: [] },
      { date: '2027-03-10', ranges: [{ start: '09:00', end: '10:00' }] },
    ]);
    const wednesday = (
      await slotsFor(inGroup, '2027-03-10T00:00:00Z', '2027-03-11T00:00:00Z', 'Europe/London')
    ).json();
    expect(
      wednesday.slots.map((s: { viewerLocal: string }) => s.viewerLocal.slice(11, 16)),
    ).toEqual(['09:00', '09:30']);
    expect(
      (await as(app, mentor).delete('/api/me/availability/overrides/2027-03-09')).statusCode,
    ).toBe(204);
    expect(
      (await as(app, mentor).delete('/api/me/availability/overrides/2027-03-09')).statusCode,
    ).toBe(404);
  });

  it('refuses bad input naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ ...weeklyTuesday, timeZone: 'Europe/Atlantis' }, 'body.timeZone'],
      [
        { ...weeklyTuesday, weekly: [{ weekday: 8, start: '09:00', end: '10:00' }] },
        'body.weekly.0.weekday',
      ],
      [
        { ...weeklyTuesday, weekly: [{ weekday: 2, start: '25:00', end: '10:00' }] },
        'body.weekly.0.start',
      ],
      [
        { ...weeklyTuesday, weekly: [{ weekday: 2, start: '10:00', end: '10:00' }] },
        'body.weekly.0.end',
      ],
      [{ ...weeklyTuesday, slotLengths: [0] }, 'body.slotLengths.0'],
    ];
    for (const [body, field] of cases) {
      const res = await as(app, mentor).put('/api/me/availability', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(Object.keys(res.json().error.fields)).toContain(field);
    }
    const backwards = await slotsFor(inGroup, '2027-03-10T00:00:00Z', '2027-03-09T00:00:00Z');
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.fields).toEqual({ 'query.to': 'must be after from' });
    const badZone = await slotsFor(
      inGroup,
      '2027-03-09T00:00:00Z',
      '2027-03-10T00:00:00Z',
      'Mars/Base',
    );
    expect(Object.keys(badZone.json().error.fields)).toEqual(['query.tz']);
    const badDate = await as(app, mentor).put('/api/me/availability/overrides/2027-02-30', {
      ranges: [],
    });
    expect(Object.keys(badDate.json().error.fields)).toEqual(['params.date']);
  });
});

const sessionBody = (over: Record<string, unknown> = {}) => ({
  programId,
  mentorId: mentor.userId,
  title: 'Portfolio review',
  date: '2027-03-04',
  startTime: '17:00',
  durationMinutes: 60,
  location: 'Studio 4, London',
  locationTimeZone: 'Europe/London',
  enrollment: 'in_person',
  groupIds: [],
  publish: true,
  ...over,
});

describe('published sessions', () => {
  it('shows a group-restricted session only to members of that group, and never a draft to mentees', async () => {
    const restricted = await as(app, mentor).post(
      `/api/orgs/${orgId}/sessions`,
      sessionBody({ groupIds: [groupId] }),
    );
    expect(restricted.statusCode, restricted.body).toBe(201);
    expect(restricted.json()).toMatchObject({
      status: 'published',
      startsAt: '2027-03-04T17:00:00.000Z',
      groupIds: [groupId],
    });
    const draft = await as(app, mentor).post(
      `/api/orgs/${orgId}/sessions`,
      sessionBody({ date: '2027-03-05', publish: false }),
    );
    expect(draft.json().status).toBe('draft');

    const seen = (viewer: Session) =>
      slotsFor(viewer, '2027-03-01T00:00:00Z', '2027-03-08T00:00:00Z').then((r) =>
        r
          .json()
          .slots.filter((s: { kind: string }) => s.kind === 'session')
          .map((s: { sessionId: string }) => s.sessionId),
      );
    expect(await seen(inGroup)).toEqual([restricted.json().id]);
    expect(await seen(outsideGroup)).toEqual([]);
    const listedForOutsider = (
      await as(app, outsideGroup).get(`/api/orgs/${orgId}/sessions`)
    ).json().sessions;
    expect(listedForOutsider).toEqual([]);
    expect(
      (await as(app, outsideGroup).get(`/api/orgs/${orgId}/sessions/${restricted.json().id}`))
        .statusCode,
    ).toBe(404);
    expect(
      (await as(app, admin).get(`/api/orgs/${orgId}/sessions/${draft.json().id}`)).statusCode,
    ).toBe(200);

    const published = await as(app, mentor).post(
      `/api/orgs/${orgId}/sessions/${draft.json().id}/publish`,
    );
    expect(published.json().status).toBe('published');
    expect(await seen(outsideGroup)).toEqual([draft.json().id]);
  });

  it('refuses an overlapping session with a message naming the clash', async () => {
    await as(app, mentor).post(
      `/api/orgs/${orgId}/sessions`,
      sessionBody({ date: '2027-04-06', startTime: '10:00', title: 'Morning clinic' }),
    );
    const clash = await as(app, mentor).post(
      `/api/orgs/${orgId}/sessions`,
      sessionBody({ date: '2027-04-06', startTime: '10:30' }),
    );
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.message).toBe(
      'Overlaps “Morning clinic” on 2027-04-06 10:00–11:00 (Europe/London)',
    );
    const adjacent = await as(app, mentor).post(
      `/api/orgs/${orgId}/sessions`,
      sessionBody({ date: '2027-04-06', startTime: '11:00' }),
    );
    expect(adjacent.statusCode).toBe(201);
  });

  it('lets exactly one of ten racing overlapping sessions in, and answers the rest 409, never 500', async () => {
    const attempts = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        as(app, i % 2 ? admin : mentor).post(
          `/api/orgs/${orgId}/sessions`,
          sessionBody({ date: '2027-07-06', startTime: `10:${String(i * 5).padStart(2, '0')}` }),
        ),
      ),
    );
    const statuses = attempts.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([201, ...Array(9).fill(409)]);
  });

  it('takes busy session time out of the weekly slots', async () => {
    await as(app, mentor).put('/api/me/availability', { ...weeklyTuesday, bufferAfterMinutes: 30 });
    await as(app, mentor).post(
      `/api/orgs/${orgId}/sessions`,
      sessionBody({ date: '2027-04-13', startTime: '17:00', durationMinutes: 30, publish: false }),
    );
    const slots = (
      await slotsFor(inGroup, '2027-04-13T00:00:00Z', '2027-04-14T00:00:00Z', 'Europe/London')
    ).json().slots;
    expect(slots.map((s: { viewerLocal: string }) => s.viewerLocal.slice(11, 16))).toEqual([
      '18:00',
      '18:30',
    ]);
  });

  it('adds a mentee directly: the session is on their Sessions list, confirmed', async () => {
    const direct = await as(app, admin).post(
      `/api/orgs/${orgId}/sessions`,
      sessionBody({ date: '2027-04-20', menteeId: outsideGroup.userId }),
    );
    expect(direct.statusCode, direct.body).toBe(201);
    const mine = (await as(app, outsideGroup).get('/api/me/sessions')).json().sessions;
    expect(mine.map((s: { id: string }) => s.id)).toContain(direct.json().id);
    expect(direct.json().enrolled).toEqual([
      { userId: outsideGroup.userId, name: 'Otto Outside', outcome: null, rating: null },
    ]);
  });

  it('duplicates without enrolled mentees, and bulk-duplicates weekly at the same local time with them', async () => {
    const original = (
      await as(app, mentor).post(
        `/api/orgs/${orgId}/sessions`,
        sessionBody({
          date: '2027-05-04',
          startTime: '08:00',
          menteeId: inGroup.userId,
          title: 'Weekly check-in',
        }),
      )
    ).json();
    const single = await as(app, mentor).post(
      `/api/orgs/${orgId}/sessions/${original.id}/duplicate`,
      {
        date: '2027-05-05',
        startTime: '08:00',
        publish: true,
      },
    );
    expect(single.statusCode, single.body).toBe(201);
    expect(single.json().enrolled).toEqual([]);

    const series = await as(app, mentor).post(
      `/api/orgs/${orgId}/sessions/${original.id}/bulk-duplicate`,
      {
        interval: 1,
        unit: 'weeks',
        count: 3,
        publish: true,
      },
    );
    expect(series.statusCode, series.body).toBe(201);
    const copies = series.json().sessions as {
      startsAt: string;
      enrolled: unknown[];
      seriesId: string;
    }[];
    expect(copies.map((c) => c.startsAt)).toEqual([
      '2027-05-11T07:00:00.000Z',
      '2027-05-18T07:00:00.000Z',
      '2027-05-25T07:00:00.000Z',
    ]);
    expect(copies.every((c) => c.enrolled.length === 1 && c.seriesId === original.id)).toBe(true);

    const tooMany = await as(app, mentor).post(
      `/api/orgs/${orgId}/sessions/${original.id}/bulk-duplicate`,
      {
        interval: 1,
        unit: 'days',
        count: 201,
      },
    );
    expect(tooMany.statusCode).toBe(400);
    expect(Object.keys(tooMany.json().error.fields)).toEqual(['body.count']);
    // A series that would clash is refused whole.
    const clashing = await as(app, mentor).post(
      `/api/orgs/${orgId}/sessions/${original.id}/bulk-duplicate`,
      {
        interval: 1,
        unit: 'days',
        count: 10,
      },
    );
    expect(clashing.statusCode).toBe(409);
    const all = (
      await as(app, mentor).get(
        `/api/orgs/${orgId}/sessions?from=2027-05-04T00:00:00Z&to=2027-05-16T00:00:00Z`,
      )
    ).json().sessions;
    expect(all).toHaveLength(3);
    // Filtered by program (Admin → Sessions): this program's, and none of another.
    const range = 'from=2027-05-04T00:00:00Z&to=2027-05-16T00:00:00Z';
    const inProgram = await as(app, mentor).get(
      `/api/orgs/${orgId}/sessions?${range}&programId=${programId}`,
    );
    expect(inProgram.json().sessions).toHaveLength(3);
    const elsewhere = await as(app, mentor).get(
      `/api/orgs/${orgId}/sessions?${range}&programId=00000000-0000-4000-8000-000000000000`,
    );
    expect(elsewhere.json().sessions).toEqual([]);
  });

  it('keeps an in-person London session at 14:00 London when a New York mentor duplicates, bulk-duplicates or moves it (#9 item 21)', async () => {
    await as(app, mentor).patch('/api/me/profile', { timeZone: 'America/New_York' });
    try {
      // 23 March: London still on GMT, New York already on EDT; London changes on the 28th.
      const created = await as(app, mentor).post(
        `/api/orgs/${orgId}/sessions`,
        sessionBody({ date: '2027-03-23', startTime: '14:00', timeZone: 'Europe/London' }),
      );
      expect(created.statusCode, created.body).toBe(201);
      const first = created.json();
      expect(first.startsAt).toBe('2027-03-23T14:00:00.000Z');
      expect(first.wallTimeZone).toBe('Europe/London');
      const series = await as(app, mentor).post(
        `/api/orgs/${orgId}/sessions/${first.id}/bulk-duplicate`,
        { interval: 1, unit: 'weeks', count: 2 },
      );
      expect(series.statusCode, series.body).toBe(201);
      // 14:00 BST each week.
      expect(series.json().sessions.map((c: { startsAt: string }) => c.startsAt)).toEqual([
        '2027-03-30T13:00:00.000Z',
        '2027-04-06T13:00:00.000Z',
      ]);
      // A single copy's date and start time are read on the location's clock.
      const single = await as(app, mentor).post(
        `/api/orgs/${orgId}/sessions/${first.id}/duplicate`,
        { date: '2027-04-20', startTime: '14:00', publish: true },
      );
      expect(single.statusCode, single.body).toBe(201);
      expect(single.json().startsAt).toBe('2027-04-20T13:00:00.000Z');
      // Moved to another date, it keeps its 14:00 London.
      const moved = await as(app, mentor).patch(`/api/orgs/${orgId}/sessions/${first.id}`, {
        date: '2027-04-27',
      });
      expect(moved.statusCode, moved.body).toBe(200);
      expect(moved.json().startsAt).toBe('2027-04-27T13:00:00.000Z');
    } finally {
      await as(app, mentor).patch('/api/me/profile', { timeZone: 'Europe/London' });
    }
  });

  it('keeps a weekly series at 10:00 New York across the change to summer time', async () => {
    await as(app, mentor).patch('/api/me/profile', { timeZone: 'America/New_York' });
    try {
      const first = (
        await as(app, mentor).post(
          `/api/orgs/${orgId}/sessions`,
          sessionBody({
            date: '2027-03-09',
            startTime: '10:00',
            timeZone: 'America/New_York',
            // Online: the mentor's clock defines its wall time.
            enrollment: 'online',
            meetingUrl: 'https://meet.example/weekly',
          }),
        )
      ).json();
      const copies = (
        await as(app, mentor).post(`/api/orgs/${orgId}/sessions/${first.id}/bulk-duplicate`, {
          interval: 1,
          unit: 'weeks',
          count: 1,
        })
      ).json().sessions;
      expect([first.startsAt, copies[0].startsAt]).toEqual([
        '2027-03-09T15:00:00.000Z',
        '2027-03-16T14:00:00.000Z',
      ]);
    } finally {
      await as(app, mentor).patch('/api/me/profile', { timeZone: 'Europe/London' });
    }
  });

  it('refuses bad sessions naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [sessionBody({ durationMinutes: 0 }), 'body.durationMinutes'],
      [sessionBody({ durationMinutes: 24 * 60 + 1 }), 'body.durationMinutes'],
      [sessionBody({ date: '2027-02-01' }), 'body.date'],
      [sessionBody({ enrollment: 'online' }), 'body.meetingUrl'],
      [
        sessionBody({ enrollment: 'online', meetingUrl: 'ftp://example.test/room' }),
        'body.meetingUrl',
      ],
      [sessionBody({ timeZone: 'Nowhere/Land' }), 'body.timeZone'],
      [
        sessionBody({ date: '2027-03-28', startTime: '01:30', timeZone: 'Europe/London' }),
        'body.startTime',
      ],
      [sessionBody({ menteeId: mentor.userId }), 'body.menteeId'],
      [sessionBody({ mentorId: inGroup.userId }), 'body.mentorId'],
    ];
    for (const [body, field] of cases) {
      const res = await as(app, admin).post(`/api/orgs/${orgId}/sessions`, body);
      expect(res.statusCode, `${field}: ${res.body}`).toBe(400);
      expect(Object.keys(res.json().error.fields)).toContain(field);
    }
  });

  it('lets only the mentor or an admin manage sessions, and hides everything from outsiders', async () => {
    const asMentee = await as(app, inGroup).post(
      `/api/orgs/${orgId}/sessions`,
      sessionBody({ date: '2027-06-01' }),
    );
    expect(asMentee.statusCode).toBe(403);
    const s = (
      await as(app, mentor).post(`/api/orgs/${orgId}/sessions`, sessionBody({ date: '2027-06-02' }))
    ).json();
    expect(
      (await as(app, inGroup).post(`/api/orgs/${orgId}/sessions/${s.id}/cancel`, { reason: 'no' }))
        .statusCode,
    ).toBe(403);
    const { admin: outsider } = await createOrgWithAdmin(app, 'Elsewhere');
    for (const res of await Promise.all([
      as(app, outsider).get(`/api/orgs/${orgId}/sessions/${s.id}`),
      as(app, outsider).get(`/api/orgs/${orgId}/mentors`),
      slotsFor(outsider, '2027-06-01T00:00:00Z', '2027-06-02T00:00:00Z'),
      as(app, outsider).post(`/api/orgs/${orgId}/sessions/${s.id}/cancel`, { reason: 'x' }),
    ])) {
      expect(res.statusCode).toBe(404);
    }
    const cancelled = await as(app, mentor).post(`/api/orgs/${orgId}/sessions/${s.id}/cancel`, {
      reason: 'Travelling',
    });
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', cancelReason: 'Travelling' });
    const again = await as(app, mentor).post(`/api/orgs/${orgId}/sessions/${s.id}/publish`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('Cannot publish a cancelled session');
  });

  it('lists mentors with their next free slot', async () => {
    const mentors = (await as(app, inGroup).get(`/api/orgs/${orgId}/mentors`)).json().mentors;
    expect(mentors).toEqual([
      expect.objectContaining({ userId: mentor.userId, name: 'Maya Mentor' }),
    ]);
    expect(mentors[0].nextSlot).not.toBeNull();
  });
});

describe('matched programs', () => {
  it('shows a mentor of a matched program only to their matched mentees', async () => {
    const matched = (
      await as(app, admin).post(`/api/orgs/${orgId}/programs`, { name: 'Circle', mode: 'matched' })
    ).json().id;
    const lead = await addMember(app, admin, orgId, {
      name: 'Lena Lead',
      programId: matched,
      programRole: 'mentor',
    });
    const paired = await addMember(app, admin, orgId, {
      name: 'Pat Paired',
      programId: matched,
      programRole: 'mentee',
    });
    const unpaired = await addMember(app, admin, orgId, {
      name: 'Una Unpaired',
      programId: matched,
      programRole: 'mentee',
    });
    await as(app, lead).put('/api/me/availability', {
      ...weeklyTuesday,
      weekly: [{ weekday: 2, start: '09:00', end: '10:00' }],
    });
    await as(app, lead).post(
      `/api/orgs/${orgId}/sessions`,
      sessionBody({ programId: matched, mentorId: lead.userId, date: '2027-03-03' }),
    );

    const slotsOf = async (viewer: Session) =>
      (
        await as(app, viewer).get(
          `/api/orgs/${orgId}/mentors/${lead.userId}/slots?from=2027-03-01T00:00:00Z&to=2027-03-08T00:00:00Z&tz=UTC`,
        )
      )
        .json()
        .slots.map((s: { kind: string }) => s.kind);
    expect(await slotsOf(paired)).toEqual([]);

    const notMatched = await as(app, admin).post(
      `/api/orgs/${orgId}/programs/${programId}/matches`,
      {
        mentorId: mentor.userId,
        menteeId: inGroup.userId,
      },
    );
    expect(notMatched.statusCode).toBe(409); // an à-la-carte program has no matches
    const wrongRole = await as(app, admin).post(`/api/orgs/${orgId}/programs/${matched}/matches`, {
      mentorId: paired.userId,
      menteeId: unpaired.userId,
    });
    expect(Object.keys(wrongRole.json().error.fields)).toEqual(['body.mentorId']);
    expect(
      (
        await as(app, paired).post(`/api/orgs/${orgId}/programs/${matched}/matches`, {
          mentorId: lead.userId,
          menteeId: paired.userId,
        })
      ).statusCode,
    ).toBe(403);

    const made = await as(app, admin).post(`/api/orgs/${orgId}/programs/${matched}/matches`, {
      mentorId: lead.userId,
      menteeId: paired.userId,
    });
    expect(made.statusCode).toBe(201);
    expect(await slotsOf(paired)).toEqual(['weekly', 'weekly', 'session']);
    expect(await slotsOf(unpaired)).toEqual([]);
    const twice = await as(app, admin).post(`/api/orgs/${orgId}/programs/${matched}/matches`, {
      mentorId: lead.userId,
      menteeId: paired.userId,
    });
    expect(twice.statusCode).toBe(409);

    expect(
      (
        await as(app, admin).delete(
          `/api/orgs/${orgId}/programs/${matched}/matches/${made.json().id}`,
        )
      ).statusCode,
    ).toBe(204);
    expect(await slotsOf(paired)).toEqual([]);

    // Leaving the program ends the match too.
    await as(app, admin).post(`/api/orgs/${orgId}/programs/${matched}/matches`, {
      mentorId: lead.userId,
      menteeId: unpaired.userId,
    });
    expect(await slotsOf(unpaired)).toHaveLength(3);
    await as(app, admin).delete(
      `/api/orgs/${orgId}/programs/${matched}/members/${unpaired.userId}`,
    );
    await as(app, admin).put(`/api/orgs/${orgId}/programs/${matched}/members/${unpaired.userId}`, {
      role: 'mentee',
    });
    expect(await slotsOf(unpaired)).toEqual([]);
    const listed = (
      await as(app, admin).get(`/api/orgs/${orgId}/programs/${matched}/matches`)
    ).json().matches;
    expect(listed).toEqual([]);
  });
});
