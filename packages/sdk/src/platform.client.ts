import type { PlatformRouter } from '@komisi/api/client';
import type { TRPCClient } from '@trpc/client';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import {
  createSessionClient,
  endSession,
  type KomisiClientOptions,
  platformTrpcUrl,
  withMethods,
} from './client.ts';
import type { TokenStore } from './token-store.ts';

export type PlatformInputs = inferRouterInputs<PlatformRouter>;
export type PlatformOutputs = inferRouterOutputs<PlatformRouter>;

export interface PlatformSession {
  /** `login` as a platform administrator, then keeps the token (valid on the platform API only) */
  login(email: string, password: string): Promise<PlatformOutputs['login']>;
  /** ends the session server-side (when there is one) and forgets the token */
  logout(): Promise<void>;
  readonly tokenStore: TokenStore;
}

/** The platform administrators' procedures (tenants, their settings) plus session methods. */
export type PlatformClient = TRPCClient<PlatformRouter> & PlatformSession;

/** A platform client talks to the server, not to a tenant. */
export type PlatformClientOptions = Omit<KomisiClientOptions, 'tenant'>;

/**
 * A typed client for the platform API (what `pnpm komisi` and `/platform/api` do).
 *
 * @example
 * const platform = createPlatformClient({ baseUrl: 'http://localhost:3000' });
 * await platform.login('platform@komisi.local', password);
 * const { tenant, admin } = await platform.createTenant.mutate({ profile: 'ansania-ecommerce', slug: 'myshop', name: 'My Shop', admin: { email: 'me@example.com' } });
 */
export function createPlatformClient(options: PlatformClientOptions): PlatformClient {
  const { client, store } = createSessionClient<PlatformRouter>(
    { ...options, tenant: '' },
    {
      // platform sessions are not refreshed: a 401 means signing in again
      refresh: () => Promise.reject(new Error('Platform sessions end after their lifetime: sign in again.')),
      skipRefresh: ['login'],
    },
    platformTrpcUrl(options.baseUrl),
  );
  const session: PlatformSession = {
    tokenStore: store,
    login: async (email, password) => {
      const r = await client.login.mutate({ email, password });
      await store.set({ accessToken: r.token, refreshToken: '' });
      return r;
    },
    logout: () => endSession(store, () => client.logout.mutate()),
  };
  return withMethods(client, session);
}
