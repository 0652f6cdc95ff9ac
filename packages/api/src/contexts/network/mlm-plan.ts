import { DTEHM_DEFAULT_PLAN, type MlmPlan, withOverrides } from '@komisi/domain';
import { readSetting } from '../../kernel/settings/tenant-settings.ts';
import type { TenantRecord } from '../../kernel/tenant-record.ts';

/**
 * The tenant's MLM plan: the domain's defaults (`DTEHM_DEFAULT_PLAN`) in the tenant's currency, with
 * the tenant's own settings (`mlm`) laid over them.
 */
export function planFor(tenant: TenantRecord): MlmPlan {
  return withOverrides(
    { ...DTEHM_DEFAULT_PLAN, currency: tenant.currency },
    readSetting(tenant.settings, 'mlm'),
  );
}
