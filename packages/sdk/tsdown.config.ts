import { defineConfig } from 'tsdown';

/**
 * The published SDK: ESM JavaScript that runs in Node ≥ 22 and browsers (fetch only), and one
 * declaration file with the routers' client types inlined, so a consumer needs none of the
 * server's packages. @trpc/* and superjson stay dependencies.
 */
export default defineConfig({
  entry: ['src/index.ts'],
  format: 'esm',
  platform: 'neutral',
  target: 'es2023',
  tsconfig: 'tsconfig.build.json',
  dts: true,
  // the routers' client types (and the domain codes they name) are inlined into index.d.ts
  deps: { alwaysBundle: [/^@komisi\//], dts: { alwaysBundle: [/^@komisi\//] } },
  sourcemap: true,
});
