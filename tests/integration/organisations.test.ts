import { describe, expect, it } from 'vitest';
import {
  addMember,
  as,
  createOrgWithAdmin,
  emailedLink,
  signUp,
  uniqueEmail,
} from '../factories.ts';
import { createTestApp, days } from '../support/test-app.ts';

const { app, clock } = await createTestApp();

async function auditActions(admin: Parameters<typeof as>[1], orgId: string) {
  const res = await as(app, admin).get(`/api/orgs/${orgId}/audit`);
  expect(res.statusCode).toBe(200);
  return res.json().events as {
    action: string;
    subjectId: string;
    actorId: string;
    details: Record<string, unknown>;
  }[];
}

describe('programs and groups', () => {
  it('lets an admin create programs in both modes and groups, and members see them', async () => {
    const { admin, orgId } = await createOrgWithAdmin(app);
    const matched = await as(app, admin).post(`/api/orgs/${orgId}/programs`, {
      name: 'Leaders',
      description: 'Paired by an admin',
      mode: 'matched',
    });
    expect(matched.statusCode).toBe(201);
    const carte = await as(app, admin).post(`/api/orgs/${orgId}/programs`, {
      name: 'Open',
      mode: 'a_la_carte',
    });
    expect(carte.json()).toMatchObject({ name: 'Open', mode: 'a_la_carte', description: '' });
    const group = await as(app, admin).post(`/api/orgs/${orgId}/groups`, { name: 'Engineering' });
    expect(group.statusCode).toBe(201);

    const member = await addMember(app, admin, orgId, { name: 'Mina Member' });
    const programs = (await as(app, member).get(`/api/orgs/${orgId}/programs`)).json().programs;
    expect(programs.map((p: { name: string; mode: string }) => [p.name, p.mode])).toEqual([
      ['Leaders', 'matched'],
      ['Open', 'a_la_carte'],
    ]);
    const groups = (await as(app, member).get(`/api/orgs/${orgId}/groups`)).json().groups;
    expect(groups).toEqual([expect.objectContaining({ name: 'Engineering', memberCount: 0 })]);
  });

  it('refuses a bad mode, a duplicate group name, and archives a program', async () => {
    const { admin, orgId } = await createOrgWithAdmin(app);
    const bad = await as(app, admin).post(`/api/orgs/${orgId}/programs`, {
      name: 'X',
      mode: 'random',
    });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields)).toEqual(['body.mode']);

    await as(app, admin).post(`/api/orgs/${orgId}/groups`, { name: 'Design' });
    const dup = await as(app, admin).post(`/api/orgs/${orgId}/groups`, { name: 'design' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.fields).toEqual({ 'body.name': 'is already used by another group' });

    const program = (
      await as(app, admin).post(`/api/orgs/${orgId}/programs`, { name: 'Old', mode: 'matched' })
    ).json();
    const archived = await as(app, admin).patch(`/api/orgs/${orgId}/programs/${program.id}`, {
      archived: true,
    });
    expect(archived.json().archivedAt).not.toBeNull();
  });

  it('gives one person different roles in different programs, and records each change', async () => {
    const { admin, orgId } = await createOrgWithAdmin(app);
    const p1 = (
      await as(app, admin).post(`/api/orgs/${orgId}/programs`, { name: 'P1', mode: 'matched' })
    ).json();
    const p2 = (
      await as(app, admin).post(`/api/orgs/${orgId}/programs`, { name: 'P2', mode: 'a_la_carte' })
    ).json();
    const person = await addMember(app, admin, orgId, { name: 'Dual Role' });
    expect(
      (
        await as(app, admin).put(`/api/orgs/${orgId}/programs/${p1.id}/members/${person.userId}`, {
          role: 'mentor',
        })
      ).statusCode,
    ).toBe(200);
    await as(app, admin).put(`/api/orgs/${orgId}/programs/${p2.id}/members/${person.userId}`, {
      role: 'mentee',
      reason: 'wants to learn data science',
    });
    const view = (await as(app, person).get(`/api/orgs/${orgId}/members/${person.userId}`)).json();
    expect(view.programs).toEqual(
      expect.arrayContaining([
        { programId: p1.id, role: 'mentor' },
        { programId: p2.id, role: 'mentee' },
      ]),
    );
    const events = await auditActions(admin, orgId);
    const added = events.filter(
      (e) => e.action === 'program_member.added' && e.subjectId === person.userId,
    );
    expect(added).toHaveLength(2);
    expect(added.map((e) => e.details.reason)).toContain('wants to learn data science');
    expect(added.every((e) => e.actorId === admin.userId)).toBe(true);
  });

  it('adds and removes group members', async () => {
    const { admin, orgId } = await createOrgWithAdmin(app);
    const group = (
      await as(app, admin).post(`/api/orgs/${orgId}/groups`, { name: 'Product' })
    ).json();
    const m = await addMember(app, admin, orgId, { name: 'Gia Group' });
    expect(
      (await as(app, admin).put(`/api/orgs/${orgId}/groups/${group.id}/members/${m.userId}`))
        .statusCode,
    ).toBe(204);
    const detail = (await as(app, admin).get(`/api/orgs/${orgId}/groups/${group.id}`)).json();
    expect(detail.members).toEqual([{ userId: m.userId, name: 'Gia Group' }]);
    await as(app, admin).delete(`/api/orgs/${orgId}/groups/${group.id}/members/${m.userId}`);
    expect(
      (await as(app, admin).get(`/api/orgs/${orgId}/groups/${group.id}`)).json().members,
    ).toEqual([]);
  });
});

describe('roles', () => {
  it('lets an admin promote a member, records who and why, and refuses mentees changing roles', async () => {
    const { admin, orgId } = await createOrgWithAdmin(app);
    const mentee = await addMember(app, admin, orgId, { name: 'Mo Mentee' });
    const other = await addMember(app, admin, orgId, { name: 'Oli Other' });

    const selfPromote = await as(app, mentee).patch(`/api/orgs/${orgId}/members/${mentee.userId}`, {
      role: 'admin',
    });
    expect(selfPromote.statusCode).toBe(403);
    const program = (
      await as(app, admin).post(`/api/orgs/${orgId}/programs`, { name: 'P', mode: 'matched' })
    ).json();
    const programRole = await as(app, mentee).put(
      `/api/orgs/${orgId}/programs/${program.id}/members/${other.userId}`,
      {
        role: 'mentor',
      },
    );
    expect(programRole.statusCode).toBe(403);
    expect(
      (await as(app, mentee).post(`/api/orgs/${orgId}/programs`, { name: 'Mine', mode: 'matched' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await as(app, mentee).post(`/api/orgs/${orgId}/invitations`, { email: uniqueEmail() }))
        .statusCode,
    ).toBe(403);
    expect((await as(app, mentee).get(`/api/orgs/${orgId}/audit`)).statusCode).toBe(403);

    const promote = await as(app, admin).patch(`/api/orgs/${orgId}/members/${other.userId}`, {
      role: 'admin',
      reason: 'runs the spring cohort',
    });
    expect(promote.json()).toEqual({ userId: other.userId, role: 'admin' });
    const [latest] = await auditActions(admin, orgId);
    expect(latest).toMatchObject({
      action: 'member.role_changed',
      subjectId: other.userId,
      actorId: admin.userId,
      details: { from: 'member', to: 'admin', reason: 'runs the spring cohort' },
    });
  });

  it('keeps at least one admin', async () => {
    const { admin, orgId } = await createOrgWithAdmin(app);
    const demote = await as(app, admin).patch(`/api/orgs/${orgId}/members/${admin.userId}`, {
      role: 'member',
    });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().error.reason).toBe('last_admin');
    expect(
      (await as(app, admin).delete(`/api/orgs/${orgId}/members/${admin.userId}`)).statusCode,
    ).toBe(409);
  });

  it('removes a member from the organisation and from its programs and groups', async () => {
    const { admin, orgId } = await createOrgWithAdmin(app);
    const program = (
      await as(app, admin).post(`/api/orgs/${orgId}/programs`, { name: 'P', mode: 'matched' })
    ).json();
    const m = await addMember(app, admin, orgId, { programId: program.id, programRole: 'mentee' });
    expect(
      (await as(app, admin).delete(`/api/orgs/${orgId}/members/${m.userId}?reason=left%20company`))
        .statusCode,
    ).toBe(204);
    expect((await as(app, m).get(`/api/orgs/${orgId}`)).statusCode).toBe(404);
    const detail = (await as(app, admin).get(`/api/orgs/${orgId}/programs/${program.id}`)).json();
    expect(detail.members).toEqual([]);
    const [latest] = await auditActions(admin, orgId);
    expect(latest).toMatchObject({ action: 'member.removed', details: { reason: 'left company' } });
  });
});

describe('invitations', () => {
  it('invites by email; the invitee signs up through the link and joins the program', async () => {
    const { admin, orgId } = await createOrgWithAdmin(app, 'Invite Org');
    const program = (
      await as(app, admin).post(`/api/orgs/${orgId}/programs`, { name: 'Open', mode: 'a_la_carte' })
    ).json();
    const email = uniqueEmail('invitee');
    const created = await as(app, admin).post(`/api/orgs/${orgId}/invitations`, {
      email,
      role: 'member',
      programId: program.id,
      programRole: 'mentor',
    });
    expect(created.statusCode).toBe(201);
    const { url, invitation } = created.json();
    // Built from the listen address (no PUBLIC_URL here), not from the Host header.
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:3000\/invite\/inv_/);
    const token = url.split('/invite/')[1];
    // The invitee is emailed the same link, naming the organisation.
    expect(await emailedLink(app, email, '/invite/')).toBe(url);

    const preview = await app.inject({ method: 'GET', url: `/api/invitations/${token}` });
    expect(preview.json()).toMatchObject({
      orgName: 'Invite Org',
      email,
      programName: 'Open',
      status: 'pending',
    });

    const invitee = await signUp(app, { email, name: 'New Mentor', invitationToken: token });
    const orgs = (await as(app, invitee).get('/api/orgs')).json().organisations;
    expect(orgs).toEqual([expect.objectContaining({ id: orgId, role: 'member' })]);
    const detail = (await as(app, admin).get(`/api/orgs/${orgId}/programs/${program.id}`)).json();
    expect(detail.members).toEqual([
      expect.objectContaining({ userId: invitee.userId, role: 'mentor' }),
    ]);

    const listed = (await as(app, admin).get(`/api/orgs/${orgId}/invitations`)).json().invitations;
    expect(listed.find((i: { id: string }) => i.id === invitation.id).acceptedAt).not.toBeNull();
    const again = await as(app, invitee).post(`/api/invitations/${token}/accept`);
    expect(again.statusCode).toBe(409);
  });

  it('lets an existing account accept, but only with the invited email', async () => {
    const { admin, orgId } = await createOrgWithAdmin(app);
    const existing = await signUp(app, { name: 'Already Here' });
    const stranger = await signUp(app);
    const { url } = (
      await as(app, admin).post(`/api/orgs/${orgId}/invitations`, { email: existing.email })
    ).json();
    const token = url.split('/invite/')[1];
    expect((await as(app, stranger).post(`/api/invitations/${token}/accept`)).statusCode).toBe(403);
    const ok = await as(app, existing).post(`/api/invitations/${token}/accept`);
    expect(ok.json()).toMatchObject({ orgId });
  });

  it('refuses expired and revoked invitations, and sign-up with one creates no account', async () => {
    const { admin, orgId } = await createOrgWithAdmin(app);
    const email = uniqueEmail('late');
    const { url } = (await as(app, admin).post(`/api/orgs/${orgId}/invitations`, { email })).json();
    const token = url.split('/invite/')[1];
    clock.advance(days(15));
    try {
      const late = await app.inject({
        method: 'POST',
        url: '/api/auth/sign-up',
        payload: { email, password: 'long-enough-password', name: 'Late', invitationToken: token },
      });
      expect(late.statusCode).toBe(409);
      expect(late.json().error.reason).toBe('invitation_expired');
    } finally {
      clock.advance(-days(15));
    }
    // Nothing half-written: the account was rolled back with the membership.
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email, password: 'long-enough-password' },
    });
    expect(signIn.statusCode).toBe(401);

    const second = (await as(app, admin).post(`/api/orgs/${orgId}/invitations`, { email })).json();
    expect(
      (await as(app, admin).delete(`/api/orgs/${orgId}/invitations/${second.invitation.id}`))
        .statusCode,
    ).toBe(204);
    const preview = await app.inject({
      method: 'GET',
      url: `/api/invitations/${second.url.split('/invite/')[1]}`,
    });
    expect(preview.json().status).toBe('revoked');
  });
});

describe('isolation between organisations', () => {
  it('answers 404 to a member of another organisation for every resource here', async () => {
    const { admin, orgId } = await createOrgWithAdmin(app, 'Private Org');
    const program = (
      await as(app, admin).post(`/api/orgs/${orgId}/programs`, { name: 'P', mode: 'matched' })
    ).json();
    const group = (await as(app, admin).post(`/api/orgs/${orgId}/groups`, { name: 'G' })).json();
    const member = await addMember(app, admin, orgId);
    const invitation = (
      await as(app, admin).post(`/api/orgs/${orgId}/invitations`, { email: uniqueEmail() })
    ).json();
    const { admin: outsider } = await createOrgWithAdmin(app, 'Other Org');

    const o = as(app, outsider);
    const base = `/api/orgs/${orgId}`;
    const attempts = [
      o.get(base),
      o.patch(base, { name: 'Hijacked' }),
      o.get(`${base}/members`),
      o.get(`${base}/members/${member.userId}`),
      o.patch(`${base}/members/${member.userId}`, { role: 'admin' }),
      o.delete(`${base}/members/${member.userId}`),
      o.get(`${base}/programs`),
      o.post(`${base}/programs`, { name: 'X', mode: 'matched' }),
      o.get(`${base}/programs/${program.id}`),
      o.patch(`${base}/programs/${program.id}`, { name: 'X' }),
      o.put(`${base}/programs/${program.id}/members/${member.userId}`, { role: 'mentor' }),
      o.delete(`${base}/programs/${program.id}/members/${member.userId}`),
      o.get(`${base}/groups`),
      o.post(`${base}/groups`, { name: 'X' }),
      o.get(`${base}/groups/${group.id}`),
      o.patch(`${base}/groups/${group.id}`, { name: 'X' }),
      o.delete(`${base}/groups/${group.id}`),
      o.put(`${base}/groups/${group.id}/members/${member.userId}`),
      o.get(`${base}/invitations`),
      o.post(`${base}/invitations`, { email: uniqueEmail() }),
      o.delete(`${base}/invitations/${invitation.invitation.id}`),
      o.get(`${base}/audit`),
      o.get(`/api/users/${member.userId}/photo`),
    ];
    const statuses = (await Promise.all(attempts)).map((r) => r.statusCode);
    expect(statuses).toEqual(attempts.map(() => 404));
    const mine = (await o.get('/api/orgs'))
      .json()
      .organisations.map((x: { name: string }) => x.name);
    expect(mine).toEqual(['Other Org']);

    // And nothing changed.
    expect((await as(app, admin).get(base)).json().name).toBe('Private Org');
  });

  it('hides programs and groups of another organisation even from its own admin', async () => {
    const a = await createOrgWithAdmin(app, 'A');
    const b = await createOrgWithAdmin(app, 'B');
    const programOfA = (
      await as(app, a.admin).post(`/api/orgs/${a.orgId}/programs`, { name: 'PA', mode: 'matched' })
    ).json();
    const res = await as(app, b.admin).get(`/api/orgs/${b.orgId}/programs/${programOfA.id}`);
    expect(res.statusCode).toBe(404);
  });

  it('requires sign-in', async () => {
    const { orgId } = await createOrgWithAdmin(app);
    for (const url of ['/api/orgs', `/api/orgs/${orgId}/members`, '/api/me/profile']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('unauthenticated');
    }
  });
});
