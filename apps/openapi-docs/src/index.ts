export { renderIndexPage, renderProfilePage, scalarBundlePath } from './site.ts';
