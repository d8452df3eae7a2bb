import { randomUUID } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export class DataDirLockedError extends Error {}

/** Who holds a DATA_DIR: written once, atomically, into the lock file. */
type Owner = { pid: number; host: string; startedAt: string; nonce: string };

const LOCK_FILE = 'confer.lock';
/** A holder on another host is judged by the lock file's mtime, touched this often. */
const TOUCH_MS = 5_000;
const STALE_MS = 15_000;
/** Lock files held by this process: its own pid is alive, yet a second open must be refused. */
const heldHere = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: alive, but somebody else's.
    return (err as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

function readOwner(file: string): Owner | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Owner;
  } catch {
    return null;
  }
}

function ageMs(file: string): number {
  try {
    return Date.now() - statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

/**
 * A holder that cannot be running any more. On this host that is known at
 * once from its pid (its own pid too: in a container the restarted server is
 * often pid 1 again). Across hosts (a shared volume) only the lock file going
 * untouched says so.
 */
function isDead(file: string, owner: Owner | null): boolean {
  if (owner && owner.host === hostname()) {
    if (owner.pid === process.pid) return !heldHere.has(file);
    return !isAlive(owner.pid);
  }
  return ageMs(file) > STALE_MS;
}

/**
 * Removes a dead holder's lock file. Two servers may find the same dead
 * holder at once: `mkdir` of a directory named after its nonce lets one of
 * them remove it, so the other cannot delete the winner's new lock instead.
 */
function takeOver(file: string, dead: Owner | null): void {
  const guard = `${file}.takeover-${dead?.nonce ?? 'unknown'}`;
  try {
    mkdirSync(guard);
  } catch {
    // Another server is taking over, or crashed while it did (then it is stale).
    if (ageMs(guard) > STALE_MS) rmSync(guard, { recursive: true, force: true });
    return;
  }
  try {
    // recursive: earlier versions (proper-lockfile) locked with a directory of this name.
    if (readOwner(file)?.nonce === dead?.nonce) rmSync(file, { recursive: true, force: true });
  } finally {
    rmSync(guard, { recursive: true, force: true });
  }
}

/**
 * Holds `dataDir/confer.lock` until the returned release is called. A live
 * holder is refused with DataDirLockedError; a dead one's lock (kill -9, power
 * loss) is taken over at once rather than after a staleness timeout.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const file = path.join(path.resolve(dataDir), LOCK_FILE);
  const owner: Owner = {
    pid: process.pid,
    host: hostname(),
    startedAt: new Date().toISOString(),
    nonce: randomUUID(),
  };
  // Written aside and linked into place, so the lock never exists without its owner.
  const draft = `${file}.${owner.nonce}`;
  await writeFile(draft, JSON.stringify(owner));
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        linkSync(draft, file);
        break;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
      const holder = readOwner(file);
      // A few rounds: another server may be taking the same dead lock over.
      if (attempt >= 20 || !isDead(file, holder)) {
        throw new DataDirLockedError(
          `DATA_DIR ${path.dirname(file)} is in use by another Confer process${holder ? ` (pid ${holder.pid} on ${holder.host})` : ''}; stop it or choose another DATA_DIR`,
        );
      }
      takeOver(file, holder);
      await sleep(25);
    }
  } finally {
    rmSync(draft, { force: true });
  }
  heldHere.add(file);
  const touch = setInterval(() => {
    const now = new Date();
    try {
      utimesSync(file, now, now);
    } catch {
      // The directory went away; nothing left to protect.
    }
  }, TOUCH_MS);
  touch.unref();
  return async () => {
    clearInterval(touch);
    heldHere.delete(file);
    if (readOwner(file)?.nonce === owner.nonce) rmSync(file, { force: true });
  };
}
