import type { AnsaniaRouter } from '@komisi/api/client';
import type { TRPCClient } from '@trpc/client';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { createSessionClient, endSession, type KomisiClientOptions, withMethods } from './client.ts';
import type { TokenStore } from './token-store.ts';

export type AnsaniaInputs = inferRouterInputs<AnsaniaRouter>;
export type AnsaniaOutputs = inferRouterOutputs<AnsaniaRouter>;

export interface AnsaniaSession {
  /** `auth.login` (email or phone), then keeps the tokens */
  login(email: string, password: string, rememberMe?: boolean): Promise<AnsaniaOutputs['auth']['login']>;
  /** `auth.register` (the new customer is logged in), then keeps the tokens */
  register(input: AnsaniaInputs['auth']['register']): Promise<AnsaniaOutputs['auth']['register']>;
  /** revokes the session server-side (when there is one) and forgets the tokens */
  logout(): Promise<void>;
  readonly tokenStore: TokenStore;
}

/** The ansania-ecommerce procedures (tRPC, no envelope) plus session methods. */
export type AnsaniaClient = TRPCClient<AnsaniaRouter> & AnsaniaSession;

/** A typed client for a tenant running the ansania-ecommerce profile. */
export function createAnsaniaClient(options: KomisiClientOptions): AnsaniaClient {
  const { client, store } = createSessionClient<AnsaniaRouter>(options, {
    refresh: async (anonymous, refresh_token) => {
      const r = await anonymous.auth.refresh.mutate({ refresh_token });
      return { accessToken: r.token, refreshToken: r.refresh_token };
    },
    skipRefresh: ['auth.login', 'auth.register', 'auth.refresh'],
  });
  const keep = async <T extends { token: string; refresh_token: string }>(r: T) => {
    await store.set({ accessToken: r.token, refreshToken: r.refresh_token });
    return r;
  };
  const session: AnsaniaSession = {
    tokenStore: store,
    login: async (email, password, rememberMe) =>
      keep(
        await client.auth.login.mutate({
          email,
          password,
          ...(rememberMe !== undefined && { remember_me: rememberMe }),
        }),
      ),
    register: async (input) => keep(await client.auth.register.mutate(input)),
    logout: () => endSession(store, () => client.auth.logout.mutate()),
  };
  return withMethods(client, session);
}
