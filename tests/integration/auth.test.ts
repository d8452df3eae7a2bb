import { describe, expect, it } from 'vitest';
import { as, emailedLink, PASSWORD, signIn, signUp, uniqueEmail } from '../factories.ts';
import { createTestApp, days } from '../support/test-app.ts';

const { app, clock } = await createTestApp({ LOGIN_RATE_LIMIT: '5' });

describe('sign-up and sign-in', () => {
  it('signs up, reads the session, signs out, and the old cookie stops working', async () => {
    const me = await signUp(app, { name: 'Rosa Parks' });
    const session = await as(app, me).get('/api/auth/session');
    expect(session.statusCode).toBe(200);
    expect(session.json().user).toMatchObject({
      name: 'Rosa Parks',
      email: me.email,
      organisations: [],
    });

    const cookie = (
      await app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { email: me.email, password: PASSWORD },
      })
    ).headers['set-cookie'];
    expect(String(cookie)).toMatch(/HttpOnly/);
    expect(String(cookie)).toMatch(/SameSite=Lax/);

    expect((await as(app, me).post('/api/auth/sign-out')).statusCode).toBe(204);
    expect((await as(app, me).get('/api/auth/session')).statusCode).toBe(401);
  });

  it('refuses a wrong password and an unknown email alike', async () => {
    const me = await signUp(app);
    for (const payload of [
      { email: me.email, password: 'not-the-password' },
      { email: uniqueEmail('ghost'), password: PASSWORD },
    ]) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.message).toBe('Email or password is incorrect');
    }
  });

  it('treats emails case-insensitively; a second sign-up for one address answers the same and makes no account', async () => {
    const email = uniqueEmail('case');
    await signUp(app, { email });
    const fresh = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-up',
      payload: { email: uniqueEmail('fresh'), password: PASSWORD, name: 'Fresh' },
    });
    const again = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-up',
      payload: { email: email.toUpperCase(), password: PASSWORD, name: 'Again' },
    });
    // The same answer: nobody learns from it whether the address has an account.
    expect(again.statusCode).toBe(202);
    expect(fresh.statusCode).toBe(202);
    expect(Object.keys(again.json())).toEqual(Object.keys(fresh.json()));
    expect(again.headers['set-cookie']).toBeUndefined();
    // Its owner is told by email instead, with no link that would make a second account.
    await expect(emailedLink(app, email, '/confirm-sign-up/')).rejects.toThrow();
    await expect(emailedLink(app, email, '/forgot-password')).resolves.toMatch(/forgot-password/);
    await expect(signIn(app, email.toUpperCase())).resolves.toMatchObject({
      email: email.toUpperCase(),
    });
  });

  it('changes the email only once the new address confirms it; the old address is told', async () => {
    const me = await signUp(app, { name: 'Mo Mover' });
    const wrong = await as(app, me).post('/api/me/email', {
      email: uniqueEmail('new'),
      password: 'not my password',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields).toHaveProperty(['body.password']);
    const newEmail = uniqueEmail('new');
    const asked = await as(app, me).post('/api/me/email', { email: newEmail, password: PASSWORD });
    expect(asked.statusCode, asked.body).toBe(202);
    // Nothing changed yet.
    expect((await as(app, me).get('/api/auth/session')).json().user.email).toBe(me.email);
    const token = new URL(await emailedLink(app, newEmail, '/confirm-email/')).pathname
      .split('/')
      .pop();
    const confirmed = await app.inject({
      method: 'POST',
      url: '/api/auth/email/confirm',
      payload: { token },
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toEqual({ email: newEmail });
    expect((await as(app, me).get('/api/auth/session')).json().user.email).toBe(newEmail);
    await expect(signIn(app, newEmail)).resolves.toMatchObject({ userId: me.userId });
    await expect(signIn(app, me.email)).rejects.toThrow(/401/);
    // Used once.
    const again = await app.inject({
      method: 'POST',
      url: '/api/auth/email/confirm',
      payload: { token },
    });
    expect(again.statusCode).toBe(400);
    // An address that has an account is not taken over; only its owner hears of the attempt.
    const other = await signUp(app);
    expect(
      (await as(app, me).post('/api/me/email', { email: other.email, password: PASSWORD }))
        .statusCode,
    ).toBe(202);
    await expect(emailedLink(app, other.email, '/forgot-password')).resolves.toBeTruthy();
  });

  it('confirms a sign-up once, by the emailed link; nothing exists before that', async () => {
    const email = uniqueEmail('confirm');
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-up',
      payload: { email, password: PASSWORD, name: 'Cora Confirm' },
    });
    expect(res.statusCode).toBe(202);
    // No account yet: signing in fails as for any unknown address.
    await expect(signIn(app, email)).rejects.toThrow(/401/);
    const token = new URL(await emailedLink(app, email, '/confirm-sign-up/')).pathname
      .split('/')
      .pop();
    const confirm = () =>
      app.inject({ method: 'POST', url: '/api/auth/sign-up/confirm', payload: { token } });
    const first = await confirm();
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().user).toMatchObject({ email, name: 'Cora Confirm' });
    expect(first.headers['set-cookie']).toBeDefined();
    const second = await confirm();
    expect(second.statusCode).toBe(400);
    expect(second.json().error.fields).toHaveProperty(['body.token']);
    await expect(signIn(app, email)).resolves.toMatchObject({ email });
  });

  it('names each bad field, rejects unknown fields and malformed JSON with 400', async () => {
    const bad = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-up',
      payload: {
        email: 'not-an-email',
        password: 'short',
        name: '',
        timeZone: 'Mars/Olympus',
        admin: true,
      },
    });
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().error.fields;
    expect(Object.keys(fields).sort()).toEqual([
      'body.admin',
      'body.email',
      'body.name',
      'body.timeZone',
    ]);
    expect(fields['body.admin']).toBe('unknown field');

    const weak = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-up',
      payload: { email: uniqueEmail(), password: 'short', name: 'Weak' },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.fields).toEqual({ 'body.password': 'must be at least 10 characters' });

    const malformed = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": ',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe('bad_request');
  });

  it('rate-limits repeated sign-in attempts for one account', async () => {
    const me = await signUp(app);
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { email: me.email, password: 'wrong-password-guess' },
      });
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    // The limit is per account: another person signing in from the same address is unaffected.
    const other = await signUp(app);
    await expect(signIn(app, other.email)).resolves.toBeTruthy();
  });
});

describe('sessions', () => {
  it('refuses a session once it has expired', async () => {
    const me = await signUp(app);
    expect((await as(app, me).get('/api/auth/session')).statusCode).toBe(200);
    clock.advance(days(31));
    try {
      const res = await as(app, me).get('/api/auth/session');
      expect(res.statusCode).toBe(401);
    } finally {
      clock.advance(-days(31));
    }
  });

  it('lets a user revoke another of their sessions', async () => {
    const laptop = await signUp(app);
    const phone = await signIn(app, laptop.email);
    const list = await as(app, laptop).get('/api/auth/sessions');
    const sessions = list.json().sessions as { id: string; current: boolean }[];
    expect(sessions).toHaveLength(2);
    const other = sessions.find((s) => !s.current)!;
    expect((await as(app, laptop).delete(`/api/auth/sessions/${other.id}`)).statusCode).toBe(204);
    expect((await as(app, phone).get('/api/auth/session')).statusCode).toBe(401);
    expect((await as(app, laptop).get('/api/auth/session')).statusCode).toBe(200);
    // Someone else's session id is simply not found.
    const stranger = await signUp(app);
    const mine = (await as(app, laptop).get('/api/auth/sessions')).json().sessions[0].id;
    expect((await as(app, stranger).delete(`/api/auth/sessions/${mine}`)).statusCode).toBe(404);
  });

  it('requires the CSRF token on cookie-authenticated writes', async () => {
    const me = await signUp(app);
    const withoutToken = await app.inject({
      method: 'POST',
      url: '/api/orgs',
      headers: { cookie: me.cookie },
      payload: { name: 'No token' },
    });
    expect(withoutToken.statusCode).toBe(403);
    expect(withoutToken.json().error.reason).toBe('csrf');
    const wrongToken = await app.inject({
      method: 'POST',
      url: '/api/orgs',
      headers: { cookie: me.cookie, 'x-csrf-token': 'guess' },
      payload: { name: 'Wrong token' },
    });
    expect(wrongToken.statusCode).toBe(403);
    expect((await as(app, me).post('/api/orgs', { name: 'With token' })).statusCode).toBe(201);
  });

  it('changes the password, signing out other sessions and retiring the old password', async () => {
    const me = await signUp(app);
    const otherBrowser = await signIn(app, me.email);
    const wrong = await as(app, me).post('/api/auth/password', {
      currentPassword: 'not-my-password',
      newPassword: 'a-brand-new-password',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields).toEqual({ 'body.currentPassword': 'is incorrect' });

    const ok = await as(app, me).post('/api/auth/password', {
      currentPassword: PASSWORD,
      newPassword: 'a-brand-new-password',
    });
    expect(ok.statusCode).toBe(204);
    expect((await as(app, me).get('/api/auth/session')).statusCode).toBe(200);
    expect((await as(app, otherBrowser).get('/api/auth/session')).statusCode).toBe(401);
    await expect(signIn(app, me.email)).rejects.toThrow(/401/);
    await expect(signIn(app, me.email, 'a-brand-new-password')).resolves.toBeTruthy();
  });
});

describe('personal API tokens', () => {
  it('authenticates with Bearer, needs no CSRF token, and stops working once revoked', async () => {
    const me = await signUp(app, { name: 'Token User' });
    const created = await as(app, me).post('/api/auth/tokens', { name: 'CLI' });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json();
    expect(token).toMatch(/^cfr_/);

    const bearer = { authorization: `Bearer ${token}` };
    const session = await app.inject({ method: 'GET', url: '/api/auth/session', headers: bearer });
    expect(session.json()).toMatchObject({ user: { name: 'Token User' }, csrfToken: null });
    const write = await app.inject({
      method: 'POST',
      url: '/api/orgs',
      headers: bearer,
      payload: { name: 'Via API' },
    });
    expect(write.statusCode).toBe(201);

    const listed = (await as(app, me).get('/api/auth/tokens')).json().tokens;
    expect(listed).toEqual([expect.objectContaining({ id, name: 'CLI' })]);
    expect(JSON.stringify(listed)).not.toContain(token);

    expect((await as(app, me).delete(`/api/auth/tokens/${id}`)).statusCode).toBe(204);
    const after = await app.inject({ method: 'GET', url: '/api/auth/session', headers: bearer });
    expect(after.statusCode).toBe(401);
  });

  it('refuses a malformed or unknown bearer token', async () => {
    for (const authorization of ['Bearer cfr_nope', 'Basic abc', 'Bearer']) {
      const res = await app.inject({ method: 'GET', url: '/api/orgs', headers: { authorization } });
      expect(res.statusCode).toBe(401);
    }
  });
});
