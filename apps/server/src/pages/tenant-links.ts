import { type AppProfile, profilesOf, type TenantRecord } from '@komisi/api';

/** One documented app a tenant serves, and where to reach it. */
export interface ProfileLinks {
  profile: AppProfile;
  /** the REST base, e.g. `/t/dtehm/api` */
  rest: string;
  openapi: string;
  /** its API reference page */
  docs: string;
}

export interface TenantLinks {
  /** the tenant's home page (the default target of its referral links) */
  home: string;
  trpc: string;
  apps: ProfileLinks[];
}

/**
 * Where a tenant's surfaces are: `base` is its root (`{origin}/t/{slug}`, or the origin of a host
 * mapped to it), `site` the server's origin (the docs); both empty for links relative to this server.
 */
export function tenantLinks(tenant: TenantRecord, base: string, site = ''): TenantLinks {
  const [main] = profilesOf(tenant);
  return {
    home: `${base}/`,
    trpc: `${base}/trpc`,
    apps: profilesOf(tenant).map((profile) => ({
      profile,
      rest: `${base}${profile.restPrefix}`,
      openapi: `${base}${profile.restPrefix}/openapi.json${profile === main ? '' : `?profile=${profile.id}`}`,
      docs: `${site}/docs/${profile.id}/`,
    })),
  };
}
