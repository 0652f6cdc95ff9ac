import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type Config,
  createOrm,
  createRateLimiter,
  createRateLimitStore,
  createServices,
  devMailbox,
  type Logger,
  migrate,
  OutboxDispatcher,
  type SeededTenant,
  type ServiceOptions,
  seedAnsaniaDemo,
  seedDtehmDemo,
} from '@komisi/api';
import { createApp } from './app.ts';

/** Without KOMISI_JWT_SECRET a random secret is kept under the data dir, so tokens survive restarts. */
function jwtSecretFor(config: Config, log: Logger): string {
  if (config.jwtSecret) return config.jwtSecret;
  const file = join(config.dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  if (config.env === 'production' && config.databaseUrl) {
    log.warn(
      'KOMISI_JWT_SECRET is not set: generated one under the data dir (set it when running several instances)',
    );
  }
  mkdirSync(config.dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export interface PlatformOverrides {
  services?: Partial<ServiceOptions>;
}

/** Database (PostgreSQL or embedded PGlite), migrations, services, demo data and the HTTP app. */
export async function startPlatform(config: Config, log: Logger, overrides: PlatformOverrides = {}) {
  const orm = await createOrm({
    databaseUrl: config.databaseUrl,
    pgliteDir: join(config.dataDir, 'pglite'),
    poolMax: config.databasePoolMax,
  });
  await migrate(orm);
  const services = createServices(orm, {
    jwtSecret: jwtSecretFor(config, log),
    accessTokenTtlSeconds: config.accessTokenTtlSeconds,
    refreshTokenTtlSeconds: config.refreshTokenTtlSeconds,
    tenantHosts: config.tenantHosts,
    publicBaseUrl: () => config.publicBaseUrl ?? `http://localhost:${config.port}`,
    ...overrides.services,
  });
  const seeded: SeededTenant[] = config.seedDemo
    ? [
        await seedDtehmDemo(orm, services, config.adminPassword),
        await seedAnsaniaDemo(orm, services, config.adminPassword),
      ]
    : [];
  await services.tenants.invalidate();
  const rateLimitStore = createRateLimitStore({
    redisUrl: config.redisUrl,
    onError: (err) => log.warn({ err }, 'rate limit store unavailable: allowing requests'),
  });
  const app = createApp({
    services,
    log,
    trustProxy: config.trustProxy,
    rateLimiter: createRateLimiter(rateLimitStore),
  });
  const outbox = new OutboxDispatcher(orm, devMailbox, log);
  /** everything the platform opened, closed in order (graceful shutdown, tests) */
  async function close() {
    await outbox.stop();
    await rateLimitStore.close?.();
    await orm.close();
  }
  return { orm, services, app, seeded, outbox, close };
}

export type Platform = Awaited<ReturnType<typeof startPlatform>>;
