import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config, Logger } from '@komisi/api';

/** A secret kept in a file under the data dir (mode 600), generated on first use. */
function keptSecret(config: Config, name: string, generate: () => string): string {
  const file = join(config.dataDir, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(config.dataDir, { recursive: true });
  const secret = generate();
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** Without KOMISI_JWT_SECRET a random secret is kept under the data dir, so tokens survive restarts. */
export function jwtSecretFor(config: Config, log?: Logger): string {
  if (config.jwtSecret) return config.jwtSecret;
  if (config.env === 'production' && config.databaseUrl && !existsSync(join(config.dataDir, 'jwt-secret'))) {
    log?.warn(
      'KOMISI_JWT_SECRET is not set: generated one under the data dir (set it when running several instances)',
    );
  }
  return keptSecret(config, 'jwt-secret', () => randomBytes(48).toString('base64url'));
}

/**
 * The first platform administrator's password: KOMISI_PLATFORM_ADMIN_PASSWORD, or one generated on
 * first start and kept under the data dir, so the banner can show it at every start (`shown`).
 */
export function platformAdminPasswordFor(config: Config): { password: string; shown: boolean } {
  if (config.platformAdmin.password) return { password: config.platformAdmin.password, shown: false };
  return {
    password: keptSecret(config, 'platform-admin-password', () => randomBytes(12).toString('base64url')),
    shown: true,
  };
}
