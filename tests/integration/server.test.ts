import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { openPglite } from '../../src/db/client.ts';
import { DataDirLockedError } from '../../src/db/data-dir-lock.ts';
import { startServer } from '../../src/server.ts';
import { withDatabase } from '../support/global-database.ts';

const dataDir = mkdtempSync(path.join(tmpdir(), 'confer-server-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('configuration', () => {
  it('stops start-up with a message naming each bad variable', () => {
    expect(() =>
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' }),
    ).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x' });
    } catch (err) {
      expect((err as Error).message).toMatch(/PORT/);
      expect((err as Error).message).toMatch(/DATABASE_URL: must start with postgres:\/\//);
    }
  });

  it('has working defaults', () => {
    expect(loadConfig({})).toMatchObject({
      host: '127.0.0.1',
      port: 3000,
      dataDir: './data',
      demoSeed: true,
    });
  });
});

describe('the embedded server', () => {
  it('starts on an empty DATA_DIR with the demo seeded, refuses a second process, and stops cleanly', async () => {
    const config = loadConfig({ DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'silent' });
    const server = await startServer(config);
    try {
      const res = await fetch(`${server.url}/ready`);
      expect(await res.json()).toEqual({ status: 'ready', database: 'pglite' });
      const signIn = await fetch(`${server.url}/api/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'admin@demo.confer.test', password: 'confer-demo-2026' }),
      });
      expect(signIn.status).toBe(200);
      await expect(openPglite(dataDir)).rejects.toThrow(DataDirLockedError);
    } finally {
      await server.stop();
    }
    // Closed cleanly: the directory opens again with the data intact and is not re-seeded.
    const again = await startServer(config);
    try {
      const signIn = await fetch(`${again.url}/api/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'admin@demo.confer.test', password: 'confer-demo-2026' }),
      });
      const orgs = (await signIn.json()).user.organisations;
      expect(orgs).toHaveLength(1);
    } finally {
      await again.stop();
    }
    // A fresh embedded database, seeded, then reopened: ~28 s on a quiet machine.
  }, 90_000);
});

/** Another process holding `dir` open, the way a running server does; resolves once it has it. */
async function holdInAnotherProcess(dir: string) {
  const script = `const { openPglite } = await import('./src/db/client.ts');
    await openPglite(process.argv[1]); console.log('open'); setInterval(() => {}, 60_000);`;
  const child = spawn('node', ['--import', 'tsx', '--input-type=module', '-e', script, dir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('open') && resolve());
    void exited.then(() => reject(new Error('the holder exited')));
  });
  return {
    crash: () => {
      child.kill('SIGKILL');
      return exited;
    },
  };
}

describe('the DATA_DIR lock', () => {
  // Two processes each opening PGlite: more than the default 30 s on a busy machine.
  it("refuses a live owner and takes a killed owner's lock over at once", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'confer-lock-'));
    try {
      const holder = await holdInAnotherProcess(dir);
      await expect(openPglite(dir)).rejects.toThrow(/in use by another Confer process/);
      await holder.crash();
      // Straight after kill -9: no waiting for the lock file to go stale.
      const database = await openPglite(dir);
      await database.ping();
      await database.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});

describe.runIf(inject('databaseDriver') === 'postgres')('the server on PostgreSQL', () => {
  it('migrates an empty database, seeds the demo and serves it', async () => {
    const adminUrl = inject('postgresAdminUrl');
    const name = `${inject('databaseTemplate').replace(/_template$/, '')}_server_${randomBytes(3).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    try {
      const config = loadConfig({
        DATABASE_URL: withDatabase(adminUrl, name),
        DATA_DIR: dataDir,
        PORT: '0',
        LOG_LEVEL: 'silent',
      });
      const server = await startServer(config);
      try {
        const ready = await (await fetch(`${server.url}/ready`)).json();
        expect(ready).toEqual({ status: 'ready', database: 'postgres' });
        const signIn = await fetch(`${server.url}/api/auth/sign-in`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'sam@demo.confer.test', password: 'confer-demo-2026' }),
        });
        expect((await signIn.json()).user.name).toBe('Sam Lee');
      } finally {
        await server.stop();
      }
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});
