import { type CooperativeTerms, cooperativeTerms } from '@komisi/domain';
import { readSetting } from '../../kernel/settings/tenant-settings.ts';
import type { TenantRecord } from '../../kernel/tenant-record.ts';

/** The tenant's terms for its members: the `cooperative` setting laid on the domain's defaults. */
export function cooperativeTermsOf(tenant: Pick<TenantRecord, 'settings'>): CooperativeTerms {
  return cooperativeTerms(readSetting(tenant.settings, 'cooperative') ?? {});
}
