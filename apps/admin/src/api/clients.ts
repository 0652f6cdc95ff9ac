import {
  type AnsaniaClient,
  createAnsaniaClient,
  createDtehmClient,
  createPlatformClient,
  createQutabClient,
  createSinomanClient,
  type DtehmClient,
  type PlatformClient,
  type QutabClient,
  type SinomanClient,
} from '@komisi/sdk';
import { apiBaseUrl } from '../config.ts';
import { type ManagedProfile, PROFILES } from '../profiles.ts';
import { type Session, tokenKeyOf } from '../session/session-store.ts';
import type { TenantInfo } from '../session/tenant-info.ts';
import { sessionTokenStore } from '../session/token-store.ts';

/** A tenant's typed SDK client, tagged with its profile (each profile has its own router). */
export type TenantClient =
  | { profile: typeof PROFILES.sinoman; client: SinomanClient }
  | { profile: typeof PROFILES.qutab; client: QutabClient }
  | { profile: typeof PROFILES.ansania; client: AnsaniaClient }
  | { profile: typeof PROFILES.dtehm; client: DtehmClient };

/**
 * The SDK's client for the tenant's main profile: it sends the stored access token, refreshes it
 * once when it expires, and rejects with KomisiClientError (the API's code and message).
 */
export function createTenantClient(tenant: TenantInfo & { profile: ManagedProfile }): TenantClient {
  const options = {
    baseUrl: apiBaseUrl(),
    tenant: tenant.slug,
    tokenStore: sessionTokenStore(`tenant:${tenant.slug}`),
  };
  switch (tenant.profile) {
    case PROFILES.sinoman:
      return { profile: tenant.profile, client: createSinomanClient(options) };
    case PROFILES.qutab:
      return { profile: tenant.profile, client: createQutabClient(options) };
    case PROFILES.ansania:
      return { profile: tenant.profile, client: createAnsaniaClient(options) };
    case PROFILES.dtehm:
      return { profile: tenant.profile, client: createDtehmClient(options) };
  }
}

export function createConsolePlatformClient(): PlatformClient {
  return createPlatformClient({ baseUrl: apiBaseUrl(), tokenStore: sessionTokenStore('platform') });
}

const clients = new Map<string, TenantClient | PlatformClient>();

/** One client per session (its token refreshes are shared by every screen). */
export function tenantClientOf(session: Extract<Session, { kind: 'tenant' }>): TenantClient {
  const key = tokenKeyOf(session);
  let client = clients.get(key) as TenantClient | undefined;
  if (!client) {
    client = createTenantClient(session.tenant as TenantInfo & { profile: ManagedProfile });
    clients.set(key, client);
  }
  return client;
}

export function platformClientOf(): PlatformClient {
  let client = clients.get('platform') as PlatformClient | undefined;
  if (!client) {
    client = createConsolePlatformClient();
    clients.set('platform', client);
  }
  return client;
}

export function forgetClient(session: Session): void {
  clients.delete(tokenKeyOf(session));
}
