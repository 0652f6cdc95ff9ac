import type { ConsoleOutputs } from '@komisi/sdk';

/** What the console's `me` answers: the administrator and the tenant it signed in to. */
export type ConsoleMe = ConsoleOutputs['console']['me'];

/** A section of the console the API names for this tenant (its apps decide which). */
export type ConsoleSection = ConsoleMe['sections'][number];

/** The tenant a session is for, as `console.me` describes it. */
export interface TenantInfo {
  slug: string;
  name: string;
  /** the tenant's main profile, e.g. `koperasi-sinoman` */
  profile: string;
  /** every profile it serves, the main one first */
  profiles: string[];
  currency: string;
  /** digits of the currency's minor unit (IDR, UGX: 0) */
  currencyDigits: number;
  timeZone: string;
  /** BCP 47 tags, the tenant's first */
  locales: string[];
  /** the sections this administrator's console has */
  sections: ConsoleSection[];
}

export function tenantInfoOf(me: ConsoleMe): TenantInfo {
  return { ...me.tenant, sections: me.sections };
}

/** No tenant answers at this slug. */
export class UnknownTenantError extends Error {
  constructor(readonly slug: string) {
    super(`Unknown tenant ${slug}`);
  }
}
