import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { passwordResets } from '../../src/db/schema.ts';
import { emailNotifications } from '../../src/services/email-notifications.ts';
import { runDueJobs } from '../../src/services/process-jobs.ts';
import { hashSecret } from '../../src/services/secrets.ts';
import { as, PASSWORD, signIn, signUp, uniqueEmail } from '../factories.ts';
import { createTestApp } from '../support/test-app.ts';

/** Password reset by email (issue #11, "Account email"). */
const { app, clock, ctx, dataDir } = await createTestApp({
  TRUST_PROXY: '1',
  PASSWORD_RESET_RATE_LIMIT: '3',
  PASSWORD_RESET_ADDRESS_RATE_LIMIT: '5',
  PUBLIC_URL: 'https://confer.example.org',
});
clock.set(new Date('2027-03-01T09:00:00Z'));

const NEW_PASSWORD = 'lantern-orbit-quietly-47';
let lastAddress = 0;

function askForReset(email: string, address = `203.0.113.${++lastAddress}`) {
  return app.inject({
    method: 'POST',
    url: '/api/auth/password-reset',
    headers: { 'x-forwarded-for': address },
    payload: { email },
  });
}

function confirm(token: string, password: string) {
  return app.inject({
    method: 'POST',
    url: '/api/auth/password-reset/confirm',
    payload: { token, password },
  });
}

/** Runs the jobs, sends what is queued, then reads the reset emails to `email` and the newest link's token. */
async function resetEmailTo(email: string) {
  while ((await runDueJobs(ctx)) > 0);
  while ((await emailNotifications(ctx)) > 0);
  const dir = path.join(dataDir, 'mail');
  const mails = await Promise.all(
    readdirSync(dir)
      .filter((f) => f.endsWith('.eml'))
      .map((f) => simpleParser(readFileSync(path.join(dir, f)))),
  );
  // Its reset emails (its sign-up's confirmation is there too).
  const mine = mails.filter(
    (m) => JSON.stringify(m.to).includes(email) && m.subject === 'Reset your Confer password',
  );
  const mail = mine.at(-1);
  const link = mail?.text?.match(/https:\/\/confer\.example\.org\/reset-password\/(\S+)/);
  return { count: mine.length, mail, token: link?.[1] ?? '' };
}

describe('asking for a password reset', () => {
  it('answers an unknown address exactly as a known one, in similar time', async () => {
    const known = await signUp(app);
    const unknown = uniqueEmail('nobody');
    const a = await askForReset(known.email);
    const b = await askForReset(unknown);
    expect(a.statusCode, a.body).toBe(202);
    expect(b.statusCode).toBe(202);
    expect(b.body).toBe(a.body);
    expect(Object.keys(b.headers).sort()).toEqual(Object.keys(a.headers).sort());
    // Same work too: nothing about the account is touched while the request waits.
    expect(await ctx.db.select().from(passwordResets)).toHaveLength(0);

    // Medians of alternating runs (accounts made beforehand), so noise hits both alike.
    const knownEmails = [];
    for (let i = 0; i < 15; i++) knownEmails.push((await signUp(app)).email);
    const times = { known: [] as number[], unknown: [] as number[] };
    for (const [i, knownEmail] of knownEmails.entries()) {
      const pair = [
        ['known', knownEmail],
        ['unknown', uniqueEmail('nobody')],
      ] as const;
      for (const [k, email] of i % 2 ? [...pair].reverse() : pair) {
        const t = performance.now();
        await askForReset(email);
        times[k].push(performance.now() - t);
      }
    }
    const median = (xs: number[]) => xs.sort((x, y) => x - y)[xs.length >> 1] ?? 0;
    const [mk, mu] = [median(times.known), median(times.unknown)];
    console.log(`password-reset median: known ${mk.toFixed(1)} ms, unknown ${mu.toFixed(1)} ms`);
    // A gross leak (sending mail, hashing a password while the request waits) costs far more;
    // small differences are noise from other test files sharing the database server.
    expect(Math.abs(mk - mu)).toBeLessThan(Math.max(10, Math.max(mk, mu) * 0.5));
  });

  it('emails a link whose token works once, signs in and signs out every other session', async () => {
    const user = await signUp(app, { name: 'Rita Reset' });
    const other = await signIn(app, user.email);
    expect((await askForReset(user.email)).statusCode).toBe(202);
    const { mail, token } = await resetEmailTo(user.email);
    expect(mail?.subject).toBe('Reset your Confer password');
    expect(token).toMatch(/^cfp_/);

    // Stored only as its hash.
    const rows = await ctx.db.select().from(passwordResets);
    expect(rows.some((r) => r.tokenHash === hashSecret(token))).toBe(true);
    expect(JSON.stringify(rows)).not.toContain(token);

    // Not an in-app notification: the bell stays empty.
    const bell = await as(app, user).get('/api/me/notifications');
    expect(bell.json()).toMatchObject({ unread: 0, notifications: [] });

    const done = await confirm(token, NEW_PASSWORD);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().user.email).toBe(user.email);
    expect(String(done.headers['set-cookie'])).toContain('HttpOnly');

    // Every earlier session is signed out; the new password works, the old one not.
    for (const s of [user, other]) {
      expect((await as(app, s).get('/api/auth/session')).statusCode).toBe(401);
    }
    await signIn(app, user.email, NEW_PASSWORD);
    await expect(signIn(app, user.email, PASSWORD)).rejects.toThrow(/401/);

    const again = await confirm(token, 'another-fine-passphrase-93');
    expect(again.statusCode).toBe(400);
    expect(again.json().error.fields).toHaveProperty('body.token');
  });

  it('refuses an expired or unknown token, and a weak password naming the field', async () => {
    const user = await signUp(app);
    await askForReset(user.email);
    const { token } = await resetEmailTo(user.email);

    const weak = await confirm(token, 'password');
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.fields).toHaveProperty('body.password');

    const unknown = await confirm('cfp_not-a-real-token', NEW_PASSWORD);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields).toHaveProperty('body.token');

    clock.advance(61 * 60_000);
    const late = await confirm(token, NEW_PASSWORD);
    expect(late.statusCode).toBe(400);
    expect(late.json().error.fields).toHaveProperty('body.token');
    await signIn(app, user.email, PASSWORD);
  });

  it('limits requests per client address, whatever the email', async () => {
    const answers = [];
    for (let i = 0; i < 6; i++)
      answers.push((await askForReset(uniqueEmail(), '198.51.100.7')).statusCode);
    expect(answers).toEqual([202, 202, 202, 202, 202, 429]);
  });

  it('limits requests per email, whether or not it has an account', async () => {
    for (const email of [(await signUp(app)).email, uniqueEmail('nobody')]) {
      for (let i = 0; i < 3; i++) expect((await askForReset(email)).statusCode).toBe(202);
      const over = await askForReset(email);
      expect(over.statusCode).toBe(429);
      expect(over.headers['retry-after']).toBeDefined();
    }
  });
});
