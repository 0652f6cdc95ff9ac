import { createLogger, loadConfig } from '@komisi/api';
import { type Platform, startPlatform } from '@komisi/server';
import { withClient } from './pg.ts';
import { settings } from './settings.ts';

/** Environment both server children and the in-process setup platform run with. */
export function serverEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    DATABASE_URL: settings.databaseUrl,
    DATABASE_POOL_MAX: String(settings.poolMax),
    KOMISI_JWT_SECRET: settings.jwtSecret,
    // required in production with DATABASE_URL; a fixed key is fine for throwaway bench data
    KOMISI_FILE_KEY: 'X8JPpO2O2kTdt4VxZC40txRVefucH1gZ1wL0hCQ2Tsc=',
    KOMISI_ADMIN_PASSWORD: settings.password,
    // tokens are minted once before the run and must outlive it
    KOMISI_ACCESS_TOKEN_TTL: '86400',
    KOMISI_DATA_DIR: '.data',
    HOST: '127.0.0.1',
    // as behind a load balancer: shop-products sends a client address per request (X-Forwarded-For),
    // so the storefront's anonymous rate limit (100 per address per 15 min) counts many shoppers
    KOMISI_TRUST_PROXY: 'true',
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    ...extra,
  };
}

export async function databaseExists(): Promise<boolean> {
  return withClient(settings.adminUrl, async (c) => {
    const { rowCount } = await c.query('select 1 from pg_database where datname = $1', [settings.dbName]);
    return rowCount === 1;
  });
}

/** Drops and recreates the bench database (empty: the platform migrates it). */
export async function recreateDatabase(): Promise<void> {
  await withClient(settings.adminUrl, async (c) => {
    await c.query(`drop database if exists "${settings.dbName}" with (force)`);
    await c.query(`create database "${settings.dbName}"`);
  });
}

/** Our platform in this process: migrations, the dtehm demo seed, and an app to call in-process. */
export async function startSetupPlatform(): Promise<Platform> {
  const config = loadConfig(serverEnv({ LOG_LEVEL: 'warn', NODE_ENV: 'test' }));
  return startPlatform(config, createLogger('warn'));
}
