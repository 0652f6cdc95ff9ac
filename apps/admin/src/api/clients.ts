import {
  type AnsaniaRouter,
  createPlatformClient,
  createSessionClient,
  type DtehmRouter,
  type PlatformClient,
  type QutabRouter,
  type SinomanRouter,
  type TokenStore,
} from '@komisi/sdk';
import type { TRPCClient } from '@trpc/client';
import type { AnyTRPCRouter } from '@trpc/server';
import { apiBaseUrl } from '../config.ts';
import { type ManagedProfile, PROFILES } from '../profiles.ts';
import { type Session, tokenKeyOf } from '../session/session-store.ts';
import type { TenantInfo } from '../session/tenant-info.ts';
import { sessionTokenStore } from '../session/token-store.ts';

/** A tenant's typed client, tagged with its profile (each profile has its own router). */
export type TenantClient = (
  | { profile: typeof PROFILES.sinoman; client: TRPCClient<SinomanRouter> }
  | { profile: typeof PROFILES.qutab; client: TRPCClient<QutabRouter> }
  | { profile: typeof PROFILES.ansania; client: TRPCClient<AnsaniaRouter> }
  | { profile: typeof PROFILES.dtehm; client: TRPCClient<DtehmRouter> }
) & { store: TokenStore };

/**
 * A client of the tenant's own router (its profile's procedures and the console's, which every
 * profile's router has), through the SDK's session client: it sends the stored access token,
 * refreshes it once with `console.refresh` when it expires (one client per session, so one refresh
 * at a time: a refresh token is good once), and rejects with KomisiClientError.
 */
function sessionClient<TRouter extends AnyTRPCRouter>(tenant: TenantInfo) {
  const { client, store } = createSessionClient<TRouter>(
    { baseUrl: apiBaseUrl(), tenant: tenant.slug, tokenStore: sessionTokenStore(`tenant:${tenant.slug}`) },
    {
      refresh: async (anonymous, refreshToken) => {
        // every profile's router has `console`; the generic router type cannot show it
        const console = anonymous as unknown as TRPCClient<SinomanRouter>;
        const r = await console.console.refresh.mutate({ refreshToken });
        return { accessToken: r.accessToken, refreshToken: r.refreshToken };
      },
      skipRefresh: ['console.signIn', 'console.refresh'],
    },
  );
  return { client, store };
}

export function createTenantClient(tenant: TenantInfo & { profile: ManagedProfile }): TenantClient {
  switch (tenant.profile) {
    case PROFILES.sinoman:
      return { profile: tenant.profile, ...sessionClient<SinomanRouter>(tenant) };
    case PROFILES.qutab:
      return { profile: tenant.profile, ...sessionClient<QutabRouter>(tenant) };
    case PROFILES.ansania:
      return { profile: tenant.profile, ...sessionClient<AnsaniaRouter>(tenant) };
    case PROFILES.dtehm:
      return { profile: tenant.profile, ...sessionClient<DtehmRouter>(tenant) };
  }
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
    client = createPlatformClient({ baseUrl: apiBaseUrl(), tokenStore: sessionTokenStore('platform') });
    clients.set('platform', client);
  }
  return client;
}

export function forgetClient(session: Session): void {
  clients.delete(tokenKeyOf(session));
}

/** Ends a tenant's sign-in server-side (`console.signOut`); the caller forgets the tokens. */
export async function signOutTenant(tenant: TenantClient): Promise<void> {
  if (!(await tenant.store.get())) return;
  await (tenant.client as unknown as TRPCClient<SinomanRouter>).console.signOut.mutate();
}
