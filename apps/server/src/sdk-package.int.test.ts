import { execFile, execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packSdkWithDependencies, SDK_CONSUMER_FIXTURES, WORKSPACE_TSC } from './testing/sdk-tarballs.ts';
import { startTestApp, type TestApp } from './testing/test-app.ts';

const run = promisify(execFile);

/** tsc's answer for one project of the consumer: exit code, diagnostics, wall time. */
async function typecheck(project: string, tsconfig: string) {
  const started = performance.now();
  const result = await run(process.execPath, [WORKSPACE_TSC, '-p', tsconfig, '--pretty', 'false'], {
    cwd: project,
  }).then(
    (r) => ({ code: 0, out: r.stdout }),
    (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }),
  );
  return { ...result, seconds: (performance.now() - started) / 1000 };
}

describe('the SDK as a frontend installs it: packed, outside the workspace, offline', () => {
  let root: string;
  let project: string;
  let app: TestApp;
  let server: ReturnType<typeof serve>;
  let baseUrl: string;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'komisi-sdk-consumer-'));
    const tarballs = join(root, 'tarballs');
    mkdirSync(tarballs);
    const packed = packSdkWithDependencies(tarballs);
    project = join(root, 'project');
    cpSync(SDK_CONSUMER_FIXTURES, project, { recursive: true });
    writeFileSync(
      join(project, 'package.json'),
      JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
    );
    // --legacy-peer-deps: @trpc/* name TypeScript as a peer; the consumer checks with the workspace's tsc
    execFileSync(
      'npm',
      [
        'install',
        '--offline',
        '--no-audit',
        '--no-fund',
        '--ignore-scripts',
        '--legacy-peer-deps',
        ...packed,
      ],
      { cwd: project, stdio: 'pipe' },
    );

    app = await startTestApp();
    const listening = new Promise<AddressInfo>((resolve) => {
      server = serve({ fetch: app.app.fetch, port: 0, hostname: '127.0.0.1' }, resolve);
    });
    baseUrl = `http://127.0.0.1:${(await listening).port}`;
  }, 240_000);

  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await app?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('ships JavaScript and one self-contained declaration file', () => {
    const sdk = join(project, 'node_modules/@komisi/sdk');
    const manifest = JSON.parse(readFileSync(join(sdk, 'package.json'), 'utf8'));
    expect(manifest.exports['.']).toEqual({ types: './dist/index.d.ts', default: './dist/index.js' });
    expect(Object.keys(manifest.dependencies).sort()).toEqual(['@trpc/client', '@trpc/server', 'superjson']);
    const declarations = readFileSync(join(sdk, 'dist/index.d.ts'), 'utf8');
    // the server's packages never reach a consumer: the router types are written out in full
    expect(declarations).not.toMatch(/@komisi\/|@mikro-orm|hono|pino|zod/);
  });

  it('type-checks a strict consumer (library checks on) and reports how long tsc takes', async () => {
    const result = await typecheck(project, 'tsconfig.json');
    expect(result.out).toBe('');
    expect(result.code).toBe(0);
    console.info(`sdk consumer: tsc --noEmit took ${result.seconds.toFixed(2)} s`);
  });

  it('turns wrong input and output fields into type errors, on exactly the marked lines', async () => {
    const source = readFileSync(join(project, 'wrong-fields.ts'), 'utf8').split('\n');
    const marked = source.flatMap((line, i) => (line.includes('// expect-error') ? [i + 1] : []));
    const result = await typecheck(project, 'tsconfig.wrong.json');
    expect(result.code).not.toBe(0);
    const failing = [
      ...new Set(
        [...result.out.matchAll(/^wrong-fields\.ts\((\d+),\d+\): error/gm)].map((m) => Number(m[1])),
      ),
    ];
    expect(failing.sort((a, b) => a - b)).toEqual(marked);
  });

  it('runs under plain node against a started server', async () => {
    const { stdout } = await run(process.execPath, ['consumer.ts'], {
      cwd: project,
      env: { ...process.env, KOMISI_URL: baseUrl, KOMISI_SPONSOR: app.rootMemberId },
    });
    const report = JSON.parse(stdout.trim().split('\n').at(-1)!);
    expect(report).toMatchObject({
      memberName: 'Outside Consumer',
      balance: 0,
      currency: 'UGX',
    });
    expect(report.validation).toHaveProperty('quantity');
    expect(report.savingsCodes).toEqual(['SP', 'SW', 'SS']);
    expect(Array.isArray(report.categoriesListed)).toBe(true);
  });
});
