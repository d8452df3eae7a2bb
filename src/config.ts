import { z } from 'zod';

/**
 * The whole environment, parsed once at start-up. Nothing else reads process.env:
 * code receives a `Config` instead, so tests can build one by hand.
 */
const booleanish = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'])
  .transform((v) => ['true', '1', 'yes', 'on'].includes(v));

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
  TRUST_PROXY: booleanish.default(false),
  DEMO_SEED: booleanish.default(true),
  SESSION_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
  LOGIN_RATE_WINDOW_SECONDS: z.coerce.number().int().min(1).default(900),
  JOBS_POLL_SECONDS: z.coerce.number().min(0).max(3600).default(5),
  TEST_CLOCK: booleanish.default(false),
  PROVIDER_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Confer <no-reply@confer.invalid>'),
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
  trustProxy: boolean;
  demoSeed: boolean;
  sessionDays: number;
  loginRateLimit: number;
  loginRateWindowSeconds: number;
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
    loginRateLimit: c.LOGIN_RATE_LIMIT,
    loginRateWindowSeconds: c.LOGIN_RATE_WINDOW_SECONDS,
    maxUploadBytes: c.MAX_UPLOAD_BYTES,
    jobsPollSeconds: c.JOBS_POLL_SECONDS,
    testClock: c.TEST_CLOCK,
    providerTimeoutMs: c.PROVIDER_TIMEOUT_MS,
    smtpUrl: c.SMTP_URL,
    mailFrom: c.MAIL_FROM,
  };
}
