import { forgetClient, platformClientOf, signOutTenant, tenantClientOf } from '../api/clients.ts';
import { queryClient } from '../api/query-client.ts';
import { sessionStore, tokenKeyOf } from './session-store.ts';
import { sessionTokenStore } from './token-store.ts';

/** Ends the session server-side (when it can) and forgets it here, with every cached answer. */
export async function signOut(): Promise<void> {
  const session = sessionStore.get();
  if (!session) return;
  try {
    if (session.kind === 'platform') await platformClientOf().logout();
    else await signOutTenant(tenantClientOf(session));
  } catch {
    // the server may be unreachable or the session already over: forget it here all the same
  } finally {
    forget();
  }
}

/** The server refused the session (expired, revoked): forget it without asking the server again. */
export function forget(): void {
  const session = sessionStore.get();
  if (!session) return;
  sessionTokenStore(tokenKeyOf(session)).set(null);
  forgetClient(session);
  queryClient.clear();
  sessionStore.set(null);
}
