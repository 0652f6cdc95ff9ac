import { useSyncExternalStore } from 'react';
import type { TenantInfo } from './tenant-info.ts';

/** Who is signed in to this tab: a tenant's administrator, or a platform administrator. */
export type Session =
  | { kind: 'tenant'; tenant: TenantInfo; email: string }
  | { kind: 'platform'; email: string };

const STORAGE_KEY = 'komisi-admin:session';

function read(): Session | null {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

let current: Session | null = read();
const listeners = new Set<() => void>();

/** The session of this tab, kept in sessionStorage beside its tokens (session/token-store.ts). */
export const sessionStore = {
  get: (): Session | null => current,
  set(next: Session | null) {
    current = next;
    if (next) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    else sessionStorage.removeItem(STORAGE_KEY);
    for (const listener of listeners) listener();
  },
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

export function useSession(): Session | null {
  return useSyncExternalStore(sessionStore.subscribe, sessionStore.get);
}

/** The key of a session's tokens in the token store. */
export function tokenKeyOf(session: Session): string {
  return session.kind === 'platform' ? 'platform' : `tenant:${session.tenant.slug}`;
}
