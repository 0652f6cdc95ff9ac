import { createTRPCClient, httpBatchLink, httpLink, splitLink, type TRPCClient } from '@trpc/client';
import type { AnyTRPCRouter } from '@trpc/server';
import superjson from 'superjson';
import { sessionLink } from './session-link.ts';
import { memoryTokenStore, type TokenStore, type Tokens } from './token-store.ts';

/** The server's `MAX_TRPC_BATCH`: a batch never carries more calls than the server accepts. */
const MAX_BATCH_ITEMS = 20;

/** Any fetch: the global one, undici's, or an in-process app's (`app.fetch(new Request(...))`). */
export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Response | Promise<Response>;

export interface KomisiClientOptions {
  /** server origin, e.g. `https://api.komisi.example` */
  baseUrl: string;
  /** tenant slug: calls go to `${baseUrl}/t/${tenant}/trpc` */
  tenant: string;
  /** where tokens are kept (default: in memory) */
  tokenStore?: TokenStore;
  fetch?: FetchLike;
  /** send queries made in the same tick as one HTTP request (default true; mutations always go alone) */
  batch?: boolean;
}

/**
 * Where a tenant's procedures answer over tRPC, for callers that build their own tRPC client
 * (e.g. `@trpc/tanstack-react-query` with `httpBatchLink({ url, transformer: superjson })`).
 */
export function tenantTrpcUrl(baseUrl: string, tenant: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/t/${encodeURIComponent(tenant)}/trpc`;
}

/** Where the platform administrators' procedures answer over tRPC. */
export function platformTrpcUrl(baseUrl: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/platform/trpc`;
}

export interface SessionClient<TRouter extends AnyTRPCRouter> {
  /** the typed client: sends the stored access token and refreshes it when it expires */
  client: TRPCClient<TRouter>;
  /** the same procedures without token handling (used to refresh) */
  anonymous: TRPCClient<TRouter>;
  store: TokenStore;
}

/**
 * The profile-independent part of every Komisi client. A profile supplies how to refresh
 * (its procedure names and output shape) and which calls must never trigger a refresh.
 */
export function createSessionClient<TRouter extends AnyTRPCRouter>(
  options: KomisiClientOptions,
  session: {
    refresh(anonymous: TRPCClient<TRouter>, refreshToken: string): Promise<Tokens>;
    skipRefresh?: readonly string[];
  },
  /** where the procedures answer (default: the tenant's, `tenantTrpcUrl`) */
  url = tenantTrpcUrl(options.baseUrl, options.tenant),
): SessionClient<TRouter> {
  const store = options.tokenStore ?? memoryTokenStore();
  const userFetch = options.fetch;
  const fetch =
    userFetch && ((input: RequestInfo | URL, init?: RequestInit) => Promise.resolve(userFetch(input, init)));
  // Links are typed per router; all Komisi routers use superjson, which the generic type cannot see.
  const http = (headers?: () => Promise<Record<string, string>>) => {
    const settings = { url, transformer: superjson, ...(fetch && { fetch }), ...(headers && { headers }) };
    const single = httpLink(settings as never) as ReturnType<typeof httpLink<TRouter>>;
    if (options.batch === false) return single;
    // Queries made in the same tick share a request (at most the server's batch size); mutations
    // go one by one: the server refuses sign-in and refresh steps inside a batch.
    return splitLink<TRouter>({
      condition: (op) => op.type === 'mutation',
      true: single,
      false: httpBatchLink({ ...settings, maxItems: MAX_BATCH_ITEMS } as never) as ReturnType<
        typeof httpLink<TRouter>
      >,
    });
  };

  const anonymous = createTRPCClient<TRouter>({ links: [http()] });
  const client = createTRPCClient<TRouter>({
    links: [
      sessionLink<TRouter>({
        store,
        refresh: (refreshToken) => session.refresh(anonymous, refreshToken),
        ...(session.skipRefresh && { skipRefresh: session.skipRefresh }),
      }),
      // Read per request, so a retry after a refresh carries the new token.
      http(async (): Promise<Record<string, string>> => {
        const tokens = await store.get();
        return tokens ? { authorization: `Bearer ${tokens.accessToken}` } : {};
      }),
    ],
  });
  return { client, anonymous, store };
}

/**
 * Adds session methods (login, logout...) next to the router's namespaces. The tRPC client is a
 * proxy that answers every property name, so the methods are looked up first.
 */
/**
 * Ends a session: revokes it server-side when there is one (`revoke`), and forgets the tokens
 * whatever the server answers.
 */
export async function endSession(store: TokenStore, revoke: () => Promise<unknown>): Promise<void> {
  try {
    if (await store.get()) await revoke();
  } finally {
    await store.set(null);
  }
}

export function withMethods<TClient extends object, TMethods extends object>(
  client: TClient,
  methods: TMethods,
): TClient & TMethods {
  return new Proxy(client, {
    get: (target, key, receiver) =>
      key in methods ? methods[key as keyof TMethods] : Reflect.get(target, key, receiver),
  }) as TClient & TMethods;
}
