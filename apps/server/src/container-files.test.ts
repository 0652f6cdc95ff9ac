import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// No container engine runs the Dockerfile in CI, so these checks keep it and compose.yaml in step
// with what CI and a developer run: the Node and pnpm versions, the scripts, the variables.
const ROOT = join(import.meta.dirname, '../../..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const json = (path: string) =>
  JSON.parse(read(path)) as { name?: string; packageManager?: string; scripts?: Record<string, string> };

const dockerfile = read('Dockerfile').replace(/\\\n\s*/g, ' ');
const instructions = (name: string) =>
  [...dockerfile.matchAll(new RegExp(`^${name}\\s+(.+)$`, 'gm'))].map((m) => m[1]!.trim());
const compose = read('compose.yaml');
const rootScripts = json('package.json').scripts ?? {};

/** The commands pnpm runs itself rather than a package.json script. */
const PNPM_COMMANDS = new Set(['install', 'i', 'add', 'exec', 'dlx', 'fetch', 'deploy']);

/** The variable names a compose service sets (`NAME: value`) or reads (`${NAME...}`). */
function composeVariables(service: string): string[] {
  const block = new RegExp(`^  ${service}:\\n((?:    .*\\n|\\n)*)`, 'm').exec(compose)?.[1] ?? '';
  const set = [...block.matchAll(/^ {6}([A-Z][A-Z0-9_]*):/gm)].map((m) => m[1]!);
  const read = [...block.matchAll(/\$\{([A-Z][A-Z0-9_]*)/g)].map((m) => m[1]!);
  return [...new Set([...set, ...read])];
}

describe('Dockerfile', () => {
  it('uses the Node major of .nvmrc and the pnpm major of packageManager', () => {
    expect(instructions('FROM')[0]).toMatch(new RegExp(`^node:${read('.nvmrc').trim()}-slim\\b`));
    const pnpmMajor = /^pnpm@(\d+)\./.exec(json('package.json').packageManager ?? '')![1];
    expect(dockerfile).toContain(`npm i -g pnpm@${pnpmMajor}\n`);
  });

  it('installs as CI does, then builds and starts with the scripts package.json defines', () => {
    expect(instructions('RUN')).toContain('pnpm install --frozen-lockfile');
    expect(read('.ci/run')).toMatch(/^pnpm install --frozen-lockfile$/m);
    expect(instructions('RUN')).toContain('pnpm build');
    expect(JSON.parse(instructions('CMD').at(-1)!)).toEqual(['pnpm', 'start']);
    const scripts = [...instructions('RUN'), ...instructions('CMD')].flatMap((line) =>
      [...line.matchAll(/(?:^|&&\s*|\[")pnpm"?,?\s*"?([a-z][\w:-]*)/g)].map((m) => m[1]!),
    );
    expect(scripts).toEqual(expect.arrayContaining(['install', 'build', 'start']));
    const undefinedScripts = scripts.filter((s) => !PNPM_COMMANDS.has(s) && !(s in rootScripts));
    expect(undefinedScripts, 'pnpm scripts the Dockerfile runs that package.json does not define').toEqual(
      [],
    );
    // what `pnpm start` ends in: node on the built server
    expect(rootScripts.start).toMatch(/\bnode (?:--\S+ )*apps\/server\/dist\/\S+\.js$/);
  });

  it('runs in production as a user other than root, checked on /health, with its data in a volume', () => {
    expect(dockerfile).toMatch(/^ENV NODE_ENV=production\b/m);
    expect(instructions('USER').at(-1)).toMatch(/^(?!root$)\w+$/);
    expect(instructions('HEALTHCHECK').at(-1)).toContain("'/health'");
    expect(instructions('VOLUME').at(-1)).toContain('/data');
    expect(dockerfile).toMatch(/KOMISI_DATA_DIR=\/data/);
  });
});

describe('compose.yaml', () => {
  it('runs the server on PostgreSQL 17 and Redis, started once both are healthy', () => {
    expect(compose).toMatch(/^ {4}image: postgres:17$/m);
    expect(compose).toMatch(/^ {4}image: redis:\d+$/m);
    expect(compose.match(/^ {4}healthcheck:$/gm)).toHaveLength(2);
    const server = /^ {2}server:\n((?: {4}.*\n|\n)*)/m.exec(compose)![1]!;
    expect(server).toMatch(/postgres:\n\s+condition: service_healthy/);
    expect(server).toMatch(/redis:\n\s+condition: service_healthy/);
    for (const name of ['DATABASE_URL', 'REDIS_URL', 'KOMISI_FILE_KEY', 'KOMISI_JWT_SECRET']) {
      expect(composeVariables('server')).toContain(name);
    }
  });

  it('uses only variables .env.example lists', () => {
    const listed = new Set([...read('.env.example').matchAll(/^#?\s*([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]));
    const unlisted = composeVariables('server').filter((name) => !listed.has(name));
    expect(unlisted).toEqual([]);
  });
});
