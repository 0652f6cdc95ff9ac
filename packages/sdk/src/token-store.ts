/** The pair a login, registration or refresh returns. */
export interface Tokens {
  accessToken: string;
  refreshToken: string;
}

/**
 * Where a client keeps its tokens. Async so apps can back it with secure storage
 * (Keychain, Keystore, IndexedDB); `set(null)` forgets them.
 */
export interface TokenStore {
  get(): Tokens | null | Promise<Tokens | null>;
  set(tokens: Tokens | null): void | Promise<void>;
}

/** The default: tokens live as long as the client object (nothing persists across restarts). */
export function memoryTokenStore(initial: Tokens | null = null): TokenStore {
  let tokens = initial;
  return {
    get: () => tokens,
    set: (next) => {
      tokens = next;
    },
  };
}
