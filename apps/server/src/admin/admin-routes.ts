import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { type Context, Hono } from 'hono';

/** Where `pnpm build` leaves the admin console (apps/admin/dist), from src/admin or dist/admin alike. */
export const DEFAULT_ADMIN_DIR = resolve(import.meta.dirname, '../../../admin/dist');

/** Hashed file names change with their content: a browser keeps them a year without asking again. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** The page names the current hashed files: always asked again (answered from cache when unchanged). */
const REVALIDATE = 'no-cache';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.map': 'application/json',
};

/** A file name the build writes under assets/ (no path, no dot-file). */
const ASSET_NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,199}$/;

const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Komisi admin: not built</title></head>
<body><main><h1>The admin console is not built</h1>
<p>This server serves the console from <code>apps/admin/dist</code>, which is missing. Run <code>pnpm build</code>
(or <code>pnpm --filter @komisi/admin build</code>) and reload.</p></main></body></html>`;

export interface AdminRouteOptions {
  /** the console's built files (default: apps/admin/dist) */
  dir?: string;
}

/**
 * The admin console (`/admin/`): its hashed assets cached for good, its page revalidated, and the
 * page again for every client route under /admin/ (the app routes in the browser). Without a build,
 * a 503 page that says so.
 */
export function adminRoutes({ dir = DEFAULT_ADMIN_DIR }: AdminRouteOptions = {}) {
  const app = new Hono();
  let page: string | undefined;

  async function indexPage(): Promise<string | undefined> {
    page ??= await readFile(join(dir, 'index.html'), 'utf8').catch(() => undefined);
    return page;
  }

  app.get('/admin', (c) => c.redirect('/admin/', 301));

  app.get('/admin/assets/:file', async (c) => {
    const file = c.req.param('file');
    if (!ASSET_NAME.test(file)) return c.notFound();
    const path = join(dir, 'assets', file);
    const found = await stat(path).catch(() => null);
    if (!found?.isFile()) return c.notFound();
    return c.body(new Uint8Array(await readFile(path)), 200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': IMMUTABLE,
    });
  });

  const spa = async (c: Context) => {
    const html = await indexPage();
    if (!html) return c.html(NOT_BUILT, 503, { 'cache-control': 'no-store' });
    return c.html(html, 200, { 'cache-control': REVALIDATE });
  };
  app.get('/admin/', spa);
  app.get('/admin/*', spa);

  return app;
}
