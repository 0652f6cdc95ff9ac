import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

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
export const sources = { resolve: { alias: workspaceSources() } };
