import { createLogger, loadConfig } from '@komisi/api';
import { DataDirLockedError } from './data-dir-lock.ts';
import { serveWithLimits } from './header-limit.ts';
import { startPlatform } from './platform.ts';

const config = loadConfig();
const log = createLogger(config.logLevel);
const { app, seeded, platformAdmin, announce, outbox, close } = await startPlatform(config, log).catch(
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
  const origin = config.publicBaseUrl ?? `http://localhost:${info.port}`;
  // the CLI (pnpm komisi) finds this server through the data dir's lock and talks to it here
  announce(`http://${loopbackHost(config.host)}:${info.port}`);
  const lines = [
    '',
    `Komisi is listening on ${origin} (${config.databaseUrl ? 'PostgreSQL' : `embedded PGlite in ${config.dataDir}`})`,
    `  API docs:     ${origin}/docs/`,
  ];
  lines.push(
    `  Platform API: ${origin}/platform/api   (docs: ${origin}/docs/platform/)`,
    platformAdmin.password
      ? `    platform admin: ${platformAdmin.email} / ${platformAdmin.password}`
      : `    platform admin: ${platformAdmin.email} (password: KOMISI_PLATFORM_ADMIN_PASSWORD)`,
  );
  for (const t of seeded) {
    lines.push(`  Tenant ${t.slug}:  ${origin}/t/${t.slug}/api   (tRPC: ${origin}/t/${t.slug}/trpc)`);
    lines.push(`    OpenAPI:    ${origin}/t/${t.slug}/api/openapi.json`);
    if (t.rootMemberId) lines.push(`    root member to name as sponsor: ${t.rootMemberId}`);
    lines.push(
      t.admin.password
        ? `    admin: ${t.admin.email} / ${t.admin.password}`
        : `    admin: ${t.admin.email} (password set on first start: KOMISI_ADMIN_PASSWORD or printed then)`,
    );
  }
  console.log(lines.join('\n'));
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
