import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { dataDirOwner } from '../data-dir-lock.ts';

// The CLI as a real child process on the embedded database: alone (it opens the database itself,
// holding the data dir's lock), then while a server holds the data dir (it goes through the server).
const serverDir = join(import.meta.dirname, '..', '..');
let dataDir: string;
const children: ChildProcess[] = [];

function env(): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    KOMISI_DATA_DIR: dataDir,
    KOMISI_SEED_DEMO: 'false',
    LOG_LEVEL: 'silent',
    HOST: '127.0.0.1',
    PORT: '0',
  };
  delete e.DATABASE_URL;
  delete e.KOMISI_JWT_SECRET;
  delete e.PUBLIC_BASE_URL;
  return e;
}

function run(script: string, args: string[]) {
  const child = spawn(process.execPath, ['--conditions=komisi-source', '--import', 'tsx', script, ...args], {
    cwd: serverDir,
    env: env(),
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
  const exited = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.once('exit', (code) => resolve({ code, stdout, stderr })),
  );
  return { child, exited, output: () => stdout };
}

const cli = (...args: string[]) => run('src/cli.ts', args).exited;

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'komisi-cli-'));
});
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

it('without a server: creates a tenant on the embedded database, refuses bad input with exit codes', async () => {
  const created = await cli(
    'tenants',
    'create',
    '--profile',
    'qutab-platform',
    '--slug',
    'solo',
    '--name',
    'Solo Shop',
    '--admin-email',
    'owner@solo.example',
    '--json',
  );
  expect(created.code, created.stderr).toBe(0);
  expect(JSON.parse(created.stdout)).toMatchObject({
    tenant: { slug: 'solo', profile: 'qutab-platform', currency: 'IDR' },
    admin: { email: 'owner@solo.example', password: expect.any(String) },
  });
  const bad = await cli('tenants', 'settings', 'solo', '--set', 'referralAffiliates.holdDays=-1');
  expect(bad.code).toBe(1);
  expect(bad.stderr).toContain('referralAffiliates.holdDays');
  const usage = await cli('tenants', 'create', '--slug', 'x');
  expect(usage.code).toBe(2);
  expect(usage.stderr).toContain('--profile');
  expect(dataDirOwner(dataDir)).toBeUndefined(); // the lock was released
}, 180_000);

it('while a server holds the data dir: goes through the server, which serves the change at once', async () => {
  const server = run('src/main.ts', []);
  const origin = await new Promise<string>((resolve, reject) => {
    server.child.stdout!.on('data', () => {
      const m = /Komisi is listening on (\S+)/.exec(server.output());
      if (m) resolve(m[1]!);
    });
    void server.exited.then((r) => reject(new Error(`server exited: ${r.stdout}\n${r.stderr}`)));
  });
  // the lock records where the server listens
  await expect
    .poll(() => dataDirOwner(dataDir)?.url, { timeout: 5000 })
    .toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  const changed = await cli(
    'tenants',
    'settings',
    'solo',
    '--set',
    'referralAffiliates.holdDays=0',
    '--json',
  );
  expect(changed.code, changed.stderr).toBe(0);
  expect(JSON.parse(changed.stdout).settings.referralAffiliates).toEqual({ holdDays: 0 });

  const password = readFileSync(join(dataDir, 'platform-admin-password'), 'utf8').trim();
  const login = await fetch(`${origin}/platform/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'platform@komisi.local', password }),
  });
  const { token } = (await login.json()) as { token: string };
  const settings = await fetch(`${origin}/platform/api/tenants/solo/settings`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(
    ((await settings.json()) as { settings: { referralAffiliates: unknown } }).settings.referralAffiliates,
  ).toEqual({ holdDays: 0 });
  server.child.kill('SIGTERM');
  expect((await server.exited).code).toBe(0);
}, 180_000);
