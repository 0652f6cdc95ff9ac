import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCK_NAME } from './data-dir-lock.ts';
import { embeddedDatabaseEnv, spawnSource } from './testing/source-process.ts';

// Real servers (what `pnpm start` runs) on one embedded database directory.
let root: string;
let dataDir: string;
const children: ChildProcess[] = [];

function startServer() {
  const server = spawnSource('src/main.ts', [], embeddedDatabaseEnv(dataDir));
  children.push(server.child);
  const exited = server.exited.then(({ code, signal }) => ({ code, signal }));
  return { ...server, exited, listening: server.listening() };
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'komisi-two-processes-'));
  dataDir = join(root, '.data');
});

afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  rmSync(root, { recursive: true, force: true });
});

describe('one process per embedded database', () => {
  it('refuses a second server on the same data dir, and recovers after the first is killed -9', async () => {
    const first = startServer();
    const firstOrigin = await first.listening;
    expect((await fetch(`${firstOrigin}/docs/`)).status).toBe(200);

    const second = startServer();
    const refused = await Promise.race([second.exited, second.listening.then(() => 'listening' as const)]);
    if (refused === 'listening') expect.unreachable('a second server started on the same data dir');
    expect(refused.code).not.toBe(0);
    expect(refused.code).not.toBeNull();
    const { stdout, stderr } = second.output();
    expect(stderr.trim()).toBe(
      `Another Komisi process (pid ${first.child.pid}) is using the embedded database in ${dataDir}; stop it or set KOMISI_DATA_DIR to another folder.`,
    );
    expect(stdout).not.toContain('Komisi is listening');
    // the first one is untouched
    expect((await fetch(`${firstOrigin}/docs/`)).status).toBe(200);

    // a crash leaves the lock behind: the next start takes it over without waiting for it to go stale
    first.child.kill('SIGKILL');
    expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
    expect(existsSync(join(dataDir, LOCK_NAME))).toBe(true);

    const third = startServer();
    const thirdOrigin = await third.listening;
    expect((await fetch(`${thirdOrigin}/docs/`)).status).toBe(200);

    // a graceful stop releases the data dir
    third.child.kill('SIGTERM');
    expect(await third.exited).toEqual({ code: 0, signal: null });
    expect(existsSync(join(dataDir, LOCK_NAME))).toBe(false);
  }, 180_000);
});
