import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import lockfile from 'proper-lockfile';

// One process per embedded database: two servers on one PGlite directory would each keep their own
// copy of the data and overwrite each other's. The lock is a directory the library creates
// atomically (mkdir) and keeps fresh (mtime); the owner file beside it names the holder.

/** the lock directory inside the data dir */
export const LOCK_NAME = 'komisi.lock';
/** who holds the lock: `{ pid, startedAt, host, url? }` */
export const OWNER_NAME = 'komisi.lock.owner.json';

export interface DataDirOwner {
  pid: number;
  startedAt: string;
  host: string;
  /** where the holding server listens, once it does (the CLI reaches it there instead of opening the database) */
  url?: string;
}

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly owner: DataDirOwner | undefined,
  ) {
    const holder = !owner
      ? 'pid unknown'
      : owner.host === hostname()
        ? `pid ${owner.pid}`
        : `pid ${owner.pid} on ${owner.host}`;
    super(
      `Another Komisi process (${holder}) is using the embedded database in ${dataDir}; stop it or set KOMISI_DATA_DIR to another folder.`,
    );
    this.name = 'DataDirLockedError';
  }
}

export interface DataDirLock {
  /** absolute data dir */
  readonly dataDir: string;
  readonly owner: DataDirOwner;
  /** records where this process's server listens (loopback URL), for the CLI */
  announce(url: string): void;
  /** removes the owner file and the lock; safe to call twice */
  release(): Promise<void>;
}

export interface DataDirLockOptions {
  /**
   * A lock whose mtime is older than this is taken over whoever holds it (a holder on another host,
   * or a dead holder whose pid was reused). The holder refreshes it every `staleMs / 6`.
   * A dead holder on this host is recognised at once by its pid.
   */
  staleMs?: number;
  /** how long to wait for a fresh lock's owner file to appear (its holder writes it right after) */
  ownerWaitMs?: number;
  /** the lock was removed or taken over while held; default: throw (the process stops) */
  onCompromised?: (err: Error) => void;
}

/** data dirs this process holds: our own pid in an owner file means a previous run unless listed here */
const held = new Set<string>();

/**
 * Takes the data dir for this process, before the embedded database opens. Throws `DataDirLockedError`
 * when a live process holds it; a lock left by a crashed process is taken over.
 */
export async function lockDataDir(dataDir: string, options: DataDirLockOptions = {}): Promise<DataDirLock> {
  const dir = resolve(dataDir);
  const staleMs = options.staleMs ?? 30_000;
  const lockPath = join(dir, LOCK_NAME);
  const ownerPath = join(dir, OWNER_NAME);
  mkdirSync(dir, { recursive: true });

  for (let attempt = 0; ; attempt++) {
    let releaseLock: () => Promise<void>;
    try {
      releaseLock = await lockfile.lock(dir, {
        lockfilePath: lockPath,
        stale: staleMs,
        update: Math.max(1000, Math.floor(staleMs / 6)),
        onCompromised:
          options.onCompromised ??
          ((err) => {
            throw new Error(
              `Lost the lock on the embedded database in ${dir} (${err.message}): another process may be using it.`,
              { cause: err },
            );
          }),
      });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ELOCKED') throw err;
      const current = await ownerOf(lockPath, ownerPath, options.ownerWaitMs ?? 1000);
      if (current === 'gone') continue; // released meanwhile: try again
      if (attempt < 5 && current && holderIsGone(current.owner, dir)) {
        if (await takeOverFromDeadHolder(lockPath, ownerPath, current.raw)) continue;
      }
      throw new DataDirLockedError(dir, current?.owner);
    }
    return ownLock(dir, ownerPath, releaseLock);
  }
}

function ownLock(dir: string, ownerPath: string, releaseLock: () => Promise<void>): DataDirLock {
  const owner: DataDirOwner = { pid: process.pid, startedAt: new Date().toISOString(), host: hostname() };
  let raw = '';
  const writeOwner = (record: DataDirOwner) => {
    raw = JSON.stringify(record);
    const tmp = `${ownerPath}.${process.pid}.tmp`;
    writeFileSync(tmp, raw);
    renameSync(tmp, ownerPath);
  };
  writeOwner(owner);
  held.add(dir);
  // the library removes the lock directory on exit; the owner file goes with it
  const removeOwnerFile = () => {
    if (readRaw(ownerPath) === raw) rmSync(ownerPath, { force: true });
  };
  process.on('exit', removeOwnerFile);
  let released = false;
  return {
    dataDir: dir,
    owner,
    announce(url: string) {
      if (released) return;
      owner.url = url;
      writeOwner(owner);
    },
    async release() {
      if (released) return;
      released = true;
      process.off('exit', removeOwnerFile);
      removeOwnerFile();
      held.delete(dir);
      await releaseLock().catch((err: NodeJS.ErrnoException) => {
        // compromised locks are already released
        if (err.code !== 'ERELEASED') throw err;
      });
    },
  };
}

function readRaw(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

export function parseOwner(raw: string): DataDirOwner | undefined {
  try {
    const o = JSON.parse(raw) as Partial<DataDirOwner>;
    if (Number.isSafeInteger(o.pid) && (o.pid as number) > 0 && typeof o.host === 'string') {
      const owner: DataDirOwner = {
        pid: o.pid as number,
        startedAt: String(o.startedAt ?? ''),
        host: o.host,
      };
      if (typeof o.url === 'string') owner.url = o.url;
      return owner;
    }
  } catch {
    // unreadable: unknown owner
  }
  return undefined;
}

/**
 * The holder of a lock that exists: its owner file, waited for a moment (the holder writes it right
 * after taking the lock); `'gone'` when the lock disappeared meanwhile, undefined when no owner is known.
 */
async function ownerOf(
  lockPath: string,
  ownerPath: string,
  waitMs: number,
): Promise<{ raw: string; owner: DataDirOwner } | 'gone' | undefined> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    if (!existsSync(lockPath)) return 'gone';
    const raw = readRaw(ownerPath);
    const owner = raw === undefined ? undefined : parseOwner(raw);
    if (raw !== undefined && owner) return { raw, owner };
    if (Date.now() >= deadline) return undefined;
    await sleep(50);
  }
}

/** true when the holder is known to be dead: same host and no such process (or our pid from an earlier run) */
function holderIsGone(owner: DataDirOwner, dir: string): boolean {
  if (owner.host !== hostname()) return false; // its processes are not ours to see: the mtime decides
  if (owner.pid === process.pid) return !held.has(dir); // e.g. a restarted container that got the same pid
  try {
    process.kill(owner.pid, 0);
    return false; // alive
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH'; // EPERM: alive, another user's
  }
}

/**
 * Removes a dead holder's lock. The owner file must stay unchanged for a moment (an owner file left
 * behind while a new holder is between taking the lock and writing its own is not a dead holder), and
 * is claimed by an atomic rename, so of several processes recovering at once only one removes the lock.
 */
async function takeOverFromDeadHolder(lockPath: string, ownerPath: string, raw: string): Promise<boolean> {
  await sleep(150);
  if (readRaw(ownerPath) !== raw) return true; // changed meanwhile: look again
  const claimed = `${ownerPath}.${process.pid}.${randomUUID()}.stale`;
  try {
    renameSync(ownerPath, claimed);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return true; // another process claimed it
    throw err;
  }
  try {
    rmdirSync(lockPath);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  } finally {
    rmSync(claimed, { force: true });
  }
  return true;
}

/** The recorded holder of a data dir's lock, if the lock is there (without taking it). */
export function dataDirOwner(dataDir: string): DataDirOwner | undefined {
  const dir = resolve(dataDir);
  if (!existsSync(join(dir, LOCK_NAME))) return undefined;
  const raw = readRaw(join(dir, OWNER_NAME));
  return raw === undefined ? undefined : parseOwner(raw);
}
