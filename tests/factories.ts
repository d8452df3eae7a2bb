import { randomBytes } from 'node:crypto';
import { desc, sql } from 'drizzle-orm';
import { deliveries } from '../src/db/schema.ts';
import type { App } from '../src/http/app.ts';
import { EMAIL_CHANGE_JOB } from '../src/services/change-email.ts';
import { emailNotifications } from '../src/services/email-notifications.ts';
import { runDueJobs } from '../src/services/process-jobs.ts';
import { SIGN_UP_JOB } from '../src/services/sign-up.ts';
import { contextOf, remoteMailOf } from './support/test-app.ts';

export const PASSWORD = 'correct-horse-battery';

export type Session = { userId: string; email: string; cookie: string; csrfToken: string };

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

function sessionCookie(setCookie: string | string[] | undefined): string {
  const all = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  const found = all.find((c) => c.startsWith('confer_session='));
  if (!found) throw new Error('no session cookie was set');
  return found.split(';')[0]!;
}

/** Calls the API as a signed-in browser would: cookie plus CSRF header on writes. */
export function as(app: App, session: Session | null) {
  const call = (
    method: Method,
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ) =>
    app.inject({
      method,
      url,
      ...(payload === undefined ? {} : { payload: payload as object }),
      headers: {
        ...(session ? { cookie: session.cookie } : {}),
        ...(session && method !== 'GET' ? { 'x-csrf-token': session.csrfToken } : {}),
        ...headers,
      },
    });
  return {
    get: (url: string, headers?: Record<string, string>) => call('GET', url, undefined, headers),
    post: (url: string, body?: unknown) => call('POST', url, body ?? {}),
    patch: (url: string, body: unknown) => call('PATCH', url, body),
    put: (url: string, body?: unknown) => call('PUT', url, body ?? {}),
    delete: (url: string) => call('DELETE', url),
  };
}

export const uniqueEmail = (label = 'user') =>
  `${label}-${randomBytes(4).toString('hex')}@example.test`;

/**
 * The link in the newest email to `email` whose path starts with `prefix`
 * (`/confirm-sign-up/`, `/confirm-email/`), once the worker's job has written
 * it: what the person would click.
 */
export async function emailedLink(app: App, email: string, prefix: string): Promise<string> {
  const remote = remoteMailOf(app);
  if (remote) return remote(email, prefix);
  const ctx = contextOf(app);
  await runDueJobs(ctx, 20, [SIGN_UP_JOB, EMAIL_CHANGE_JOB]);
  const rows = await ctx.db
    .select({ text: deliveries.bodyText })
    .from(deliveries)
    .where(
      sql`lower(${deliveries.toAddress}) in (${email.toLowerCase()}) or lower(${deliveries.toAddress}) like ${`%<${email.toLowerCase()}>`}`,
    )
    .orderBy(desc(deliveries.id));
  // The newest email only: what the person just asked for.
  const link = rows[0]?.text?.match(new RegExp(`https?://\\S+${prefix}\\S*`))?.[0];
  if (!link) throw new Error(`the newest email to ${email} has no ${prefix} link`);
  return link;
}

/**
 * Sends the account emails queued so far (sign-up links, invitations) with
 * the app's own mailer, as its worker would: a test's setup does not leave
 * them for the mail server a test watches.
 */
export async function sendQueuedEmails(app: App) {
  // A server in another process sends its own.
  if (remoteMailOf(app)) return;
  const ctx = contextOf(app);
  while ((await emailNotifications(ctx)) > 0);
}

/**
 * A new account through the real sign-up: with an invitation it is made at
 * once; otherwise the confirmation link emailed to the address is followed.
 */
export async function signUp(
  app: App,
  input: {
    email?: string;
    name?: string;
    password?: string;
    timeZone?: string;
    invitationToken?: string;
    /** the client's address as a proxy forwards it (sign-ups are limited per address) */
    forwardedFor?: string;
  } = {},
): Promise<Session> {
  const email = input.email ?? uniqueEmail();
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/sign-up',
    ...(input.forwardedFor ? { headers: { 'x-forwarded-for': input.forwardedFor } } : {}),
    payload: {
      email,
      password: input.password ?? PASSWORD,
      name: input.name ?? 'Test Person',
      timeZone: input.timeZone ?? 'Europe/London',
      ...(input.invitationToken ? { invitationToken: input.invitationToken } : {}),
    },
  });
  let signedIn = res;
  if (res.statusCode === 202 && !input.invitationToken) {
    const link = await emailedLink(app, email, '/confirm-sign-up/');
    signedIn = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-up/confirm',
      payload: { token: new URL(link).pathname.split('/').pop() },
    });
  }
  if (signedIn.statusCode !== 201) {
    throw new Error(`sign-up failed: ${signedIn.statusCode} ${signedIn.body}`);
  }
  await sendQueuedEmails(app);
  const body = signedIn.json();
  return {
    userId: body.user.id,
    email,
    cookie: sessionCookie(signedIn.headers['set-cookie']),
    csrfToken: body.csrfToken,
  };
}

export async function signIn(app: App, email: string, password = PASSWORD): Promise<Session> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: { email, password },
  });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  const body = res.json();
  return {
    userId: body.user.id,
    email,
    cookie: sessionCookie(res.headers['set-cookie']),
    csrfToken: body.csrfToken,
  };
}

/** A new account that starts its own organisation (and so is its admin). */
export async function createOrgWithAdmin(app: App, orgName = 'Acme Mentoring') {
  const admin = await signUp(app, { name: 'Alex Admin' });
  const res = await as(app, admin).post('/api/orgs', { name: orgName });
  if (res.statusCode !== 201) throw new Error(`create org failed: ${res.body}`);
  return { admin, orgId: res.json().id as string };
}

/** Invites someone and has them sign up through the link, as a new member would. */
export async function addMember(
  app: App,
  admin: Session,
  orgId: string,
  opts: {
    name?: string;
    role?: 'admin' | 'member';
    programId?: string;
    programRole?: 'mentor' | 'mentee';
  } = {},
): Promise<Session> {
  const email = uniqueEmail(opts.name?.split(' ')[0]?.toLowerCase() ?? 'member');
  const res = await as(app, admin).post(`/api/orgs/${orgId}/invitations`, {
    email,
    role: opts.role ?? 'member',
    ...(opts.programId
      ? { programId: opts.programId, programRole: opts.programRole ?? 'mentee' }
      : {}),
  });
  if (res.statusCode !== 201) throw new Error(`invite failed: ${res.body}`);
  const token = new URL(res.json().url).pathname.split('/').pop()!;
  // The invitation's email goes out (to the mailbox) before the invitee follows its link.
  return signUp(app, { email, name: opts.name ?? 'Member Person', invitationToken: token });
}
