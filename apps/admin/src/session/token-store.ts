import type { TokenStore, Tokens } from '@komisi/sdk';

/**
 * The SDK's TokenStore on the tab's sessionStorage: a reload keeps the session, closing the tab
 * ends it, and another tab signs in on its own (an administrator's tokens stay in one place).
 */
export function sessionTokenStore(key: string): TokenStore {
  const storageKey = `komisi-admin:tokens:${key}`;
  return {
    get: () => {
      const raw = sessionStorage.getItem(storageKey);
      if (!raw) return null;
      try {
        return JSON.parse(raw) as Tokens;
      } catch {
        return null;
      }
    },
    set: (tokens) => {
      if (tokens) sessionStorage.setItem(storageKey, JSON.stringify(tokens));
      else sessionStorage.removeItem(storageKey);
    },
  };
}
