import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES } from './config.ts';

const ROOT = join(import.meta.dirname, '../../../..');
const listed = new Set(
  [...readFileSync(join(ROOT, '.env.example'), 'utf8').matchAll(/^#?\s*([A-Z][A-Z0-9_]*)=/gm)].map(
    (m) => m[1],
  ),
);

/** Production sources: every `.ts` under packages/x/src and apps/x/src, tests and test support aside. */
function productionSources(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== 'testing') walk(path);
      } else if (entry.name.endsWith('.ts') && !/\.test\.ts$|test-support\.ts$/.test(entry.name)) {
        files.push(path);
      }
    }
  };
  for (const group of ['packages', 'apps'])
    for (const pkg of readdirSync(join(ROOT, group))) walk(join(ROOT, group, pkg, 'src'));
  return files;
}

describe('.env.example', () => {
  it('lists every variable the configuration reads', () => {
    expect(CONFIG_VARIABLES.length).toBeGreaterThan(20);
    expect(CONFIG_VARIABLES.filter((name) => !listed.has(name))).toEqual([]);
  });

  it('lists every variable production code reads from process.env directly', () => {
    const unlisted: string[] = [];
    for (const file of productionSources()) {
      const source = readFileSync(file, 'utf8');
      for (const [, name] of source.matchAll(/process\.env(?:\.|\[['"])([A-Z][A-Z0-9_]*)/g)) {
        if (!listed.has(name!)) unlisted.push(`${relative(ROOT, file)}: ${name}`);
      }
    }
    expect(unlisted).toEqual([]);
  });
});
