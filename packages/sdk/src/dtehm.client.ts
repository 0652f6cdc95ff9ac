import type { DtehmRouter } from '@komisi/api/client';
import type { TRPCClient } from '@trpc/client';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { createSessionClient, endSession, type KomisiClientOptions, withMethods } from './client.ts';
import type { TokenStore } from './token-store.ts';

export type DtehmInputs = inferRouterInputs<DtehmRouter>;
export type DtehmOutputs = inferRouterOutputs<DtehmRouter>;

export interface DtehmSession {
  /** `users.login`, then keeps the tokens */
  login(email: string, password: string): Promise<DtehmOutputs['users']['login']>;
  /** `users.register` (the new member is logged in), then keeps the tokens */
  register(input: DtehmInputs['users']['register']): Promise<DtehmOutputs['users']['register']>;
  /** revokes the session server-side (when there is one) and forgets the tokens */
  logout(): Promise<void>;
  readonly tokenStore: TokenStore;
}

/** The dtehm-mobile procedures (tRPC, no envelope) plus session methods. */
export type DtehmClient = TRPCClient<DtehmRouter> & DtehmSession;

/**
 * A typed client for a tenant running the dtehm-mobile profile.
 *
 * @example
 * const dtehm = createDtehmClient({ baseUrl: 'https://api.komisi.example', tenant: 'dtehm' });
 * await dtehm.login('me@example.com', 'secret');
 * const { balance } = await dtehm.user.balance.query({});
 */
export function createDtehmClient(options: KomisiClientOptions): DtehmClient {
  const { client, store } = createSessionClient<DtehmRouter>(options, {
    refresh: async (anonymous, refresh_token) => {
      const r = await anonymous.auth.refresh.mutate({ refresh_token });
      return { accessToken: r.token, refreshToken: r.refresh_token };
    },
    // A 401 from these means bad credentials or a dead refresh token, not an expired access token.
    skipRefresh: ['users.login', 'users.register', 'auth.refresh'],
  });

  const session: DtehmSession = {
    tokenStore: store,
    async login(email, password) {
      const r = await client.users.login.mutate({ email, password });
      await store.set({ accessToken: r.token, refreshToken: r.refresh_token });
      return r;
    },
    async register(input) {
      const r = await client.users.register.mutate(input);
      await store.set({ accessToken: r.user.token, refreshToken: r.user.refresh_token });
      return r;
    },
    logout: () => endSession(store, () => client.auth.logout.mutate()),
  };
  return withMethods(client, session);
}
