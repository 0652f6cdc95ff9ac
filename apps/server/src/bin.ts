/**
 * The process entry of `pnpm start`. V8's compiled code is cached on disk first (Node's module
 * compile cache), so a restart skips most of parsing and compiling the server's modules; then
 * the server itself loads.
 */
import { enableCompileCache } from 'node:module';

enableCompileCache();
await import('./main.ts');
