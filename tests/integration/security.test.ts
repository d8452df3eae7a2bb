import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { as, PASSWORD, type Session, signUp, uniqueEmail } from '../factories.ts';
import { createTestApp } from '../support/test-app.ts';

// One trusted proxy hop in front; small limits so a test can reach them.
const env = {
  TRUST_PROXY: '1',
  LOGIN_RATE_LIMIT: '3',
  LOGIN_ADDRESS_RATE_LIMIT: '6',
  SIGNUP_RATE_LIMIT: '3',
  MESSAGE_RATE_LIMIT: '5',
  UPLOAD_RATE_LIMIT: '2',
};
const { app, clock } = await createTestApp(env);

/** A documentation address (RFC 5737) of its own for each caller, as its proxy reports it. */
let lastAddress = 0;
const newAddress = () => `203.0.113.${++lastAddress}`;
let nextAccountAddress = 0;

/** Signs up from an address of its own (the sign-up limit is per address). */
async function newAccount(name = 'Sam Secure'): Promise<Session> {
  nextAccountAddress += 1;
  return signUp(app, {
    email: uniqueEmail('sec'),
    name,
    forwardedFor: `10.9.${nextAccountAddress >> 8}.${nextAccountAddress & 255}`,
  });
}

function signInFrom(address: string, email: string, password: string) {
  return app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    headers: { 'x-forwarded-for': address },
    payload: { email, password },
  });
}

describe('13. security headers', () => {
  it('sends a CSP that forbids framing, nosniff and a referrer policy on the app, API and docs', async () => {
    for (const url of ['/api/auth/session', '/api/openapi.json', '/api/docs', '/no-such-page']) {
      const res = await app.inject({ method: 'GET', url });
      const csp = String(res.headers['content-security-policy']);
      expect(csp, url).toContain("frame-ancestors 'none'");
      expect(csp, url).toContain("default-src 'self'");
      expect(csp, url).toContain("object-src 'none'");
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['referrer-policy'], url).toBe('strict-origin-when-cross-origin');
      expect(res.headers['x-frame-options'], url).toBe('SAMEORIGIN');
    }
    const app_ = String(
      (await app.inject({ method: 'GET', url: '/api/auth/session' })).headers[
        'content-security-policy'
      ],
    );
    expect(app_).toContain("script-src 'self';");
    expect(app_).not.toContain('unsafe-inline');
  });

  it('sends HSTS only when the trusted proxy says the request came over HTTPS', async () => {
    const plain = await app.inject({ method: 'GET', url: '/api/health' });
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    const tls = await app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(tls.headers['strict-transport-security']).toBe('max-age=31536000');
  });
});

describe('14. rate limits', () => {
  it('refuses further guesses with 429 and Retry-After, yet lets the right password in', async () => {
    const me = await newAccount();
    const from = newAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      statuses.push((await signInFrom(from, me.email, 'wrong-password-guess')).statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
    const limited = await signInFrom(from, me.email, 'wrong-password-guess');
    expect(limited.json().error).toMatchObject({ code: 'rate_limited' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(900);

    const owner = await signInFrom(from, me.email, PASSWORD);
    expect(owner.statusCode, owner.body).toBe(200);
  });

  it('caps failures from one address across many accounts, and only that address', async () => {
    const victim = await newAccount();
    const from = newAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      statuses.push((await signInFrom(from, uniqueEmail('spray'), 'Summer2026!')).statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 429]);
    // Over the cap nothing is checked, not even a right password.
    expect((await signInFrom(from, victim.email, PASSWORD)).statusCode).toBe(429);
    expect((await signInFrom(newAddress(), victim.email, PASSWORD)).statusCode).toBe(200);
  });

  it('counts a client by the address the trusted proxy saw, whatever it wrote itself', async () => {
    const me = await newAccount();
    const real = newAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      // The client forges the left part; the proxy appends the address it saw.
      const forged = `198.51.100.${i + 1}`;
      statuses.push(
        (await signInFrom(`${forged}, ${real}`, me.email, 'wrong-password-guess')).statusCode,
      );
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
  });

  it('counts an IPv6 client by its /64, however it rotates the rest', async () => {
    const victim = await newAccount();
    const statuses: number[] = [];
    for (let i = 1; i <= 7; i++) {
      const rotated = `2001:db8:77:1:${i.toString(16)}:aaaa:bbbb:${(i * 7).toString(16)}`;
      statuses.push((await signInFrom(rotated, uniqueEmail('v6'), 'Summer2026!')).statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 429]);
    // The neighbouring /64 is someone else.
    expect((await signInFrom('2001:db8:77:2::1', victim.email, PASSWORD)).statusCode).toBe(200);
  });

  it('limits sign-ups per address', async () => {
    const from = newAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/sign-up',
        headers: { 'x-forwarded-for': from },
        payload: { email: uniqueEmail('many'), password: PASSWORD, name: 'Many' },
      });
      statuses.push(res.statusCode);
    }
    // Each is asked to confirm by email (202); the fourth from one address is refused.
    expect(statuses).toEqual([202, 202, 202, 429]);
  });

  it('limits messages sent per person, and the window passes', async () => {
    const admin = await newAccount('Ada Admin');
    const orgId = (await as(app, admin).post('/api/orgs', { name: 'Chatty Org' })).json().id;
    const friend = await newAccount('Fran Friend');
    const invite = await as(app, admin).post(`/api/orgs/${orgId}/invitations`, {
      email: friend.email,
    });
    const token = new URL(invite.json().url).pathname.split('/').pop();
    expect((await as(app, friend).post(`/api/invitations/${token}/accept`)).statusCode).toBe(200);
    const first = await as(app, admin).post(`/api/orgs/${orgId}/threads`, {
      toUserId: friend.userId,
      body: 'Hello',
    });
    expect(first.statusCode, first.body).toBe(201);
    const threadId = first.json().threadId;
    const requests = (await as(app, friend).get(`/api/orgs/${orgId}/message-requests`)).json();
    const request = requests.received.find((r: { threadId: string }) => r.threadId === threadId);
    await as(app, friend).post(`/api/orgs/${orgId}/message-requests/${request.id}/accept`);

    const say = () =>
      as(app, admin).post(`/api/orgs/${orgId}/threads/${threadId}/messages`, { body: 'spam' });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await say()).statusCode);
    // The first message counted too: five in the window, then refused.
    expect(statuses).toEqual([201, 201, 201, 201, 429]);
    const thread = (await as(app, friend).get(`/api/orgs/${orgId}/threads/${threadId}`)).json();
    expect(thread.messages).toHaveLength(5);
    clock.advance(61_000);
    expect((await say()).statusCode).toBe(201);
  });

  it('limits photo uploads per person', async () => {
    const me = await newAccount();
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      'base64',
    );
    const boundary = 'sec-boundary';
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="photo"; filename="me.png"\r\nContent-Type: image/png\r\n\r\n`,
      ),
      png,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const upload = () =>
      app.inject({
        method: 'PUT',
        url: '/api/me/photo',
        payload,
        headers: {
          cookie: me.cookie,
          'x-csrf-token': me.csrfToken,
          'content-type': `multipart/form-data; boundary=${boundary}`,
        },
      });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await upload()).statusCode);
    expect(statuses).toEqual([200, 200, 429]);
  });

  it('reads TRUST_PROXY as hops or proxy addresses, never as "trust everyone"', () => {
    const trust = (value: string) => loadConfig({ TRUST_PROXY: value }).trustProxy;
    expect(trust('false')).toBe(false);
    expect(trust('true')).toBe(1);
    expect(trust('2')).toBe(2);
    expect(trust('10.0.0.1, 192.168.0.0/16, loopback')).toEqual([
      '10.0.0.1',
      '192.168.0.0/16',
      'loopback',
    ]);
    expect(() => trust('everyone')).toThrow(/TRUST_PROXY/);
    expect(() => trust('10.0.0.0/40')).toThrow(/TRUST_PROXY/);
  });
});
