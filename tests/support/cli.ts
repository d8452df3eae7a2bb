import { spawn } from 'node:child_process';
import { type Database, openPglite, openPostgres } from '../../src/db/client.ts';
import { freshDataDir, freshPostgresDatabase, onPostgres } from './server-process.ts';

/** A database another process (the `confer` command) can open: a DATA_DIR, or a PostgreSQL database of its own. */
export async function openSharedDatabase(): Promise<{
  env: Record<string, string>;
  open: () => Promise<Database>;
  remove: () => unknown;
}> {
  if (onPostgres) {
    const fresh = await freshPostgresDatabase();
    return {
      env: { DATABASE_URL: fresh.url },
      open: async () => openPostgres(fresh.url),
      remove: fresh.drop,
    };
  }
  const dir = freshDataDir();
  return { env: { DATA_DIR: dir.dir }, open: () => openPglite(dir.dir), remove: dir.remove };
}

/** Runs `confer ARGS` in a child process; its exit code and everything it printed. */
export function runCli(args: string[], env: Record<string, string>) {
  const child = spawn('node', ['--import', 'tsx', 'src/cli.ts', ...args], {
    env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  return new Promise<{ code: number | null; output: string }>((resolve) =>
    child.once('exit', (code) => resolve({ code, output })),
  );
}
