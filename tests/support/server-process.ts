import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import pg from 'pg';
import { withDatabase } from './global-database.ts';
import { generousRateLimits } from './rate-limits.ts';

export type ServerProcess = {
  url: string;
  pid: number;
  /** Everything the process printed so far (stdout and stderr). */
  output(): string;
  /** Resolves with the exit code (or signal) once the process is gone. */
  exited: Promise<number | string | null>;
  /** SIGKILL: the host crashing, nothing flushed or released. */
  crash(): Promise<void>;
  /** SIGTERM: the graceful stop an operator does. */
  stop(): Promise<void>;
  /** where it writes the emails it sends without an SMTP server (.eml files) */
  mailDir: string;
};

/**
 * Starts `confer serve` as its own process, the way an operator does, and
 * resolves once it prints its address. `env` overrides the defaults (a free
 * port, warnings only, jobs every second); pass DATABASE_URL or DATA_DIR.
 */
export async function startServerProcess(
  env: Record<string, string>,
  timeoutMs = 90_000,
): Promise<ServerProcess> {
  // Its own files (and emails), unless the test shares a DATA_DIR between processes.
  const dataDir = env.DATA_DIR ?? mkdtempSync(path.join(tmpdir(), 'confer-srv-'));
  const child: ChildProcess = spawn('node', ['--import', 'tsx', 'src/cli.ts', 'serve'], {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: '0',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'test',
      JOBS_POLL_SECONDS: '1',
      ...generousRateLimits,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | string | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal)),
  );
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`server did not start:\n${output}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Confer is running at (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  const kill = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return {
    url,
    pid: child.pid ?? -1,
    output: () => output,
    exited,
    crash: () => kill('SIGKILL'),
    stop: () => kill('SIGTERM'),
    mailDir: path.join(dataDir, 'mail'),
  };
}

/**
 * The link starting with `prefix` in an email to `to` that a server wrote
 * into one of these mail folders (whichever worker took the job), once it is there.
 */
export async function emailedLinkFrom(
  mailDirs: string[],
  to: string,
  prefix: string,
): Promise<string> {
  for (let attempt = 0; attempt < 100; attempt++) {
    for (const dir of mailDirs) {
      const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.eml')) : [];
      for (const file of files) {
        const mail = await simpleParser(readFileSync(path.join(dir, file)));
        if (
          !JSON.stringify(mail.to ?? '')
            .toLowerCase()
            .includes(to.toLowerCase())
        )
          continue;
        const link = mail.text?.match(new RegExp(`https?://\\S+${prefix}\\S*`))?.[0];
        if (link) return link;
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no email to ${to} with a ${prefix} link`);
}

/** A DATA_DIR of its own for an embedded-database server; removed by `remove()`. */
export function freshDataDir() {
  const dir = mkdtempSync(path.join(tmpdir(), 'confer-rel-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The PostgreSQL server tests create their databases on. */
const postgresAdminUrl =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * A new, empty PostgreSQL database (not the migrated template): for tests of
 * what servers do on first start. `drop()` removes it, connections and all.
 */
export async function freshPostgresDatabase(adminUrl = postgresAdminUrl) {
  const name = `confer_rel_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  return {
    url: withDatabase(adminUrl, name),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** Whether the PostgreSQL server of `freshPostgresDatabase` answers (tests that need one skip otherwise). */
export async function isPostgresReachable(adminUrl = postgresAdminUrl) {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** True when this run targets PostgreSQL (`npm run test:reliability:pg`). */
export const onPostgres = process.env.TEST_DATABASE === 'postgres';
