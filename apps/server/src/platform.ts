import { join } from 'node:path';
import {
  type Config,
  channelTransports,
  connectTenantChanges,
  createOrm,
  createRateLimiter,
  createRateLimitStore,
  createReferralClickWriter,
  createServices,
  filesSetupFromConfig,
  type Logger,
  messageTransportFromConfig,
  migrate,
  OutboxDispatcher,
  type SeededTenant,
  type ServiceOptions,
  seedAnsaniaDemo,
  seedDtehmDemo,
  seedQutabDemo,
  seedSinomanDemo,
} from '@komisi/api';
import { createApp } from './app.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { jwtSecretFor, platformAdminPasswordFor } from './data-dir-secrets.ts';
import { demoAdminPasswords } from './startup/demo-admin-passwords.ts';

export interface PlatformOverrides {
  services?: Partial<ServiceOptions>;
}

/** Database (PostgreSQL or embedded PGlite), migrations, services, demo data and the HTTP app. */
export async function startPlatform(config: Config, log: Logger, overrides: PlatformOverrides = {}) {
  // one process per embedded database: a data dir another live process holds is refused before it opens
  const dataDirLock = config.databaseUrl ? undefined : await lockDataDir(config.dataDir);
  const orm = await createOrm({
    databaseUrl: config.databaseUrl,
    pgliteDir: join(config.dataDir, 'pglite'),
    poolMax: config.databasePoolMax,
  });
  await migrate(orm);
  if (config.env === 'production' && config.files.keyIsDevDefault) {
    log.warn('KOMISI_FILE_KEY is not set: uploaded files are sealed with the public development key');
  }
  const services = createServices(orm, {
    jwtSecret: jwtSecretFor(config, log),
    accessTokenTtlSeconds: config.accessTokenTtlSeconds,
    refreshTokenTtlSeconds: config.refreshTokenTtlSeconds,
    tenantHosts: config.tenantHosts,
    publicBaseUrl: () => config.publicBaseUrl ?? `http://localhost:${config.port}`,
    xenditLog: (details, message) => log.warn(details, message),
    files: filesSetupFromConfig(config),
    ...overrides.services,
  });
  // the demo admins' password: KOMISI_ADMIN_PASSWORD, or generated once and kept in the data dir
  const passwords = demoAdminPasswords({
    dataDir: config.dataDir,
    databaseUrl: config.databaseUrl,
    fromEnv: config.adminPassword,
  });
  const seeded: SeededTenant[] = config.seedDemo
    ? [
        await seedDtehmDemo(orm, services, passwords.password),
        await seedAnsaniaDemo(orm, services, passwords.password),
        await seedQutabDemo(orm, services, passwords.password),
        await seedSinomanDemo(orm, services, passwords.password),
      ]
    : [];
  const adminPasswords = passwords.settle(seeded);
  await services.tenants.invalidate();
  // the platform administrator (outside every tenant): created on first start from the configuration
  const adminPassword = platformAdminPasswordFor(config);
  await services.platformAdmins.ensure(config.platformAdmin.email, adminPassword.password);
  const platformAdmin = {
    email: config.platformAdmin.email,
    /** shown in the banner when it was generated and kept under the data dir; null when it came from the env */
    password: adminPassword.shown ? adminPassword.password : null,
  };
  // with Redis, a tenant change made here reloads every instance's directory at once (else within 30 s)
  const tenantChanges = config.redisUrl
    ? connectTenantChanges(services.tenants, {
        redisUrl: config.redisUrl,
        channel: `${config.redisKeyPrefix}tenants`,
        onError: (err) =>
          log.warn({ err }, 'tenant change notices unavailable: other instances follow within 30 s'),
      })
    : undefined;
  const rateLimitStore = createRateLimitStore({
    redisUrl: config.redisUrl,
    keyPrefix: config.redisKeyPrefix,
    onError: (err) => log.warn({ err }, 'rate limit store unavailable: allowing requests'),
  });
  // referral clicks: buffered in memory, written in batches; close() writes what is left
  const referralClicks = createReferralClickWriter(orm, log);
  const app = createApp({
    services,
    log,
    trustProxy: config.trustProxy,
    corsOrigins: config.corsOrigins,
    rateLimiter: createRateLimiter(rateLimitStore),
    referralClicks,
  });
  // email over SMTP when KOMISI_SMTP_URL is set, otherwise the dev mailbox (the outbox table); logs which.
  // WhatsApp through the tenant's own Fonnte device when its settings have one, else the dev mailbox.
  const transport = channelTransports({
    email: messageTransportFromConfig(config, log),
    whatsapp: services.whatsappTransport,
  });
  const outbox = new OutboxDispatcher(orm, transport, log);
  // background jobs (affiliate commission release, ...): not in tests, which call `services.jobs.runNow`
  if (config.env !== 'test') services.jobs.start(log);
  /** everything the platform opened, closed in order (graceful shutdown, tests) */
  async function close() {
    await referralClicks.close();
    await services.jobs.stop();
    await outbox.stop();
    await rateLimitStore.close?.();
    await tenantChanges?.close();
    await orm.close();
    await dataDirLock?.release();
  }
  /** records where the server listens, so the CLI reaches it instead of the locked embedded database */
  const announce = (url: string) => dataDirLock?.announce(url);
  return {
    orm,
    services,
    app,
    seeded,
    adminPasswords,
    platformAdmin,
    announce,
    outbox,
    referralClicks,
    /** tenant change notices over Redis (undefined without REDIS_URL) */
    tenantChanges,
    close,
  };
}

export type Platform = Awaited<ReturnType<typeof startPlatform>>;
