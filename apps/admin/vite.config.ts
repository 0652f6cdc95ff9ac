import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The admin console, served by the server at /admin/ (or from any origin the tenants list). The
 * SDK is bundled from its sources (only its runtime: router types are erased). In development,
 * `pnpm --filter @komisi/admin dev` proxies the API to a server on :3000.
 */
export default defineConfig({
  base: '/admin/',
  plugins: [react()],
  resolve: { conditions: ['komisi-source', 'module', 'browser', 'development|production'] },
  build: {
    target: 'es2023',
    // the server's CSP allows scripts and styles from its origin only: no inline module preload polyfill
    modulePreload: { polyfill: false },
    // the shell (React, Mantine, router, query, SDK) is one chunk of about 650 kB, 200 kB gzipped
    chunkSizeWarningLimit: 700,
  },
  server: {
    proxy: {
      '/t/': 'http://127.0.0.1:3000',
      '/platform/': 'http://127.0.0.1:3000',
    },
  },
});
