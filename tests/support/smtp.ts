import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll } from 'vitest';
import type { Db } from '../../src/db/client.ts';
import { smtpMailer } from '../../src/integrations/email.ts';
import { createServiceContext } from '../../src/services/context.ts';
import { deliverNotifications } from '../../src/services/deliver-notifications.ts';
import { emailNotifications } from '../../src/services/email-notifications.ts';
import { runDueJobs } from '../../src/services/process-jobs.ts';

export type ReceivedMail = { to: string[]; raw: string };

/** An SMTP answer code, given to the client as the reply to a command. */
function refusal(code: number, text: string) {
  return Object.assign(new Error(text), { responseCode: code });
}

/**
 * A real SMTP server in this process, keeping what it receives. Tests steer
 * its answers: `refuse` maps a recipient address to a code its RCPT TO gets
 * (550: no such user, 450: try later); `dataAnswer`, when set, is the code
 * the end of every message gets instead of 250 — the message is kept in
 * `rejected` so a test can read what was tried.
 */
export async function startSmtpServer(port = 0) {
  const received: ReceivedMail[] = [];
  const rejected: ReceivedMail[] = [];
  const control = { refuse: new Map<string, number>(), dataAnswer: null as number | null };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const code = control.refuse.get(address.address.toLowerCase());
      if (code) return callback(refusal(code, `${code} refused: ${address.address}`));
      callback();
    },
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => {
        raw += chunk.toString();
      });
      stream.on('end', () => {
        const mail = { to: session.envelope.rcptTo.map((r) => r.address), raw };
        const code = control.dataAnswer;
        if (code) {
          rejected.push(mail);
          return callback(refusal(code, `${code} not now`));
        }
        received.push(mail);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${address.port}?ignoreTLS=true`,
    port: address.port,
    received,
    rejected,
    control,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * A real SMTP server and the worker's context that mails through it (the
 * test's database and clock), closed after the file; `runWorker` does one
 * round of the worker's notification and email stages.
 */
export async function startSmtpWorker(
  database: { db: Db },
  clock: { now: () => Date },
  opts: { publicUrl?: string } = {},
) {
  const smtp = await startSmtpServer();
  const mailer = smtpMailer(smtp.url, 'Confer <no-reply@confer.test>');
  const worker = createServiceContext(database.db, { now: clock.now, mailer, ...opts });
  afterAll(async () => {
    mailer.close();
    await smtp.close();
  });
  const runWorker = async (withJobs = false) => {
    if (withJobs) await runDueJobs(worker);
    while ((await deliverNotifications(worker)) > 0);
    while ((await emailNotifications(worker)) > 0);
  };
  return { smtp, mailer, worker, runWorker };
}
