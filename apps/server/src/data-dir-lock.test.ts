import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type DataDirLock, DataDirLockedError, LOCK_NAME, lockDataDir, OWNER_NAME } from './data-dir-lock.ts';

let dataDir: string;
const held: DataDirLock[] = [];

async function lock(options?: Parameters<typeof lockDataDir>[1]) {
  const l = await lockDataDir(dataDir, options);
  held.push(l);
  return l;
}

/** what a holder leaves behind: the lock directory and its owner file */
function leaveLock(owner: { pid: number; host?: string }) {
  mkdirSync(join(dataDir, LOCK_NAME), { recursive: true });
  writeFileSync(
    join(dataDir, OWNER_NAME),
    JSON.stringify({ pid: owner.pid, startedAt: '2026-01-01T00:00:00.000Z', host: owner.host ?? hostname() }),
  );
}

function refusal(promise: Promise<unknown>) {
  return promise.then(
    () => expect.unreachable('the data dir should have been refused'),
    (err: unknown) => {
      expect(err).toBeInstanceOf(DataDirLockedError);
      return err as DataDirLockedError;
    },
  );
}

beforeEach(() => {
  dataDir = join(mkdtempSync(join(tmpdir(), 'komisi-lock-')), '.data');
});

afterEach(async () => {
  for (const l of held.splice(0)) await l.release();
  rmSync(join(dataDir, '..'), { recursive: true, force: true });
});

describe('data dir lock', () => {
  it('refuses a second holder with a message naming the holder pid and the data dir', async () => {
    const first = await lock();
    expect(first.dataDir).toBe(dataDir);
    expect(JSON.parse(readFileSync(join(dataDir, OWNER_NAME), 'utf8'))).toMatchObject({
      pid: process.pid,
      host: hostname(),
    });

    const err = await refusal(lockDataDir(dataDir));
    expect(err.message).toBe(
      `Another Komisi process (pid ${process.pid}) is using the embedded database in ${dataDir}; stop it or set KOMISI_DATA_DIR to another folder.`,
    );
    expect(err.owner?.pid).toBe(process.pid);
  });

  it('refuses a data dir a live process on this host holds', async () => {
    leaveLock({ pid: process.ppid });
    const err = await refusal(lockDataDir(dataDir));
    expect(err.message).toContain(`(pid ${process.ppid}) is using the embedded database in ${dataDir};`);
    expect(existsSync(join(dataDir, LOCK_NAME))).toBe(true);
  });

  it('can be taken again once released, and release leaves nothing behind', async () => {
    const first = await lock();
    await first.release();
    await first.release(); // twice is harmless
    expect(existsSync(join(dataDir, LOCK_NAME))).toBe(false);
    expect(existsSync(join(dataDir, OWNER_NAME))).toBe(false);

    const second = await lock();
    expect(second.owner.pid).toBe(process.pid);
  });

  it('takes over at once a lock whose holder died (kill -9 leaves the lock behind)', async () => {
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    leaveLock({ pid: dead });

    const started = Date.now();
    const taken = await lock();
    expect(Date.now() - started).toBeLessThan(2000);
    expect(JSON.parse(readFileSync(join(dataDir, OWNER_NAME), 'utf8')).pid).toBe(process.pid);
    expect(taken.owner.pid).toBe(process.pid);
    // and it is held again
    await refusal(lockDataDir(dataDir));
  });

  it('takes over a lock a previous run with our own pid left (a restarted container)', async () => {
    leaveLock({ pid: process.pid });
    await expect(lock()).resolves.toMatchObject({ owner: { pid: process.pid } });
  });

  it('leaves a fresh lock held from another host alone, and takes it over once it is stale', async () => {
    leaveLock({ pid: 4242, host: 'elsewhere.example' });
    const err = await refusal(lockDataDir(dataDir, { staleMs: 5000 }));
    expect(err.message).toContain('(pid 4242 on elsewhere.example)');

    utimesSync(join(dataDir, LOCK_NAME), new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    await expect(lock({ staleMs: 5000 })).resolves.toMatchObject({ owner: { pid: process.pid } });
  });

  it('refuses a lock whose owner is unknown until it goes stale', async () => {
    mkdirSync(join(dataDir, LOCK_NAME), { recursive: true });
    const err = await refusal(lockDataDir(dataDir, { ownerWaitMs: 100 }));
    expect(err.message).toContain('(pid unknown)');
  });
});
