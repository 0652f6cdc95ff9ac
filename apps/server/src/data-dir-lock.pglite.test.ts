import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCK_NAME } from './data-dir-lock.ts';

// Real servers (what `pnpm start` runs) on one embedded database directory.
const serverDir = join(import.meta.dirname, '..');
let root: string;
let dataDir: string;
const children: ChildProcess[] = [];

interface Server {
  child: ChildProcess;
  output: () => { stdout: string; stderr: string };
  /** resolves with the origin once listening; rejects if the process exits first */
  listening: Promise<string>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function startServer(): Server {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    KOMISI_DATA_DIR: dataDir,
    KOMISI_SEED_DEMO: 'false',
    LOG_LEVEL: 'silent',
    HOST: '127.0.0.1',
    PORT: '0', // each its own port
  };
  delete env.DATABASE_URL;
  delete env.PUBLIC_BASE_URL;
  // node itself (not the tsx launcher, which would leave its node child behind a kill -9)
  const child = spawn(process.execPath, ['--conditions=komisi-source', '--import', 'tsx', 'src/main.ts'], {
    cwd: serverDir,
    env,
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => {
    stdout += d;
  });
  child.stderr!.on('data', (d) => {
    stderr += d;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const listening = new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', () => {
      const m = /Komisi is listening on (\S+)/.exec(stdout);
      if (m) resolve(m[1]!);
    });
    void exited.then(({ code, signal }) =>
      reject(new Error(`server exited (${code ?? signal}) before listening:\n${stdout}\n${stderr}`)),
    );
  });
  listening.catch(() => {}); // observed where awaited
  return { child, output: () => ({ stdout, stderr }), listening, exited };
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
