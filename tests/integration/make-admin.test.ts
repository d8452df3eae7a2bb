import { describe, expect, it } from 'vitest';
import { makeAdmin } from '../../src/services/make-admin.ts';
import { addMember, as, createOrgWithAdmin, PASSWORD, signIn, uniqueEmail } from '../factories.ts';
import { createTestApp } from '../support/test-app.ts';

// `confer create-admin` is this service behind argument parsing.
const { app, ctx } = await createTestApp();

async function orgsOf(email: string) {
  const me = await as(app, await signIn(app, email)).get('/api/auth/session');
  expect(me.statusCode).toBe(200);
  return me.json().user.organisations as { id: string; name: string; role: string }[];
}

describe('create-admin (makeAdmin)', () => {
  it('creates the account and a new organisation it administers', async () => {
    const email = uniqueEmail('operator');
    const made = await makeAdmin(ctx, {
      email,
      name: 'Olga Operator',
      password: PASSWORD,
      orgName: 'Fresh Org',
    });
    expect(made.created).toBe(true);
    expect(await orgsOf(email)).toEqual([
      { id: made.orgId, name: 'Fresh Org', role: 'admin', mentors: false, inMatchedProgram: false },
    ]);
  });

  it('makes an existing member an admin of their organisation, recorded as done by the CLI', async () => {
    const { admin, orgId } = await createOrgWithAdmin(app, 'Existing Org');
    const member = await addMember(app, admin, orgId, { name: 'Mo Member' });
    const made = await makeAdmin(ctx, {
      email: member.email,
      name: 'ignored for an existing account',
      orgId,
      orgName: 'unused',
    });
    expect(made).toMatchObject({ orgId, created: false });
    expect(await orgsOf(member.email)).toEqual([
      { id: orgId, name: 'Existing Org', role: 'admin', mentors: false, inMatchedProgram: false },
    ]);
    const audit = (await as(app, admin).get(`/api/orgs/${orgId}/audit`)).json().events as {
      action: string;
      subjectId: string;
      actorId: string | null;
    }[];
    expect(audit).toContainEqual(
      expect.objectContaining({
        action: 'member.made_admin_by_cli',
        subjectId: member.userId,
        actorId: null,
      }),
    );
  });

  it('refuses a new account without a password and creates nothing', async () => {
    const email = uniqueEmail('nopass');
    await expect(makeAdmin(ctx, { email, name: 'No Pass', orgName: 'Never' })).rejects.toThrow(
      /--password is required/,
    );
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email, password: PASSWORD },
    });
    expect(res.statusCode).toBe(401);
  });
});
