import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { type AppProfile, escapeHtml } from '@komisi/api';

const require = createRequire(import.meta.url);

/** The Scalar API reference bundle shipped in its npm package, served as-is (works offline). */
export function scalarBundlePath(): string {
  const main = require.resolve('@scalar/api-reference'); // …/dist/index.js
  return join(dirname(main), 'browser', 'standalone.js');
}

/** An API documented beside the profiles (the platform administrators'). */
export interface DocumentedApi {
  id: string;
  title: string;
  description: string;
}

export function renderIndexPage(
  profiles: AppProfile[],
  tenantsByProfile: Map<string, string[]> = new Map(),
  platform?: DocumentedApi,
): string {
  const items = profiles
    .map((p) => {
      const tenants = tenantsByProfile.get(p.id) ?? [];
      const docs = tenants.map((t) => `<code>/t/${escapeHtml(t)}/api</code>`).join(', ');
      return `<li><a href="./${escapeHtml(p.id)}/">${escapeHtml(p.title)}</a> — ${escapeHtml(p.description)}${
        docs ? `<br><small>Tenants: ${docs}</small>` : ''
      }</li>`;
    })
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Komisi API docs</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:48rem;margin:3rem auto;padding:0 1rem}li{margin:.75rem 0}</style>
</head><body><h1>Komisi API reference</h1>
<p>One OpenAPI 3.1 document per app profile. Each tenant serves its own at <code>/t/{tenant}/api/openapi.json</code>.</p>
<ul>${items}</ul>${
    platform
      ? `<h2>Platform administration</h2><ul><li><a href="./${escapeHtml(platform.id)}/">${escapeHtml(platform.title)}</a> — ${escapeHtml(platform.description)}</li></ul>`
      : ''
  }</body></html>`;
}

/** System fonts, not Scalar's hosted ones: the page loads nothing from another host (its CSP allows none). */
const SCALAR_CONFIGURATION = JSON.stringify({ withDefaultFonts: false });

export function renderProfilePage(
  profile: Pick<AppProfile, 'title'>,
  specUrl: string,
  scriptUrl: string,
): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(profile.title)} — Komisi</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head><body>
<script id="api-reference" data-url="${escapeHtml(specUrl)}" data-configuration="${escapeHtml(SCALAR_CONFIGURATION)}"></script>
<script src="${escapeHtml(scriptUrl)}"></script></body></html>`;
}
