import type { ConsoleRouter } from '@komisi/api/client';
import type { TRPCClient } from '@trpc/client';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { createSessionClient, endSession, type KomisiClientOptions, withMethods } from './client.ts';
import type { TokenStore } from './token-store.ts';

export type ConsoleInputs = inferRouterInputs<ConsoleRouter>;
export type ConsoleOutputs = inferRouterOutputs<ConsoleRouter>;

export interface ConsoleSession {
  /** `console.signIn` (administrators only: 403 for other accounts), then keeps the tokens */
  signIn(email: string, password: string): Promise<ConsoleOutputs['console']['signIn']>;
  /** revokes the sign-in server-side (when there is one) and forgets the tokens */
  signOut(): Promise<void>;
  readonly tokenStore: TokenStore;
}

/** The admin console's procedures (`console.*`, the same on every tenant) plus session methods. */
export type ConsoleClient = TRPCClient<ConsoleRouter> & ConsoleSession;

/**
 * A typed client for the admin console of any tenant, whatever its app profile. A tenant's own
 * procedures (its orders, members…) are on its profile's client, which may share the token store.
 */
export function createConsoleClient(options: KomisiClientOptions): ConsoleClient {
  const { client, store } = createSessionClient<ConsoleRouter>(options, {
    refresh: async (anonymous, refreshToken) => {
      const r = await anonymous.console.refresh.mutate({ refreshToken });
      return { accessToken: r.accessToken, refreshToken: r.refreshToken };
    },
    skipRefresh: ['console.signIn', 'console.refresh'],
  });
  const session: ConsoleSession = {
    tokenStore: store,
    signIn: async (email, password) => {
      const r = await client.console.signIn.mutate({ email, password });
      await store.set({ accessToken: r.accessToken, refreshToken: r.refreshToken });
      return r;
    },
    signOut: () => endSession(store, () => client.console.signOut.mutate()),
  };
  return withMethods(client, session);
}
