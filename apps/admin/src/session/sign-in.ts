import { createTenantClient, platformClientOf } from '../api/clients.ts';
import { apiBaseUrl } from '../config.ts';
import { isManagedProfile } from '../profiles.ts';
import { isAdministrator } from './claims.ts';
import type { Session } from './session-store.ts';
import { fetchTenantInfo } from './tenant-info.ts';

/** The account signed in but holds no admin role in the tenant: its session was ended at once. */
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
 * Signs a tenant's administrator in. For now through each profile's own sign-in procedure (the
 * SDK client's `login`: sinoman's `auth.login` by identifier, qutab's and ansania's `auth.login`,
 * dtehm's `users.login`), then the admin role is required from the access token's claims. This
 * module is the one place that knows how: when the API offers one sign-in for the console, only
 * this function changes.
 */
export async function signInTenantAdmin(slug: string, email: string, password: string): Promise<Session> {
  const tenant = await fetchTenantInfo(apiBaseUrl(), slug.trim().toLowerCase());
  if (!isManagedProfile(tenant.profile)) throw new UnsupportedProfileError(tenant.profile);
  const { client } = createTenantClient({ ...tenant, profile: tenant.profile });
  await client.login(email.trim(), password);
  const tokens = await client.tokenStore.get();
  if (!tokens || !isAdministrator(tokens.accessToken)) {
    // a member's (or customer's) session must not stay open in the console
    await client.logout().catch(() => client.tokenStore.set(null));
    throw new NotAdministratorError();
  }
  return { kind: 'tenant', tenant, email: email.trim() };
}

/** Signs a platform administrator in (the platform API's own accounts and tokens). */
export async function signInPlatformAdmin(email: string, password: string): Promise<Session> {
  await platformClientOf().login(email.trim(), password);
  return { kind: 'platform', email: email.trim() };
}
