import { beforeAll, describe, expect, it } from 'vitest';
import { addMember, as, createOrgWithAdmin, type Session } from '../factories.ts';
import { createTestApp } from '../support/test-app.ts';

const { app } = await createTestApp();

let orgId: string;
let programId: string;
let admin: Session;
let mentor: Session;
let mentees: Session[];

beforeAll(async () => {
  ({ admin, orgId } = await createOrgWithAdmin(app, 'Matches Org'));
  programId = (
    await as(app, admin).post(`/api/orgs/${orgId}/programs`, { name: 'Circle', mode: 'matched' })
  ).json().id;
  mentor = await addMember(app, admin, orgId, {
    name: 'Mo Mentor',
    programId,
    programRole: 'mentor',
  });
  mentees = [];
  for (const name of ['Ada One', 'Ben Two', 'Cy Three']) {
    mentees.push(await addMember(app, admin, orgId, { name, programId, programRole: 'mentee' }));
  }
});

const match = (mentee: Session) =>
  as(app, admin).post(`/api/orgs/${orgId}/programs/${programId}/matches`, {
    mentorId: mentor.userId,
    menteeId: mentee.userId,
  });

describe('matches with a capacity per mentor', () => {
  it('refuses a match beyond the mentor’s capacity, also when two are made at once', async () => {
    const capacity = await as(app, admin).put(
      `/api/orgs/${orgId}/programs/${programId}/mentors/${mentor.userId}/match-capacity`,
      { matchCapacity: 2 },
    );
    expect(capacity.statusCode, capacity.body).toBe(204);
    expect((await match(mentees[0]!)).statusCode).toBe(201);
    const racing = await Promise.all([match(mentees[1]!), match(mentees[2]!)]);
    expect(racing.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(racing.find((r) => r.statusCode === 409)?.json().error.reason).toBe(
      'mentor_at_capacity',
    );

    const listed = (
      await as(app, admin).get(`/api/orgs/${orgId}/programs/${programId}/matches`)
    ).json();
    expect(listed.matches).toHaveLength(2);
    expect(listed.mentors).toEqual([
      { userId: mentor.userId, name: 'Mo Mentor', matchCapacity: 2, activeMatches: 2 },
    ]);
  });

  it('only admins set capacity; bad values name the field', async () => {
    const url = `/api/orgs/${orgId}/programs/${programId}/mentors/${mentor.userId}/match-capacity`;
    expect((await as(app, mentor).put(url, { matchCapacity: 9 })).statusCode).toBe(403);
    const bad = await as(app, admin).put(url, { matchCapacity: -1 });
    expect(Object.keys(bad.json().error.fields)).toEqual(['body.matchCapacity']);
    const notMentor = await as(app, admin).put(
      `/api/orgs/${orgId}/programs/${programId}/mentors/${mentees[0]!.userId}/match-capacity`,
      { matchCapacity: 1 },
    );
    expect(notMentor.statusCode).toBe(404);
    expect((await as(app, admin).put(url, { matchCapacity: null })).statusCode).toBe(204);
  });

  it('the Matches tab lists my matches in my role', async () => {
    const mine = (await as(app, mentees[0]!).get(`/api/orgs/${orgId}/me/matches`)).json().matches;
    expect(mine).toEqual([
      expect.objectContaining({
        programName: 'Circle',
        role: 'mentee',
        other: expect.objectContaining({ userId: mentor.userId, name: 'Mo Mentor' }),
      }),
    ]);
    const theirs = (await as(app, mentor).get(`/api/orgs/${orgId}/me/matches`)).json().matches;
    expect(theirs.map((m: { role: string }) => m.role)).toEqual(['mentor', 'mentor']);
    const { admin: outsider } = await createOrgWithAdmin(app, 'Elsewhere');
    expect((await as(app, outsider).get(`/api/orgs/${orgId}/me/matches`)).statusCode).toBe(404);
  });
});
