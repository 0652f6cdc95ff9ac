import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** The Scalar API reference bundle shipped in its npm package, served as-is (works offline). */
export function scalarBundlePath(): string {
  const main = require.resolve('@scalar/api-reference'); // …/dist/index.js
  return join(dirname(main), 'browser', 'standalone.js');
}

// Scalar's theme names "Inter" for text and "JetBrains Mono" for code and would fetch both from its
// CDN; we serve them from their fontsource packages instead (`withDefaultFonts: false`). Latin and
// Latin Extended cover English and Indonesian; other scripts fall back to the system fonts.
const LATIN =
  'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,' +
  'U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD';
const LATIN_EXT =
  'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,' +
  'U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF';

interface FontFile {
  family: string;
  /** the variable font's weight axis */
  weights: string;
  pkg: string;
  file: string;
  range: string;
}

const FONTS: readonly FontFile[] = [
  {
    family: 'Inter',
    weights: '100 900',
    pkg: '@fontsource-variable/inter',
    file: 'inter-latin-wght-normal.woff2',
    range: LATIN,
  },
  {
    family: 'Inter',
    weights: '100 900',
    pkg: '@fontsource-variable/inter',
    file: 'inter-latin-ext-wght-normal.woff2',
    range: LATIN_EXT,
  },
  {
    family: 'JetBrains Mono',
    weights: '100 800',
    pkg: '@fontsource-variable/jetbrains-mono',
    file: 'jetbrains-mono-latin-wght-normal.woff2',
    range: LATIN,
  },
  {
    family: 'JetBrains Mono',
    weights: '100 800',
    pkg: '@fontsource-variable/jetbrains-mono',
    file: 'jetbrains-mono-latin-ext-wght-normal.woff2',
    range: LATIN_EXT,
  },
];

/** The font files the docs serve, by file name. */
export const FONT_FILES: readonly string[] = FONTS.map((f) => f.file);

/** Where a served font file lies in its package; undefined for any other name. */
export function fontPath(file: string): string | undefined {
  const font = FONTS.find((f) => f.file === file);
  return font && require.resolve(`${font.pkg}/files/${font.file}`);
}

/**
 * The fonts' `@font-face` rules. Their URLs are relative to the stylesheet (`fonts/<file>` beside
 * `fonts.css`), so it works under /docs/assets/ and in the static build alike.
 */
export const FONTS_CSS = FONTS.map(
  (f) =>
    `@font-face{font-family:'${f.family}';font-style:normal;font-display:swap;font-weight:${f.weights};` +
    `src:url(fonts/${f.file}) format('woff2');unicode-range:${f.range}}`,
).join('\n');

/** Komisi's mark: a white K on teal, drawn with strokes (no font), for the docs and the tenant pages. */
export const FAVICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">' +
  '<rect width="32" height="32" rx="7" fill="#0f766e"/>' +
  '<path d="M11 8v16M11 17l9-9M14.6 14.4 21 24" fill="none" stroke="#fff" stroke-width="3.4" ' +
  'stroke-linecap="round" stroke-linejoin="round"/></svg>\n';
