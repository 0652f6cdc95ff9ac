import type { CurrencyCode } from '@komisi/domain';
import type { TenantSettings } from './settings/tenant-settings.ts';

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

export type { TenantSettings } from './settings/tenant-settings.ts';

/** Voucher-code affiliates' settings; absent keys use the defaults (see `commissionBaseOf`). */
export type VoucherAffiliatesSettings = NonNullable<TenantSettings['voucherAffiliates']>;
