import { beforeAll, describe, expect, it } from 'vitest';
import { addMember, as, createOrgWithAdmin, type Session } from '../factories.ts';
import { createTestApp } from '../support/test-app.ts';

/**
 * Issue #13 "suggested matches": each unmatched mentee of a matched program
 * with the mentors who fit best, the score explained; accepting one is the
 * ordinary match, after which the mentee is no longer suggested.
 */
const { app } = await createTestApp();

let admin: Session;
let orgId: string;
let programId: string;
const people: Record<string, Session> = {};

async function join(name: string, role: 'mentor' | 'mentee', profile: Record<string, unknown>) {
  const who = await addMember(app, admin, orgId, { name, programId, programRole: role });
  const res = await as(app, who).patch('/api/me/profile', profile);
  expect(res.statusCode, res.body).toBe(200);
  people[name] = who;
}

const suggestions = async (who = admin) =>
  as(app, who).get(`/api/orgs/${orgId}/programs/${programId}/match-suggestions`);

beforeAll(async () => {
  ({ admin, orgId } = await createOrgWithAdmin(app, 'Suggestions Org'));
  programId = (
    await as(app, admin).post(`/api/orgs/${orgId}/programs`, { name: 'Cohort', mode: 'matched' })
  ).json().id;
  await join('Dana Data', 'mentor', { skills: ['Python', 'Data science', 'SQL'] });
  await join('Lee Lead', 'mentor', { skills: ['Leadership', 'Hiring'] });
  await join('Ana Analyst', 'mentee', {
    skills: ['SQL'],
    shortTermGoals: 'Learn Python for data science projects',
  });
  await join('Max Manager', 'mentee', { longTermGoals: 'Grow into leadership and hiring well' });
});

describe('suggested matches', () => {
  it('ranks mentors for each unmatched mentee by shared skills, room and responsiveness, explained', async () => {
    const res = await suggestions();
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().unmatched).toBe(2);
    const byMentee = new Map(
      (res.json().suggestions as { menteeName: string; mentors: unknown[] }[]).map((s) => [
        s.menteeName,
        s.mentors,
      ]),
    );
    expect(byMentee.get('Ana Analyst')?.[0]).toEqual({
      mentorId: people['Dana Data']!.userId,
      mentorName: 'Dana Data',
      score: 60 + 20,
      sharedSkills: ['Python', 'Data science', 'SQL'],
      reasons: [
        'asks for Python, Data science, SQL',
        'no limit on matches (0 now)',
        'no bookings yet to judge responsiveness',
      ],
    });
    expect(byMentee.get('Max Manager')?.[0]).toMatchObject({
      mentorName: 'Lee Lead',
      sharedSkills: ['Leadership', 'Hiring'],
    });
  });

  it('accepting one matches them; the mentee leaves the list and a full mentor is not offered', async () => {
    const capacity = await as(app, admin).put(
      `/api/orgs/${orgId}/programs/${programId}/mentors/${people['Lee Lead']!.userId}/match-capacity`,
      { matchCapacity: 1 },
    );
    expect(capacity.statusCode, capacity.body).toBe(204);
    const made = await as(app, admin).post(`/api/orgs/${orgId}/programs/${programId}/matches`, {
      mentorId: people['Lee Lead']!.userId,
      menteeId: people['Max Manager']!.userId,
    });
    expect(made.statusCode, made.body).toBe(201);
    const after = (await suggestions()).json().suggestions as {
      menteeName: string;
      mentors: { mentorName: string }[];
    }[];
    expect(after.map((s) => s.menteeName)).toEqual(['Ana Analyst']);
    expect(after[0]?.mentors.map((m) => m.mentorName)).toEqual(['Dana Data']);
  });

  it('is for admins only', async () => {
    const res = await suggestions(people['Ana Analyst']);
    expect(res.statusCode).toBe(403);
  });
});
