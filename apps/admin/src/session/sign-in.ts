import { createConsoleClient, isKomisiError } from '@komisi/sdk';
import { platformClientOf } from '../api/clients.ts';
import { apiBaseUrl } from '../config.ts';
import { isManagedProfile } from '../profiles.ts';
import type { Session } from './session-store.ts';
import { tenantInfoOf, UnknownTenantError } from './tenant-info.ts';
import { sessionTokenStore } from './token-store.ts';

/** The password is right but the account holds no admin role in the tenant (the API's 403). */
export class NotAdministratorError extends Error {
  constructor() {
    super('not an administrator');
  }
}

/** The tenant runs a profile the console has no screens for. */
export class UnsupportedProfileError extends Error {
  constructor(readonly profile: string) {
    super(`unsupported profile ${profile}`);
  }
}

/**
 * Signs a tenant's administrator in with the console's own sign-in (`console.signIn`, the same on
 * every tenant: no profile needs to be known first), then asks `console.me` which tenant, currency
 * and sections this is. The tokens go to the tab's token store, where the tenant's client finds them.
 */
export async function signInTenantAdmin(slug: string, email: string, password: string): Promise<Session> {
  const tenant = slug.trim().toLowerCase();
  const tokenStore = sessionTokenStore(`tenant:${tenant}`);
  const console = createConsoleClient({ baseUrl: apiBaseUrl(), tenant, tokenStore });
  try {
    await console.signIn(email.trim(), password);
  } catch (error) {
    if (isKomisiError(error) && error.httpStatus === 403) throw new NotAdministratorError();
    if (isKomisiError(error) && error.httpStatus === 404 && error.domainCode === 'NETWORK_ERROR')
      throw new UnknownTenantError(tenant);
    throw error;
  }
  const info = tenantInfoOf(await console.console.me.query());
  if (!isManagedProfile(info.profile)) {
    await console.signOut().catch(() => tokenStore.set(null));
    throw new UnsupportedProfileError(info.profile);
  }
  return { kind: 'tenant', tenant: info, email: email.trim() };
}

/** Signs a platform administrator in (the platform API's own accounts and tokens). */
export async function signInPlatformAdmin(email: string, password: string): Promise<Session> {
  await platformClientOf().login(email.trim(), password);
  return { kind: 'platform', email: email.trim() };
}
