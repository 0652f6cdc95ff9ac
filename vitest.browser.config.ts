import { defineConfig } from 'vitest/config';
import { sources } from './vitest.sources.ts';

// `pnpm test:browser`: the docs site and the admin console (built by `pnpm build`) in headless
// chromium (Debian's, /usr/bin/chromium) against the real server on real PostgreSQL. Apart from
// `pnpm test`, which needs no browser.
export default defineConfig({
  ...sources,
  test: {
    name: 'browser',
    include: ['apps/*/src/**/*.browser.test.ts'],
    globalSetup: ['packages/api/src/testing/global-setup.ts'],
    // each file starts a server and a chromium: one at a time, or two cores time out under several
    fileParallelism: false,
    testTimeout: 60_000,
    // a poll waits on the server (a debounced search, a save): 1 s, the default, is too short on a
    // busy machine
    expect: { poll: { timeout: 15_000 } },
    hookTimeout: 120_000,
  },
});
