/** What the console knows of a tenant before anyone signs in (the server's `/t/{slug}/admin-console.json`). */
export interface TenantInfo {
  slug: string;
  name: string;
  /** the tenant's main profile, e.g. `koperasi-sinoman` */
  profile: string;
  /** every profile it serves, the main one first */
  profiles: string[];
  currency: string;
  timeZone: string;
}

export class UnknownTenantError extends Error {
  constructor(readonly slug: string) {
    super(`Unknown tenant ${slug}`);
  }
}

/** The tenant's public description, or UnknownTenantError. */
export async function fetchTenantInfo(baseUrl: string, slug: string): Promise<TenantInfo> {
  const res = await fetch(`${baseUrl}/t/${encodeURIComponent(slug)}/admin-console.json`, {
    headers: { accept: 'application/json' },
  });
  if (res.status === 404) throw new UnknownTenantError(slug);
  if (!res.ok) throw new Error(`The server answered ${res.status}`);
  const body = (await res.json()) as {
    slug: string;
    name: string;
    profile: string;
    profiles: string[];
    currency: string;
    time_zone: string;
  };
  return {
    slug: body.slug,
    name: body.name,
    profile: body.profile,
    profiles: body.profiles,
    currency: body.currency,
    timeZone: body.time_zone,
  };
}
