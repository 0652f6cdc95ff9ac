/**
 * Where the API answers. Served by the server at /admin/, that is this page's own origin; hosted
 * elsewhere, the build's `VITE_KOMISI_API_URL` or the page's `<meta name="komisi-api-url">` names
 * the server (whose tenants must list this origin in `allowedOrigins`).
 */
export function apiBaseUrl(): string {
  const meta = document.querySelector<HTMLMetaElement>('meta[name="komisi-api-url"]')?.content.trim();
  // an unset build variable stays as its placeholder
  const configured = meta && !meta.startsWith('%') ? meta : '';
  return (configured || window.location.origin).replace(/\/+$/, '');
}
