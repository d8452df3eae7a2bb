import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/http/app.ts';
import { as, type Session } from '../factories.ts';
import { type BookingScenario, createBookingScenario } from '../support/booking-scenario.ts';
import { remoteApp } from '../support/remote-app.ts';
import {
  freshDataDir,
  freshPostgresDatabase,
  onPostgres,
  type ServerProcess,
  startServerProcess,
} from '../support/server-process.ts';
import { startSmtpServer } from '../support/smtp.ts';
import { registerRemoteMail } from '../support/test-app.ts';

/*
 * A real `confer serve` process (worker polling every second, a clock the
 * test moves) mailing through a real SMTP server that refuses one address,
 * then goes down, then answers "try later", then accepts.
 */

const MINUTE = 60_000;
let smtp = await startSmtpServer();
const database = onPostgres ? await freshPostgresDatabase() : freshDataDir();
let server: ServerProcess;
let app: App;
let s: BookingScenario;

beforeAll(async () => {
  server = await startServerProcess({
    ...('url' in database ? { DATABASE_URL: database.url } : { DATA_DIR: database.dir }),
    SMTP_URL: smtp.url,
    MAIL_FROM: 'Confer <no-reply@confer.test>',
    DEMO_SEED: 'false',
    TEST_CLOCK: 'true',
    LOG_LEVEL: 'info',
  });
  app = remoteApp(server.url);
  // Sign-up links arrive at the SMTP server, sent by the server's own worker.
  registerRemoteMail(app, async (email, prefix) => {
    for (let attempt = 0; attempt < 120; attempt++) {
      for (const m of [...smtp.received].reverse()) {
        if (!m.to.includes(email.toLowerCase()) && !m.to.includes(email)) continue;
        const text = (await simpleParser(m.raw)).text ?? '';
        const link = text.match(new RegExp(`https?://\\S+${prefix}\\S*`))?.[0];
        if (link) return link;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`no email to ${email} with a ${prefix} link`);
  });
  s = await createBookingScenario(app, 'Reliable Org');
  // Setup's own emails (a sign-up link, the two invitations) are not what these tests count.
  const invited = () =>
    [s.mentor.email, s.mentee.email].every((e) => smtp.received.some((m) => m.to.includes(e)));
  for (let attempt = 0; attempt < 120 && !invited(); attempt++) {
    await new Promise((r) => setTimeout(r, 250));
  }
  expect(invited()).toBe(true);
  smtp.received.length = 0;
});
afterAll(async () => {
  await server?.stop();
  await smtp.close();
  await ('drop' in database ? database.drop() : database.remove());
});

async function eventually<T>(what: string, probe: () => Promise<T | undefined | false>) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
const advanceClock = (ms: number) =>
  fetch(new URL('/api/test/clock', server.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ advanceMs: ms }),
  });
const deliveries = async (status: string) =>
  (await as(app, s.admin).get(`/api/orgs/${s.orgId}/deliveries?status=${status}`)).json()
    .deliveries as { status: string; lastError: string | null; recipient: { email: string } }[];
const bell = async (who: Session) =>
  (await as(app, who).get('/api/me/notifications')).json().notifications as { title: string }[];
const mailsTo = (email: string) => smtp.received.filter((m) => m.to.includes(email));

describe('A rejecting SMTP server: other mail still flows', () => {
  it('fails the refused (550) address alone and lists it for admins', async () => {
    smtp.control.refuse.set(s.mentee.email.toLowerCase(), 550);
    const id = await s.book(s.mentee, '2027-03-01T10:00:00Z');
    await s.act(s.mentor, id, 'approve');
    // The mentor's request and confirmation arrive although the mentee's address is refused.
    const toMentor = await eventually('the mentor’s two emails', async () => {
      const got = mailsTo(s.mentor.email);
      return got.length >= 2 && got;
    });
    const subjects = (await Promise.all(toMentor.map((m) => simpleParser(m.raw)))).map(
      (m) => m.subject,
    );
    expect(subjects).toContainEqual(expect.stringContaining('is confirmed'));
    const failed = await eventually('a failed delivery', async () => {
      const list = await deliveries('failed');
      return list.length > 0 && list;
    });
    expect(failed).toEqual([
      expect.objectContaining({
        recipient: expect.objectContaining({ email: s.mentee.email }),
        lastError: expect.stringContaining('550'),
      }),
    ]);
    expect(mailsTo(s.mentee.email)).toEqual([]);
    smtp.control.refuse.clear();
  });

  it('keeps jobs, the bell and the reputation refresh going while SMTP is down, and retries mail until it is accepted', async () => {
    const { port } = smtp;
    await smtp.close(); // down: connections are refused
    const reputationRuns = () => server.output().split('background stage reputations ran').length;
    const runsBefore = reputationRuns();
    await s.book(s.mentee, '2027-03-02T10:00:00Z');
    // In-app delivery does not wait for email.
    await eventually('the request in the mentor’s bell', async () =>
      (await bell(s.mentor)).some((n) => n.title.includes('requested a session on Tue 2 Mar')),
    );
    const [waiting] = await eventually('a retrying delivery', async () => {
      const list = await deliveries('retrying');
      return list.length > 0 && list;
    });
    expect(waiting?.lastError).toMatch(/ECONNREFUSED|ECONNECTION/);
    // The operator hears of it in the log.
    await eventually('the outage logged', async () =>
      server.output().includes('SMTP server unreachable'),
    );

    // A day later the reminder job runs and the mentors' stats are refreshed, SMTP still down.
    await advanceClock(24 * 60 * MINUTE + MINUTE);
    await eventually('the reminder in the mentor’s bell', async () =>
      (await bell(s.mentor)).some((n) => n.title.includes('is still waiting for your answer')),
    );
    await eventually('a reputation refresh', async () => reputationRuns() > runsBefore);

    // Back, but answering "try later" (451): the retry is refused and waits again.
    smtp = await startSmtpServer(port);
    smtp.control.dataAnswer = 451;
    await advanceClock(30 * MINUTE);
    const deferredToMentor = () => smtp.rejected.filter((m) => m.to.includes(s.mentor.email));
    // Both waiting mails (the request and the reminder) are tried and deferred.
    await eventually('the retries the server deferred', async () => deferredToMentor().length >= 2);
    await eventually('the 451 recorded', async () =>
      (await deliveries('retrying')).some((d) => d.lastError?.includes('451')),
    );
    expect(mailsTo(s.mentor.email)).toEqual([]);

    // Accepting again: the deferred mail goes out once, with the Message-ID it was tried with.
    smtp.control.dataAnswer = null;
    await advanceClock(2 * 60 * MINUTE);
    const sent = await eventually('the deferred mail', async () => {
      const got = mailsTo(s.mentor.email);
      return got.length >= 2 && got; // the request and the reminder
    });
    const triedIds = (await Promise.all(deferredToMentor().map((m) => simpleParser(m.raw)))).map(
      (m) => m.messageId,
    );
    const sentMails = await Promise.all(sent.map((m) => simpleParser(m.raw)));
    const request = sentMails.find((m) => m.subject?.includes('requested a session on Tue 2 Mar'));
    expect(request?.messageId).toBeTruthy();
    expect(triedIds).toContain(request?.messageId);
    expect(new Set(sentMails.map((m) => m.messageId)).size).toBe(sentMails.length);
    await eventually(
      'nothing left to retry',
      async () => (await deliveries('retrying')).length === 0,
    );
  });
});
