import type { CurrencyCode } from '@komisi/domain';
import type { TenantSettings } from './tenant.entity.ts';

/** The immutable view of a tenant that travels with every request. */
export interface TenantRecord {
  id: number;
  slug: string;
  name: string;
  profile: string;
  currency: CurrencyCode;
  timeZone: string;
  hosts: string[];
  settings: TenantSettings;
}
