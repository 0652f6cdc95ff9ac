import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const REPO = resolve(import.meta.dirname, '../../..');

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
    probe.on('error', fail);
  });
}

/** Every live process below `pid`, with its command line (from /proc). */
function descendants(pid: number): { pid: number; cmd: string }[] {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parentOf.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {} // gone meanwhile
  }
  const below = (p: number): number[] =>
    [...parentOf].filter(([, parent]) => parent === p).flatMap(([child]) => [child, ...below(child)]);
  return below(pid).map((p) => ({ pid: p, cmd: cmdline(p) }));
}

function cmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    return '';
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until(check: () => boolean | Promise<boolean>, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

describe('pnpm start', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'komisi-start-'));
  let pnpm: ChildProcess | undefined;
  afterAll(() => {
    if (pnpm?.pid && alive(pnpm.pid)) pnpm.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves the compiled server with plain node, and SIGTERM to pnpm leaves no process behind', async () => {
    const port = await freePort();
    const env: Record<string, string | undefined> = {
      ...process.env,
      PORT: String(port),
      KOMISI_DATA_DIR: dataDir,
      KOMISI_SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
    };
    for (const key of Object.keys(env)) if (key === 'NODE_ENV' || key.startsWith('VITEST')) delete env[key];
    pnpm = spawn('pnpm', ['start'], { cwd: REPO, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    pnpm.stdout?.on('data', (d) => (output += d));
    pnpm.stderr?.on('data', (d) => (output += d));
    const exited = new Promise<number | null>((done) => pnpm!.on('exit', (code) => done(code)));

    const health = async () =>
      fetch(`http://127.0.0.1:${port}/health`).then(
        (r) => r.ok,
        () => false,
      );
    expect(await until(health, 150_000), output).toBe(true);

    const tree = descendants(pnpm.pid!);
    const servers = tree.filter((p) => p.cmd.includes('apps/server/dist/bin.js'));
    expect(servers, JSON.stringify(tree)).toHaveLength(1);
    // with the young generation's size (docs/decisions.md, "A 16 MB young generation")
    expect(servers[0]!.cmd).toMatch(/^\S*node --max-semi-space-size=16 apps\/server\/dist\/bin\.js$/);
    expect(
      tree.filter((p) => /tsx|pnpm/.test(p.cmd)),
      JSON.stringify(tree),
    ).toEqual([]);

    pnpm.kill('SIGTERM');
    await exited;
    expect(await until(() => tree.every((p) => !alive(p.pid)), 20_000), JSON.stringify(tree)).toBe(true);
    expect(await health()).toBe(false);
  }, 200_000);
});
