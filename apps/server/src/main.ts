import { createLogger, loadConfig } from '@komisi/api';
import { DataDirLockedError } from './data-dir-lock.ts';
import { serveWithLimits } from './header-limit.ts';
import { startPlatform } from './platform.ts';
import { startBanner } from './startup/banner.ts';
import { loadEnvFile } from './startup/env-file.ts';

loadEnvFile();
const config = loadConfig();
const log = createLogger(config.logLevel);
const { app, services, seeded, adminPasswords, outbox, close } = await startPlatform(config, log).catch(
  (err: unknown) => {
    // another process holds the embedded database: say which, no stack trace
    if (!(err instanceof DataDirLockedError)) throw err;
    console.error(err.message);
    process.exit(1);
  },
);
outbox.start();

// headers past MAX_HEADER_BYTES get a JSON 431 (header-limit.ts)
const server = serveWithLimits({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  const banner = startBanner({
    origin: config.publicBaseUrl ?? `http://localhost:${info.port}`,
    database: config.databaseUrl ? 'PostgreSQL' : `embedded PGlite in ${config.dataDir}`,
    tenants: services.tenants.all(),
    seeded,
    adminPasswords,
  });
  console.log(banner);
});

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
