export { FAVICON_SVG, FONT_FILES, FONTS_CSS, fontPath, scalarBundlePath } from './assets.ts';
export { renderIndexPage, renderProfilePage } from './site.ts';
