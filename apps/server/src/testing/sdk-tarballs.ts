import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, realpathSync } from 'node:fs';
import { join, resolve } from 'node:path';

const REPO = resolve(import.meta.dirname, '../../../..');
const SDK_DIR = join(REPO, 'packages/sdk');

/** The package's own folder for an installed dependency, as the package manager linked it. */
function installedDir(name: string, fromNodeModules: string): string {
  return realpathSync(join(fromNodeModules, name));
}

/** `node_modules` that holds a linked package's own dependencies (pnpm puts them beside it). */
function siblingsOf(dir: string, name: string): string {
  return resolve(dir, ...name.split('/').map(() => '..'));
}

/**
 * Builds the SDK and packs it as a registry would receive it (`pnpm pack`: publishConfig applied,
 * `files` only), plus every runtime dependency it pulls in, packed from the installed copies, so a
 * project outside the workspace can install them all offline.
 */
export function packSdkWithDependencies(outDir: string): string[] {
  execFileSync('pnpm', ['--filter', '@komisi/sdk', 'build'], { cwd: REPO, stdio: 'pipe' });
  execFileSync('pnpm', ['pack', '--pack-destination', outDir], { cwd: SDK_DIR, stdio: 'pipe' });

  const seen = new Set<string>();
  const queue: [string, string][] = Object.keys(
    readJson(join(SDK_DIR, 'package.json')).dependencies ?? {},
  ).map((name) => [name, join(SDK_DIR, 'node_modules')]);
  while (queue.length > 0) {
    const [name, nodeModules] = queue.shift()!;
    const dir = installedDir(name, nodeModules);
    if (seen.has(dir)) continue;
    seen.add(dir);
    execFileSync('npm', ['pack', dir, '--pack-destination', outDir, '--ignore-scripts', '--silent'], {
      stdio: 'pipe',
    });
    for (const dep of Object.keys(readJson(join(dir, 'package.json')).dependencies ?? {})) {
      queue.push([dep, siblingsOf(dir, name)]);
    }
  }
  return readdirSync(outDir)
    .filter((f) => f.endsWith('.tgz'))
    .map((f) => join(outDir, f));
}

function readJson(path: string): { dependencies?: Record<string, string> } {
  return JSON.parse(readFileSync(path, 'utf8'));
}

export const SDK_CONSUMER_FIXTURES = join(SDK_DIR, 'consumer');
export const WORKSPACE_TSC = join(REPO, 'node_modules/typescript/bin/tsc');
