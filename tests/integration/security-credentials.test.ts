import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { buildApp } from '../../src/http/app.ts';
import { contextFromConfig } from '../../src/services/context.ts';
import {
  as,
  createOrgWithAdmin,
  emailedLink,
  PASSWORD,
  signIn,
  signUp,
  uniqueEmail,
} from '../factories.ts';
import { generousRateLimits } from '../support/rate-limits.ts';
import { createTestApp, days } from '../support/test-app.ts';

const { app, clock, database, dataDir } = await createTestApp();

function postWithHost(url: string, host: string, headers: Record<string, string>) {
  return new Promise<string>((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { ...headers, host } }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve(body));
    });
    req.on('error', reject);
    req.end();
  });
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('15. API tokens', () => {
  it('stops every token working once the password changes', async () => {
    const me = await signUp(app);
    const { token } = (await as(app, me).post('/api/auth/tokens', { name: 'CI' })).json();
    const before = await app.inject({ method: 'GET', url: '/api/orgs', headers: bearer(token) });
    expect(before.statusCode).toBe(200);

    const changed = await as(app, me).post('/api/auth/password', {
      currentPassword: PASSWORD,
      newPassword: 'a-brand-new-password',
    });
    expect(changed.statusCode).toBe(204);
    const after = await app.inject({ method: 'GET', url: '/api/orgs', headers: bearer(token) });
    expect(after.statusCode).toBe(401);
    expect((await as(app, me).get('/api/auth/tokens')).json().tokens).toEqual([]);
  });

  it('expires a token after the days asked for (90 unless said)', async () => {
    const me = await signUp(app);
    const made = await as(app, me).post('/api/auth/tokens', { name: 'Week', expiresInDays: 7 });
    expect(made.statusCode).toBe(201);
    const createdAt = new Date(made.json().createdAt).getTime();
    expect(new Date(made.json().expiresAt).getTime() - createdAt).toBe(days(7));
    const standard = (await as(app, me).post('/api/auth/tokens', { name: 'Default' })).json();
    expect(new Date(standard.expiresAt).getTime() - new Date(standard.createdAt).getTime()).toBe(
      days(90),
    );
    const tooLong = await as(app, me).post('/api/auth/tokens', {
      name: 'Ever',
      expiresInDays: 3650,
    });
    expect(tooLong.statusCode).toBe(400);
    expect(Object.keys(tooLong.json().error.fields)).toEqual(['body.expiresInDays']);

    const call = () =>
      app.inject({ method: 'GET', url: '/api/orgs', headers: bearer(made.json().token) });
    clock.advance(days(7) - 60_000);
    try {
      expect((await call()).statusCode).toBe(200);
      clock.advance(120_000);
      expect((await call()).statusCode).toBe(401);
      const listed = (await as(app, me).get('/api/auth/tokens')).json().tokens;
      expect(listed.map((t: { name: string }) => t.name)).toEqual(['Default']);
    } finally {
      clock.advance(-days(7) - 60_000);
    }
  });

  it('a read-only token reads but cannot write', async () => {
    const me = await signUp(app, { name: 'Reader' });
    const made = await as(app, me).post('/api/auth/tokens', { name: 'Dashboard', scope: 'read' });
    expect(made.json()).toMatchObject({ scope: 'read' });
    const { token } = made.json();
    const read = await app.inject({
      method: 'GET',
      url: '/api/auth/session',
      headers: bearer(token),
    });
    expect(read.json().user.name).toBe('Reader');
    const write = await app.inject({
      method: 'POST',
      url: '/api/orgs',
      headers: bearer(token),
      payload: { name: 'Should not exist' },
    });
    expect(write.statusCode).toBe(403);
    expect(write.json().error.reason).toBe('read_only_token');
    const orgs = await as(app, me).get('/api/orgs');
    expect(JSON.stringify(orgs.json())).not.toContain('Should not exist');
  });

  it('a token cannot mint tokens', async () => {
    const me = await signUp(app);
    const { token } = (await as(app, me).post('/api/auth/tokens', { name: 'Full' })).json();
    const minted = await app.inject({
      method: 'POST',
      url: '/api/auth/tokens',
      headers: bearer(token),
      payload: { name: 'Successor' },
    });
    expect(minted.statusCode).toBe(403);
    expect(minted.json().error.reason).toBe('session_required');
    const names = (await as(app, me).get('/api/auth/tokens'))
      .json()
      .tokens.map((t: { name: string }) => t.name);
    expect(names).toEqual(['Full']);
  });
});

describe('16. password strength', () => {
  it.each(['password12', 'Password123', '1234567890'])(
    'refuses the common password %s at sign-up, saying why beside the field',
    async (password) => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/sign-up',
        payload: { email: uniqueEmail(), password, name: 'Weak Choice' },
      });
      expect(res.statusCode).toBe(400);
      const fields = res.json().error.fields;
      expect(Object.keys(fields)).toEqual(['body.password']);
      expect(fields['body.password']).toMatch(/^is too easy to guess: .*used password/);
    },
  );

  it('refuses a guessable new password when changing it, and keeps the old one', async () => {
    const me = await signUp(app, { name: 'Grace Hopper' });
    const res = await as(app, me).post('/api/auth/password', {
      currentPassword: PASSWORD,
      newPassword: 'gracehopper1',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields['body.newPassword']).toMatch(/too easy to guess/);
    await expect(signIn(app, me.email)).resolves.toBeTruthy();
  });
});

describe('17. links handed out', () => {
  async function invitationUrl(headers: Record<string, string>) {
    const { admin, orgId } = await createOrgWithAdmin(app);
    const res = await app.inject({
      method: 'POST',
      url: `/api/orgs/${orgId}/invitations`,
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken, ...headers },
      payload: { email: uniqueEmail('guest') },
    });
    expect(res.statusCode).toBe(201);
    return new URL(res.json().url);
  }

  it('never takes the address from the Host header', async () => {
    const url = await invitationUrl({ host: 'evil.example' });
    expect(url.host).not.toBe('evil.example');
    expect(url.origin).toBe('http://127.0.0.1:3000');
    const me = await signUp(app);
    const feed = await app.inject({
      method: 'POST',
      url: '/api/me/calendar-feed',
      headers: { cookie: me.cookie, 'x-csrf-token': me.csrfToken, host: 'evil.example' },
    });
    expect(new URL(feed.json().url).origin).toBe('http://127.0.0.1:3000');
  });

  it('in development uses the real listening port when PORT=0', async () => {
    // Same database as the file's app, whose sign-ups from 127.0.0.1 count here too.
    const config = loadConfig({
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      PORT: '0',
      ...generousRateLimits,
    });
    const listening = await buildApp({
      config,
      database,
      // The file's clock: its worker (in emailedLink) runs the sign-up's email job.
      ctx: contextFromConfig(database.db, config, { now: clock.now }),
      logger: false,
      webRoot: null,
    });
    try {
      const address = await listening.listen({ host: config.host, port: 0 });
      const newEmail = uniqueEmail();
      const asked = await fetch(`${address}/api/auth/sign-up`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: newEmail, password: PASSWORD, name: 'Port Zero' }),
      });
      expect(asked.status, await asked.clone().text()).toBe(202);
      const link = new URL(await emailedLink(app, newEmail, '/confirm-sign-up/'));
      // The link names the real listening port, as the feed below must.
      expect(link.origin).toBe(address);
      const signedUp = await fetch(`${address}/api/auth/sign-up/confirm`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token: link.pathname.split('/').pop() }),
      });
      const cookie = signedUp.headers.get('set-cookie')!.split(';')[0]!;
      const { csrfToken } = await signedUp.json();
      // fetch() would replace the Host header; a raw request sends the forged one.
      const feed = await postWithHost(`${address}/api/me/calendar-feed`, 'evil.example', {
        cookie,
        'x-csrf-token': csrfToken,
      });
      expect(new URL(JSON.parse(feed).url).origin).toBe(address);
    } finally {
      await listening.close();
    }
  });

  it('uses PUBLIC_URL when set, and production refuses to start without it', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/PUBLIC_URL/);
    expect(
      loadConfig({ NODE_ENV: 'production', PUBLIC_URL: 'https://confer.example.org' }).publicUrl,
    ).toBe('https://confer.example.org');
  });
});
