import { createLogger, loadConfig } from '@komisi/api';
import { DataDirLockedError } from './data-dir-lock.ts';
import { serveWithLimits } from './header-limit.ts';
import { startPlatform } from './platform.ts';
import { startBanner } from './startup/banner.ts';
import { loadEnvFile } from './startup/env-file.ts';

loadEnvFile();
const config = loadConfig();
const log = createLogger(config.logLevel);
const { app, services, seeded, adminPasswords, platformAdmin, announce, outbox, close } = await startPlatform(
  config,
  log,
).catch((err: unknown) => {
  // another process holds the embedded database: say which, no stack trace
  if (!(err instanceof DataDirLockedError)) throw err;
  console.error(err.message);
  process.exit(1);
});
outbox.start();

// headers past MAX_HEADER_BYTES get a JSON 431 (header-limit.ts)
const server = serveWithLimits({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  // the CLI (pnpm komisi) finds this server through the data dir's lock and talks to it here
  announce(`http://${loopbackHost(config.host)}:${info.port}`);
  const banner = startBanner({
    origin: config.publicBaseUrl ?? `http://localhost:${info.port}`,
    database: config.databaseUrl ? 'PostgreSQL' : `embedded PGlite in ${config.dataDir}`,
    tenants: services.tenants.all(),
    seeded,
    adminPasswords,
    platformAdmin,
  });
  console.log(banner);
});

/** How a process on this machine reaches a server bound to `host`. */
function loopbackHost(host: string): string {
  if (host === '0.0.0.0' || host === '' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

// Graceful shutdown: stop accepting, let in-flight requests finish, then close the pool.
let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'shutting down');
  const force = setTimeout(() => process.exit(1), 15_000);
  force.unref();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await close();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
