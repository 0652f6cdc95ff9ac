import type { TRPCClientError, TRPCLink } from '@trpc/client';
import type { AnyTRPCRouter } from '@trpc/server';
import { observable, type Unsubscribable } from '@trpc/server/observable';
import { isUnauthorized, KomisiClientError } from './errors.ts';
import type { TokenStore, Tokens } from './token-store.ts';

export interface SessionLinkOptions {
  store: TokenStore;
  /** exchanges a refresh token for new tokens (the profile's refresh procedure, called without this link) */
  refresh(refreshToken: string): Promise<Tokens>;
  /** procedures whose 401 means "wrong credentials", not "token expired" (login, refresh) */
  skipRefresh?: readonly string[];
}

/**
 * Refreshes an expired session transparently: a call that fails with 401 after sending a token
 * triggers one refresh (shared by every call failing meanwhile) and is retried once with the
 * new token. Also turns every error into a KomisiClientError.
 */
export function sessionLink<TRouter extends AnyTRPCRouter>(options: SessionLinkOptions): TRPCLink<TRouter> {
  const { store } = options;
  const skip = new Set(options.skipRefresh ?? []);
  let inflight: Promise<void> | null = null;

  // Single flight: refresh tokens rotate and a reused one revokes the whole session server-side.
  function refreshOnce(): Promise<void> {
    inflight ??= (async () => {
      const tokens = await store.get();
      if (!tokens) throw new Error('No session to refresh');
      let next: Tokens;
      try {
        next = await options.refresh(tokens.refreshToken);
      } catch (e) {
        // Rejected by the server: the session is over. A network failure keeps the tokens for later.
        if (KomisiClientError.from(e).domainCode !== 'NETWORK_ERROR') await store.set(null);
        throw e;
      }
      await store.set(next);
    })().finally(() => {
      inflight = null;
    });
    return inflight;
  }

  return () =>
    ({ op, next }) =>
      observable((observer) => {
        let subscription: Unsubscribable | undefined;
        let closed = false;

        async function attempt(retried: boolean): Promise<void> {
          // The token the request is about to carry (the HTTP link reads the same store).
          const sentWith = (await store.get())?.accessToken;
          if (closed) return;
          subscription = next(op).subscribe({
            next: (value) => observer.next(value),
            complete: () => observer.complete(),
            error: (error) => {
              recover(error, retried, sentWith).catch(() => observer.error(KomisiClientError.from(error)));
            },
          });
        }

        async function recover(error: TRPCClientError<TRouter>, retried: boolean, sentWith?: string) {
          if (retried || !sentWith || skip.has(op.path) || !isUnauthorized(error)) {
            throw error;
          }
          const current = await store.get();
          if (!current) throw error; // logged out meanwhile
          // Another call may already have refreshed: then just retry with the newer token.
          if (current.accessToken === sentWith) await refreshOnce();
          if (!closed) await attempt(true);
        }

        attempt(false).catch((e) => observer.error(KomisiClientError.from(e)));
        return () => {
          closed = true;
          subscription?.unsubscribe();
        };
      });
}
