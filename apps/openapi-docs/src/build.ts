// Writes the static docs site: `pnpm docs:build` → apps/openapi-docs/dist/
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildOpenApiDocument, buildPlatformOpenApiDocument, PLATFORM_API, PROFILES } from '@komisi/api';
import { FAVICON_SVG, FONT_FILES, FONTS_CSS, fontPath, scalarBundlePath } from './assets.ts';
import { renderIndexPage, renderProfilePage } from './site.ts';

const out = resolve(import.meta.dirname, '..', 'dist');
const baseUrl = process.argv[2] ?? 'http://localhost:3000/t/{tenant}/api';
const assets = join(out, 'assets');
mkdirSync(join(assets, 'fonts'), { recursive: true });
copyFileSync(scalarBundlePath(), join(assets, 'scalar.js'));
writeFileSync(join(assets, 'fonts.css'), `${FONTS_CSS}\n`);
for (const file of FONT_FILES) copyFileSync(fontPath(file)!, join(assets, 'fonts', file));
writeFileSync(join(assets, 'favicon.svg'), FAVICON_SVG);
const profiles = Object.values(PROFILES);
writeFileSync(join(out, 'index.html'), renderIndexPage(profiles, new Map(), './assets', PLATFORM_API));
for (const profile of profiles) {
  const dir = join(out, profile.id);
  mkdirSync(dir, { recursive: true });
  const doc = buildOpenApiDocument(profile, baseUrl);
  writeFileSync(join(dir, 'openapi.json'), `${JSON.stringify(doc, null, 2)}\n`);
  writeFileSync(join(dir, 'index.html'), renderProfilePage(profile, './openapi.json', '../assets'));
  console.log(`${profile.id}: ${Object.keys(doc.paths ?? {}).length} paths`);
}
{
  const dir = join(out, PLATFORM_API.id);
  mkdirSync(dir, { recursive: true });
  const platformBase = new URL(baseUrl.replace('{tenant}', 'x')).origin + PLATFORM_API.restPrefix;
  const doc = buildPlatformOpenApiDocument(platformBase);
  writeFileSync(join(dir, 'openapi.json'), `${JSON.stringify(doc, null, 2)}\n`);
  writeFileSync(join(dir, 'index.html'), renderProfilePage(PLATFORM_API, './openapi.json', '../assets'));
  console.log(`${PLATFORM_API.id}: ${Object.keys(doc.paths ?? {}).length} paths`);
}
console.log(`Docs written to ${out}`);
