import type { SinomanRouter } from '@komisi/api/client';
import type { TRPCClient } from '@trpc/client';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { createSessionClient, endSession, type KomisiClientOptions, withMethods } from './client.ts';
import type { TokenStore } from './token-store.ts';

export type SinomanInputs = inferRouterInputs<SinomanRouter>;
export type SinomanOutputs = inferRouterOutputs<SinomanRouter>;

export interface SinomanSession {
  /** `auth.login` by email or phone (`identifier`), then keeps the tokens */
  login(identifier: string, password: string): Promise<SinomanOutputs['auth']['login']>;
  /** revokes the session server-side (when there is one) and forgets the tokens */
  logout(): Promise<void>;
  readonly tokenStore: TokenStore;
}

/** The koperasi-sinoman procedures (tRPC, no envelope) plus session methods. */
export type SinomanClient = TRPCClient<SinomanRouter> & SinomanSession;

/** A typed client for a tenant running the koperasi-sinoman profile (a savings cooperative). */
export function createSinomanClient(options: KomisiClientOptions): SinomanClient {
  const { client, store } = createSessionClient<SinomanRouter>(options, {
    refresh: async (anonymous, refresh_token) => {
      const r = await anonymous.auth.refresh.mutate({ refresh_token });
      return { accessToken: r.access_token, refreshToken: r.refresh_token };
    },
    skipRefresh: ['auth.login', 'auth.register', 'auth.refresh', 'otp.request', 'otp.verify'],
  });
  const session: SinomanSession = {
    tokenStore: store,
    login: async (identifier, password) => {
      const r = await client.auth.login.mutate({ identifier, password });
      await store.set({ accessToken: r.access_token, refreshToken: r.refresh_token });
      return r;
    },
    logout: () => endSession(store, () => client.auth.logout.mutate()),
  };
  return withMethods(client, session);
}
