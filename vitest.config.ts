import { defineConfig } from 'vitest/config';
import { sources } from './vitest.sources.ts';

// Three projects: pure unit tests, integration tests on real PostgreSQL
// (a fresh database per file, cloned from a migrated template), and the
// storage layer on embedded PGlite. The browser tests have their own config
// (vitest.browser.config.ts, `pnpm test:browser`).
export default defineConfig({
  ...sources,
  test: {
    projects: [
      {
        ...sources,
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/*.pglite.test.ts', '**/*.browser.test.ts', '**/node_modules/**'],
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
