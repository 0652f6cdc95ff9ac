import type { QutabRouter } from '@komisi/api/client';
import type { TRPCClient } from '@trpc/client';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { createSessionClient, endSession, type KomisiClientOptions, withMethods } from './client.ts';
import type { TokenStore } from './token-store.ts';

export type QutabInputs = inferRouterInputs<QutabRouter>;
export type QutabOutputs = inferRouterOutputs<QutabRouter>;

export interface QutabSession {
  /** `auth.login`, then keeps the tokens */
  login(email: string, password: string): Promise<QutabOutputs['auth']['login']>;
  /** `auth.register` (the new customer is logged in), then keeps the tokens */
  register(input: QutabInputs['auth']['register']): Promise<QutabOutputs['auth']['register']>;
  /** revokes the session server-side (when there is one) and forgets the tokens */
  logout(): Promise<void>;
  readonly tokenStore: TokenStore;
}

/** The qutab-platform procedures (tRPC, no envelope) plus session methods. */
export type QutabClient = TRPCClient<QutabRouter> & QutabSession;

/** A typed client for a tenant running the qutab-platform profile. */
export function createQutabClient(options: KomisiClientOptions): QutabClient {
  const { client, store } = createSessionClient<QutabRouter>(options, {
    refresh: async (anonymous, refresh_token) => {
      const r = await anonymous.auth.refresh.mutate({ refresh_token });
      return { accessToken: r.access_token, refreshToken: r.refresh_token };
    },
    skipRefresh: ['auth.login', 'auth.register', 'auth.refresh'],
  });
  const keep = async <T extends { access_token: string; refresh_token: string }>(r: T) => {
    await store.set({ accessToken: r.access_token, refreshToken: r.refresh_token });
    return r;
  };
  const session: QutabSession = {
    tokenStore: store,
    login: async (email, password) => keep(await client.auth.login.mutate({ email, password })),
    register: async (input) => keep(await client.auth.register.mutate(input)),
    logout: () => endSession(store, () => client.auth.logout.mutate()),
  };
  return withMethods(client, session);
}
