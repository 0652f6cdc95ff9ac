import { type CommissionBase, DEFAULT_COMMISSION_BASE } from '@komisi/domain';
import { readSetting } from '../../kernel/settings/tenant-settings.ts';
import type { TenantSettings } from '../../kernel/tenant-record.ts';

/**
 * Which amount of an order the tenant's affiliate commission rates apply to: the setting
 * `voucherAffiliates.commissionBase`, else its former name `affiliateProgram.commissionBase` (tenants
 * stored before the rename), else the domain's default (the total before discounts).
 */
export function commissionBaseOf(settings: TenantSettings): CommissionBase {
  return (
    readSetting(settings, 'voucherAffiliates')?.commissionBase ??
    readSetting(settings, 'affiliateProgram')?.commissionBase ??
    DEFAULT_COMMISSION_BASE
  );
}
