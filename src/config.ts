import { isIP } from 'node:net';
import { z } from 'zod';

/**
 * The whole environment, parsed once at start-up. Nothing else reads process.env:
 * code receives a `Config` instead, so tests can build one by hand.
 */
const booleanish = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'])
  .transform((v) => ['true', '1', 'yes', 'on'].includes(v));

/** proxy-addr's names for address ranges, accepted in TRUST_PROXY lists */
const rangeNames = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrRange(entry: string): boolean {
  if (rangeNames.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d{1,3}$/.test(prefix) && bits <= (family === 4 ? 32 : 128);
}

/**
 * Which proxies may say who the client is (X-Forwarded-For/-Proto). Trusting
 * every hop would let a client pick its own address, so: false, a number of
 * hops, or a comma-separated list of proxy addresses/CIDRs. `true` means one
 * hop (a single reverse proxy in front), the only safe reading of it.
 */
const trustProxy = z
  .string()
  .trim()
  .transform((v, ctx): false | number | string[] => {
    const lower = v.toLowerCase();
    if (['false', '0', 'no', 'off'].includes(lower)) return false;
    if (['true', 'yes', 'on'].includes(lower)) return 1;
    if (/^\d{1,2}$/.test(v)) return Number(v);
    const entries = v.split(',').map((e) => e.trim());
    if (entries.every(isAddressOrRange)) return entries;
    ctx.addIssue({
      code: 'custom',
      message:
        'must be false, a number of proxy hops, or a comma-separated list of addresses/CIDRs',
    });
    return z.NEVER;
  });

/** `<max> per <window seconds>`: both default per limit. */
const limitMax = (fallback: number) => z.coerce.number().int().min(1).default(fallback);
const limitWindow = (fallback: number) =>
  z.coerce.number().int().min(1).max(86_400).default(fallback);

const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  PUBLIC_URL: z.url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: trustProxy.default(false),
  DEMO_SEED: booleanish.default(true),
  SESSION_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  LOGIN_RATE_LIMIT: limitMax(10),
  LOGIN_RATE_WINDOW_SECONDS: limitWindow(900),
  LOGIN_ADDRESS_RATE_LIMIT: limitMax(30),
  SIGNUP_RATE_LIMIT: limitMax(10),
  SIGNUP_RATE_WINDOW_SECONDS: limitWindow(3600),
  PASSWORD_RESET_RATE_LIMIT: limitMax(3),
  PASSWORD_RESET_ADDRESS_RATE_LIMIT: limitMax(10),
  PASSWORD_RESET_RATE_WINDOW_SECONDS: limitWindow(3600),
  MESSAGE_RATE_LIMIT: limitMax(30),
  MESSAGE_RATE_WINDOW_SECONDS: limitWindow(60),
  UPLOAD_RATE_LIMIT: limitMax(20),
  UPLOAD_RATE_WINDOW_SECONDS: limitWindow(3600),
  JOBS_POLL_SECONDS: z.coerce.number().min(0).max(3600).default(5),
  TEST_CLOCK: booleanish.default(false),
  PROVIDER_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Confer <no-reply@confer.invalid>'),
  /** 32 random bytes, base64 (`openssl rand -base64 32`): seals stored provider credentials */
  SECRETS_KEY: z
    .string()
    .transform((v, ctx) => {
      const key = Buffer.from(v, 'base64');
      if (key.length === 32) return key;
      ctx.addIssue({
        code: 'custom',
        message: `must be 32 bytes in base64 (e.g. openssl rand -base64 32); this is ${key.length} bytes`,
      });
      return z.NEVER;
    })
    .optional(),
  ZOOM_OAUTH_URL: z.url().default('https://zoom.us/oauth/token'),
  ZOOM_API_URL: z.url().default('https://api.zoom.us/v2'),
  /** single sign-on through a provider on plain http (one on this machine, in tests or self-hosted) */
  SSO_ALLOW_HTTP: booleanish.default(false),
  FETCH_ALLOW_LOCAL: booleanish.default(false),
  MAX_UPLOAD_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(5 * 1024 * 1024),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  publicUrl: string | undefined;
  logLevel: string;
  /** false, a hop count, or proxy addresses/CIDRs (Fastify's trustProxy) */
  trustProxy: false | number | string[];
  demoSeed: boolean;
  sessionDays: number;
  rateLimits: RateLimits;
  maxUploadBytes: number;
  /** how often the server runs due background jobs; 0 = never (run `confer jobs` instead) */
  jobsPollSeconds: number;
  /** longest wait for one call to the video or payment provider */
  providerTimeoutMs: number;
  /** browser tests only: POST /api/test/clock moves the server's clock forward */
  testClock: boolean;
  /** where notification emails go out; none = in-app only */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** seals provider credentials at rest (AES-256-GCM); unset: Zoom cannot be configured */
  secretsKey: Buffer | undefined;
  /** Zoom's token endpoint and REST API base (tests point them at a stand-in) */
  zoomOauthUrl: string;
  zoomApiUrl: string;
  /** OpenID Connect providers may be reached over plain http */
  ssoAllowHttp: boolean;
  /** calendar feeds (and other addresses people give) may be http and on this machine or network */
  fetchAllowLocal: boolean;
};

export type RateLimit = { max: number; windowSeconds: number };

/** Limits shared by every instance (counted in the database). */
export type RateLimits = {
  /** failed sign-ins for one account from one address */
  signInAccount: RateLimit;
  /** failed sign-ins from one address, whatever the account */
  signInAddress: RateLimit;
  /** accounts created from one address */
  signUp: RateLimit;
  /** password-reset emails asked for one address (whether or not it has an account) */
  passwordResetEmail: RateLimit;
  /** password-reset emails asked from one client address */
  passwordResetAddress: RateLimit;
  /** messages sent by one user */
  messages: RateLimit;
  /** files uploaded by one user */
  uploads: RateLimit;
};

export class ConfigError extends Error {}

/** Parses the environment; throws ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const input = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = configSchema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const c = parsed.data;
  if (c.TEST_CLOCK && c.NODE_ENV === 'production') {
    throw new ConfigError(
      'Invalid configuration:\n  TEST_CLOCK: must not be on with NODE_ENV=production',
    );
  }
  // Links in invitations and feeds would otherwise come from whatever Host a request claims.
  if (c.NODE_ENV === 'production' && !c.PUBLIC_URL) {
    throw new ConfigError(
      'Invalid configuration:\n  PUBLIC_URL: is required with NODE_ENV=production (the address people open, e.g. https://confer.example.org)',
    );
  }
  return {
    env: c.NODE_ENV,
    host: c.HOST,
    port: c.PORT,
    dataDir: c.DATA_DIR,
    databaseUrl: c.DATABASE_URL,
    publicUrl: c.PUBLIC_URL,
    logLevel: c.LOG_LEVEL,
    trustProxy: c.TRUST_PROXY,
    demoSeed: c.DEMO_SEED,
    sessionDays: c.SESSION_DAYS,
    rateLimits: {
      signInAccount: { max: c.LOGIN_RATE_LIMIT, windowSeconds: c.LOGIN_RATE_WINDOW_SECONDS },
      signInAddress: {
        max: c.LOGIN_ADDRESS_RATE_LIMIT,
        windowSeconds: c.LOGIN_RATE_WINDOW_SECONDS,
      },
      signUp: { max: c.SIGNUP_RATE_LIMIT, windowSeconds: c.SIGNUP_RATE_WINDOW_SECONDS },
      passwordResetEmail: {
        max: c.PASSWORD_RESET_RATE_LIMIT,
        windowSeconds: c.PASSWORD_RESET_RATE_WINDOW_SECONDS,
      },
      passwordResetAddress: {
        max: c.PASSWORD_RESET_ADDRESS_RATE_LIMIT,
        windowSeconds: c.PASSWORD_RESET_RATE_WINDOW_SECONDS,
      },
      messages: { max: c.MESSAGE_RATE_LIMIT, windowSeconds: c.MESSAGE_RATE_WINDOW_SECONDS },
      uploads: { max: c.UPLOAD_RATE_LIMIT, windowSeconds: c.UPLOAD_RATE_WINDOW_SECONDS },
    },
    maxUploadBytes: c.MAX_UPLOAD_BYTES,
    jobsPollSeconds: c.JOBS_POLL_SECONDS,
    testClock: c.TEST_CLOCK,
    providerTimeoutMs: c.PROVIDER_TIMEOUT_MS,
    smtpUrl: c.SMTP_URL,
    mailFrom: c.MAIL_FROM,
    secretsKey: c.SECRETS_KEY,
    zoomOauthUrl: c.ZOOM_OAUTH_URL,
    zoomApiUrl: c.ZOOM_API_URL.replace(/\/+$/, ''),
    ssoAllowHttp: c.SSO_ALLOW_HTTP,
    fetchAllowLocal: c.FETCH_ALLOW_LOCAL,
  };
}
