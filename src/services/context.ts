import path from 'node:path';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { type Mailer, mailboxMailer, smtpMailer } from '../integrations/email.ts';
import {
  ledgerOnlyPayments,
  type PaymentProvider,
  timeLimitedPayments,
} from '../integrations/payments.ts';
import { jitsiVideo, timeLimitedVideo, type VideoProvider } from '../integrations/video.ts';

/** What every use case needs: the database, the clock (injectable so tests can move time) and the outside world. */
export type ServiceContext = {
  db: Db;
  now: () => Date;
  sessionDays: number;
  payments: PaymentProvider;
  video: VideoProvider;
  /** SMTP, or the embedded mailbox (DATA_DIR/mail); null only in tests that keep notifications in-app */
  mailer: Mailer | null;
  /** the web app's address, for links in emails */
  publicUrl: string | null;
};

/** Without PROVIDER_TIMEOUT_MS: how long one provider call may take. */
const DEFAULT_PROVIDER_TIMEOUT_MS = 10_000;

export function createServiceContext(
  db: Db,
  opts: Partial<Omit<ServiceContext, 'db'>> & { providerTimeoutMs?: number } = {},
): ServiceContext {
  // Every outside call is bounded, so a hung provider cannot hold a request (or a job) forever.
  const timeout = opts.providerTimeoutMs ?? DEFAULT_PROVIDER_TIMEOUT_MS;
  return {
    db,
    now: opts.now ?? (() => new Date()),
    sessionDays: opts.sessionDays ?? 30,
    payments: timeLimitedPayments(opts.payments ?? ledgerOnlyPayments, timeout),
    video: timeLimitedVideo(opts.video ?? jitsiVideo, timeout),
    mailer: opts.mailer ?? null,
    publicUrl: opts.publicUrl ?? null,
  };
}

/**
 * The context of a running Confer, from its configuration: the server, its
 * worker, the HTTP app and every CLI command use this one, so a setting (the
 * SMTP server, the session length) cannot reach one of them and miss another.
 * Close `mailer` when done.
 */
export function contextFromConfig(
  db: Db,
  config: Config,
  opts: {
    now?: () => Date;
    publicUrl?: string;
    /** tests: stand-ins for the video and payment providers */
    video?: VideoProvider;
    payments?: PaymentProvider;
  } = {},
): ServiceContext {
  return createServiceContext(db, {
    ...(opts.video ? { video: opts.video } : {}),
    ...(opts.payments ? { payments: opts.payments } : {}),
    sessionDays: config.sessionDays,
    providerTimeoutMs: config.providerTimeoutMs,
    // Without an SMTP server, mail goes to DATA_DIR/mail and the admins' Mailbox.
    mailer: config.smtpUrl
      ? smtpMailer(config.smtpUrl, config.mailFrom)
      : mailboxMailer(path.join(config.dataDir, 'mail'), config.mailFrom),
    publicUrl: config.publicUrl ?? opts.publicUrl ?? null,
    ...(opts.now ? { now: opts.now } : {}),
  });
}

/** The signed-in person a use case acts for. */
export type Actor = { userId: string };
