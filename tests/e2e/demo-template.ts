import { rmSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { freshDataDir, startServerProcess } from '../support/server-process.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** a DATA_DIR with the demo seeded, to copy */
    demoDataDir: string;
  }
}

/**
 * Vitest global setup of the browser tests: one DATA_DIR with the demo
 * seeded (migrations, the organisation and its seven weeks of history),
 * made by a real `confer serve` and stopped; each test file's server with
 * the default settings starts from a copy of it instead of seeding its own.
 * Servers with settings of their own (SMTP, Zoom, single sign-on) still
 * seed afresh.
 */
export default async function setup(project: TestProject) {
  const data = freshDataDir();
  const server = await startServerProcess({ DATA_DIR: data.dir, TEST_CLOCK: 'true' });
  await server.stop();
  // A copy starts without the first server's mail or lock.
  rmSync(path.join(data.dir, 'mail'), { recursive: true, force: true });
  rmSync(path.join(data.dir, 'confer.lock'), { force: true });
  project.provide('demoDataDir', data.dir);
  return () => data.remove();
}
