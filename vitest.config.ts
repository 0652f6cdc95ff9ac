import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

// Three projects: pure unit tests, integration tests on real PostgreSQL
// (a fresh database per file, cloned from a migrated template), and the
// storage layer on embedded PGlite.
/**
 * Workspace packages resolve to their TypeScript sources (each export's `komisi-source` target),
 * never to a built `dist/` that may be stale. Aliases rather than resolve conditions: they also
 * reach the global setup, which runs outside the projects' environments.
 */
function workspaceSources() {
  const dirs = ['packages/domain', 'packages/api', 'packages/sdk', 'apps/openapi-docs', 'apps/server'];
  return dirs.flatMap((dir) => {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
      name: string;
      exports: Record<string, { 'komisi-source': string }>;
    };
    return Object.entries(pkg.exports).map(([subpath, targets]) => ({
      find: new RegExp(`^${pkg.name}${subpath.slice(1)}$`),
      replacement: resolve(dir, targets['komisi-source']),
    }));
  });
}
const sources = { resolve: { alias: workspaceSources() } };

export default defineConfig({
  ...sources,
  test: {
    projects: [
      {
        ...sources,
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/*.pglite.test.ts', '**/node_modules/**'],
        },
      },
      {
        ...sources,
        test: {
          name: 'integration',
          include: ['packages/*/src/**/*.int.test.ts', 'apps/*/src/**/*.int.test.ts'],
          globalSetup: ['packages/api/src/testing/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        ...sources,
        test: {
          name: 'pglite',
          include: ['packages/*/src/**/*.pglite.test.ts', 'apps/*/src/**/*.pglite.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
    coverage: {
      provider: 'v8',
      include: ['packages/domain/src/**/*.ts'],
      exclude: ['**/*.test.ts', '**/index.ts'],
      thresholds: { branches: 100, functions: 100, lines: 100, statements: 100 },
    },
  },
});
