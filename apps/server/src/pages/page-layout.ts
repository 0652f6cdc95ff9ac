import { escapeHtml } from '@komisi/api';

/** The inline style of the small HTML pages (allowed by the docs' CSP, which these pages share). */
const STYLE =
  'body{font:16px/1.5 system-ui,sans-serif;max-width:48rem;margin:3rem auto;padding:0 1rem}' +
  'li{margin:.5rem 0}code{background:#f3f3f3;padding:0 .25rem;border-radius:3px}small{color:#555}';

/** A complete page: `body` is HTML the caller escaped. */
export function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<style>${STYLE}</style>
</head><body>
${body}
</body></html>`;
}

export const link = (href: string, text: string) => `<a href="${escapeHtml(href)}">${escapeHtml(text)}</a>`;
export const code = (text: string) => `<code>${escapeHtml(text)}</code>`;
