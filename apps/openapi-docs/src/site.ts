import { type AppProfile, escapeHtml } from '@komisi/api';

/** An API documented beside the profiles (the platform administrators'). */
export interface DocumentedApi {
  id: string;
  title: string;
  description: string;
}

export function renderIndexPage(
  profiles: AppProfile[],
  tenantsByProfile: Map<string, string[]> = new Map(),
  /** where scalar.js, fonts.css and favicon.svg are served */
  assets = './assets',
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
${headLinks(assets)}
<style>body{font:16px/1.5 Inter,system-ui,sans-serif;max-width:48rem;margin:3rem auto;padding:0 1rem}li{margin:.75rem 0}</style>
</head><body><h1>Komisi API reference</h1>
<p>One OpenAPI 3.1 document per app profile. Each tenant serves its own at <code>/t/{tenant}/api/openapi.json</code>.</p>
<ul>${items}</ul>${
    platform
      ? `<h2>Platform administration</h2><ul><li><a href="./${escapeHtml(platform.id)}/">${escapeHtml(platform.title)}</a> — ${escapeHtml(platform.description)}</li></ul>`
      : ''
  }</body></html>`;
}

/**
 * Scalar with nothing from another host (the docs' CSP allows none): its fonts come from this server
 * (`fonts.css`), and its hosted extras stay off: telemetry, the AI agent, MCP, the developer
 * toolbar and the hosted client. "Test Request" calls the API on this origin.
 */
const SCALAR_CONFIGURATION = JSON.stringify({
  withDefaultFonts: false,
  telemetry: false,
  agent: { disabled: true },
  mcp: { disabled: true },
  showDeveloperTools: 'never',
  // "Open API Client" opens Scalar's hosted client (client.scalar.com) on this document's URL;
  // each operation's "Test Request" opens the bundled client here instead
  hideClientButton: true,
  // the sidebar lists every operation by its summary (the largest document has 60)
  defaultOpenAllTags: true,
});

export function renderProfilePage(
  profile: Pick<AppProfile, 'title'>,
  specUrl: string,
  /** where scalar.js, fonts.css and favicon.svg are served */
  assets: string,
): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(profile.title)} — Komisi</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
${headLinks(assets)}
</head><body>
<script id="api-reference" data-url="${escapeHtml(specUrl)}" data-configuration="${escapeHtml(SCALAR_CONFIGURATION)}"></script>
<script src="${escapeHtml(`${assets}/scalar.js`)}"></script></body></html>`;
}

function headLinks(assets: string): string {
  return `<link rel="icon" href="${escapeHtml(`${assets}/favicon.svg`)}" type="image/svg+xml">
<link rel="stylesheet" href="${escapeHtml(`${assets}/fonts.css`)}">`;
}
