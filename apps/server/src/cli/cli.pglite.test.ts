import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { dataDirOwner } from '../data-dir-lock.ts';
import { embeddedDatabaseEnv, spawnSource } from '../testing/source-process.ts';

// The CLI as a real child process on the embedded database: alone (it opens the database itself,
// holding the data dir's lock), then while a server holds the data dir (it goes through the server).
let dataDir: string;
const children: ChildProcess[] = [];

function run(script: string, args: string[]) {
  const started = spawnSource(script, args, embeddedDatabaseEnv(dataDir, ['KOMISI_JWT_SECRET']));
  children.push(started.child);
  return started;
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
  const origin = await server.listening();
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
