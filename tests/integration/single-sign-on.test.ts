import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ssoLogins } from '../../src/db/schema.ts';
import { as, createOrgWithAdmin, PASSWORD, type Session, signUp } from '../factories.ts';
import { type OidcProviderStandIn, startOidcProvider } from '../support/oidc-provider.ts';
import { createTestApp } from '../support/test-app.ts';

/**
 * Issue #13 "Single sign-on", against a real OpenID Connect provider run
 * in-process (oidc-provider): a new person of an allowed domain gets an
 * account in the default program; a wrong state, a wrong nonce, an expired
 * code and a domain not allowed are each refused with nobody signed in;
 * "SSO only" turns passwords off for those domains.
 */
const PUBLIC_URL = 'http://confer.test';
const { app, database } = await createTestApp({
  PUBLIC_URL,
  SSO_ALLOW_HTTP: 'true',
  SECRETS_KEY: randomBytes(32).toString('base64'),
});

let oidc: OidcProviderStandIn;
let admin: Session;
let orgId: string;
let programId: string;

const settings = (over: Record<string, unknown> = {}) => ({
  displayName: 'Northwind SSO',
  issuer: oidc.issuer,
  clientId: oidc.clientId,
  clientSecret: oidc.clientSecret,
  allowedDomains: ['Northwind.example', '@corp.northwind.example'],
  defaultProgramId: programId,
  defaultProgramRole: 'mentee',
  ...over,
});

/** The whole round trip as a browser makes it; the answer of Confer's callback. */
async function signInThrough(login: string, tamper?: (callback: URL) => Promise<void> | void) {
  const start = await app.inject({ method: 'GET', url: `/api/auth/sso/${orgId}/start` });
  expect(start.statusCode, start.body).toBe(302);
  const callback = await oidc.signIn(start.headers.location as string, login);
  await tamper?.(callback);
  return app.inject({ method: 'GET', url: `${callback.pathname}${callback.search}` });
}

const sessionCookie = (res: Awaited<ReturnType<typeof signInThrough>>) =>
  [res.headers['set-cookie'] ?? []].flat().find((c) => c.startsWith('confer_session='));

beforeAll(async () => {
  oidc = await startOidcProvider(`${PUBLIC_URL}/api/auth/sso/callback`, {
    'nia@northwind.example': { name: 'Nia Newcomer' },
    'unverified@northwind.example': { name: 'Una Verified', emailVerified: false },
    'eve@elsewhere.example': { name: 'Eve Elsewhere' },
  });
  ({ admin, orgId } = await createOrgWithAdmin(app, 'Northwind'));
  programId = (
    await as(app, admin).post(`/api/orgs/${orgId}/programs`, { name: 'Open', mode: 'a_la_carte' })
  ).json().id;
  const set = await as(app, admin).put(`/api/orgs/${orgId}/sso`, settings());
  expect(set.statusCode, set.body).toBe(200);
  expect(set.json()).toMatchObject({
    sso: { allowedDomains: ['northwind.example', 'corp.northwind.example'], hasClientSecret: true },
    redirectUri: `${PUBLIC_URL}/api/auth/sso/callback`,
  });
  expect(JSON.stringify(set.json())).not.toContain(oidc.clientSecret);
});
afterAll(() => oidc?.close());

describe('signing in through the organisation’s provider', () => {
  it('is offered on the sign-in page, and makes an account for a new person of an allowed domain', async () => {
    const offered = await app.inject({ method: 'GET', url: '/api/auth/sso/providers' });
    expect(offered.json().providers).toContainEqual({ id: orgId, name: 'Northwind SSO' });

    const res = await signInThrough('nia@northwind.example');
    expect(res.statusCode, res.body).toBe(302);
    expect(res.headers.location).toBe('/');
    const cookie = sessionCookie(res);
    expect(cookie).toBeDefined();
    const me = await app.inject({
      method: 'GET',
      url: '/api/auth/session',
      headers: { cookie: cookie!.split(';')[0]! },
    });
    expect(me.json().user).toMatchObject({
      email: 'nia@northwind.example',
      name: 'Nia Newcomer',
      organisations: [expect.objectContaining({ id: orgId, role: 'member' })],
    });
    const members = (await as(app, admin).get(`/api/orgs/${orgId}/members`)).json().members;
    expect(
      members.find((m: { email: string }) => m.email === 'nia@northwind.example'),
    ).toMatchObject({
      programs: [{ programId, role: 'mentee' }],
    });
    // The account has no password to guess.
    const guess = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'nia@northwind.example', password: '' },
    });
    expect(guess.statusCode).toBeGreaterThanOrEqual(400);

    // The second time signs the same account in, and records nothing new.
    const again = await signInThrough('nia@northwind.example');
    expect(sessionCookie(again)).toBeDefined();
    const audit = (await as(app, admin).get(`/api/orgs/${orgId}/audit`)).json().events as {
      action: string;
    }[];
    expect(audit.filter((e) => e.action === 'member.created_by_sso')).toHaveLength(1);
  });

  it('refuses a state it did not begin', async () => {
    const res = await signInThrough('nia@northwind.example', (callback) => {
      callback.searchParams.set('state', 'forged-state');
    });
    expect(res.headers.location).toBe('/sign-in?sso=expired');
    expect(sessionCookie(res)).toBeUndefined();
  });

  it('refuses an ID token whose nonce is not the one the sign-in began with', async () => {
    const res = await signInThrough('nia@northwind.example', async () => {
      await database.db.update(ssoLogins).set({ nonce: 'another-nonce' });
    });
    expect(res.headers.location).toBe('/sign-in?sso=failed');
    expect(sessionCookie(res)).toBeUndefined();
  });

  it('refuses an expired code', async () => {
    const expiring = await as(app, admin).put(
      `/api/orgs/${orgId}/sso`,
      settings({ clientId: oidc.expiringClientId }),
    );
    expect(expiring.statusCode, expiring.body).toBe(200);
    // At once, the client's codes work; a few seconds later they no longer do.
    expect(sessionCookie(await signInThrough('nia@northwind.example'))).toBeDefined();
    const res = await signInThrough(
      'nia@northwind.example',
      () => new Promise((r) => setTimeout(r, 2_500)),
    );
    expect(res.headers.location).toBe('/sign-in?sso=failed');
    expect(sessionCookie(res)).toBeUndefined();
    await as(app, admin).put(`/api/orgs/${orgId}/sso`, settings());
  }, 20_000);

  it('refuses a domain not allowed, and an email the provider has not verified; no account is made', async () => {
    for (const [login, reason] of [
      ['eve@elsewhere.example', 'domain_not_allowed'],
      ['unverified@northwind.example', 'email_unverified'],
    ] as const) {
      const res = await signInThrough(login);
      expect(res.headers.location).toBe(`/sign-in?sso=${reason}`);
      expect(sessionCookie(res)).toBeUndefined();
    }
    const members = (await as(app, admin).get(`/api/orgs/${orgId}/members`)).json().members;
    expect(members.map((m: { email: string }) => m.email)).not.toContain('eve@elsewhere.example');
  });

  it('with SSO only, passwords no longer sign in people of those domains', async () => {
    const insider = await signUp(app, { email: 'pat@corp.northwind.example', name: 'Pat' });
    expect(insider.userId).toBeDefined();
    const only = await as(app, admin).put(`/api/orgs/${orgId}/sso`, settings({ ssoOnly: true }));
    expect(only.statusCode, only.body).toBe(200);
    const refused = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'pat@corp.northwind.example', password: PASSWORD },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toMatchObject({
      reason: 'sso_only',
      message: 'Use “Sign in with Northwind SSO” for this address',
    });
    // Other domains still use passwords.
    const outside = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: admin.email, password: PASSWORD },
    });
    expect(outside.statusCode).toBe(200);
  });

  it('is configured by admins only, and names a bad field', async () => {
    const member = await signUp(app, { name: 'Not Admin' });
    expect((await as(app, member).get(`/api/orgs/${orgId}/sso`)).statusCode).toBe(404);
    const bad = await as(app, admin).put(
      `/api/orgs/${orgId}/sso`,
      settings({ allowedDomains: ['not a domain'] }),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toHaveProperty(['body.allowedDomains']);
    const unreachable = await as(app, admin).put(
      `/api/orgs/${orgId}/sso`,
      settings({ issuer: 'http://127.0.0.1:9/' }),
    );
    expect(unreachable.statusCode).toBe(400);
    expect(unreachable.json().error.fields).toHaveProperty(['body.issuer']);
  });
});
