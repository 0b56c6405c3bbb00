import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';

/**
 * The embedded store is one process's folder: PostgreSQL's own postmaster.pid does not guard it
 * (PGlite runs inside this process and would write beside another one, corrupting the data).
 * A lock file beside the data folder, made with exclusive create, names the process holding it.
 */
export interface FolderLock {
  readonly file: string;
  release(): void;
}

interface Holder {
  pid: number;
  host: string;
  since: string;
}

function read(file: string): Holder | null {
  try {
    const h = JSON.parse(readFileSync(file, 'utf8')) as Holder;
    return Number.isInteger(h.pid) ? h : null;
  } catch {
    return null; // unreadable or half written: treated as stale below only if its writer is gone
  }
}

/** Locks this process holds (by file), so a second open in the same process is refused too. */
const held = new Set<string>();

/** Whether the process that wrote the lock still runs (on this machine; another host's is trusted). */
function alive(h: Holder, file: string): boolean {
  if (h.host !== hostname()) return true;
  // A restarted container gives the service the same pid: a lock naming us that we did not take
  // is a leftover.
  if (h.pid === process.pid) return held.has(file);
  try {
    process.kill(h.pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class FolderInUseError extends Error {}

/** Takes the lock on `dataDir` (its file is `${dataDir}.lock`), or throws a message saying who has it. */
export function lockFolder(dataDir: string): FolderLock {
  const file = `${dataDir}.lock`;
  const me: Holder = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  for (let attempt = 0; ; attempt++) {
    let fd: number;
    try {
      fd = openSync(file, 'wx', 0o600);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const h = read(file);
      // A lock being written this instant has no content yet: the writer is alive.
      if (attempt < 2 && (h === null || !alive(h, file))) {
        if (h !== null) {
          try {
            unlinkSync(file);
          } catch {
            /* another starter removed it first; the next try decides */
          }
        } else {
          Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
        }
        continue;
      }
      const who = h ? `process ${h.pid} on ${h.host}, since ${h.since}` : 'another process';
      throw new FolderInUseError(
        `DATA_DIR: the embedded database ${dataDir} is in use by another cart-upsell service (${who}). ` +
          `Stop that one first, or give this one another DATA_DIR; to run several instances on the same events, ` +
          `use a PostgreSQL server (DATABASE_URL). If no service is running, delete ${file}.`,
      );
    }
    writeSync(fd, JSON.stringify(me));
    closeSync(fd);
    held.add(file);
    let active = true;
    const release = () => {
      if (!active) return;
      active = false;
      held.delete(file);
      process.off('exit', release);
      // Only our own lock is removed (a stale-lock takeover may have replaced it).
      if (read(file)?.pid === me.pid && read(file)?.since === me.since) {
        try {
          unlinkSync(file);
        } catch {
          /* already gone */
        }
      }
    };
    process.on('exit', release);
    return { file, release };
  }
}
