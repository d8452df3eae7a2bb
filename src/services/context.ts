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
import type { ZoomEndpoints } from '../integrations/zoom-video.ts';

/** What every use case needs: the database, the clock (injectable so tests can move time) and the outside world. */
export type ServiceContext = {
  db: Db;
  now: () => Date;
  sessionDays: number;
  payments: PaymentProvider;
  /** for organisations that chose none: Jitsi (tests pass stand-ins) */
  video: VideoProvider;
  /** what an organisation's own choice (zoom) needs: see video-for-org.ts */
  videoSetup: VideoSetup;
  /** SMTP, or the embedded mailbox (DATA_DIR/mail); null only in tests that keep notifications in-app */
  mailer: Mailer | null;
  /** the web app's address, for links in emails */
  publicUrl: string | null;
  /** single sign-on may reach its provider over plain http (SSO_ALLOW_HTTP) */
  ssoAllowHttp: boolean;
  /** addresses people give (calendar feeds) may be http and local (FETCH_ALLOW_LOCAL) */
  fetchAllowLocal: boolean;
};

export type VideoSetup = {
  /** SECRETS_KEY: seals and opens stored credentials; null: Zoom cannot be used */
  secretsKey: Buffer | null;
  zoom: ZoomEndpoints;
  timeoutMs: number;
  /** one Zoom client per organisation and credentials, so its access token is reused */
  zoomClients: Map<string, { fingerprint: string; provider: VideoProvider }>;
};

/** Without PROVIDER_TIMEOUT_MS: how long one provider call may take. */
const DEFAULT_PROVIDER_TIMEOUT_MS = 10_000;

export function createServiceContext(
  db: Db,
  opts: Partial<Omit<ServiceContext, 'db' | 'videoSetup'>> & {
    providerTimeoutMs?: number;
    secretsKey?: Buffer | undefined;
    zoom?: ZoomEndpoints;
  } = {},
): ServiceContext {
  // Every outside call is bounded, so a hung provider cannot hold a request (or a job) forever.
  const timeout = opts.providerTimeoutMs ?? DEFAULT_PROVIDER_TIMEOUT_MS;
  return {
    db,
    now: opts.now ?? (() => new Date()),
    sessionDays: opts.sessionDays ?? 30,
    payments: timeLimitedPayments(opts.payments ?? ledgerOnlyPayments, timeout),
    video: timeLimitedVideo(opts.video ?? jitsiVideo, timeout),
    videoSetup: {
      secretsKey: opts.secretsKey ?? null,
      zoom: opts.zoom ?? {
        oauthUrl: 'https://zoom.us/oauth/token',
        apiUrl: 'https://api.zoom.us/v2',
      },
      timeoutMs: timeout,
      zoomClients: new Map(),
    },
    mailer: opts.mailer ?? null,
    publicUrl: opts.publicUrl ?? null,
    ssoAllowHttp: opts.ssoAllowHttp ?? false,
    fetchAllowLocal: opts.fetchAllowLocal ?? false,
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
    secretsKey: config.secretsKey,
    zoom: { oauthUrl: config.zoomOauthUrl, apiUrl: config.zoomApiUrl },
    // Without an SMTP server, mail goes to DATA_DIR/mail and the admins' Mailbox.
    mailer: config.smtpUrl
      ? smtpMailer(config.smtpUrl, config.mailFrom)
      : mailboxMailer(path.join(config.dataDir, 'mail'), config.mailFrom),
    publicUrl: config.publicUrl ?? opts.publicUrl ?? null,
    ssoAllowHttp: config.ssoAllowHttp,
    fetchAllowLocal: config.fetchAllowLocal,
    ...(opts.now ? { now: opts.now } : {}),
  });
}

/** The signed-in person a use case acts for. */
export type Actor = { userId: string };
