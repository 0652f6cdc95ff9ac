import { DTEHM_DEFAULT_PLAN, type MlmPlan, validatePlan } from '@komisi/domain';
import type { TenantRecord } from '../../kernel/tenant-record.ts';

/** The tenant's MLM plan: the profile defaults with the tenant's own settings laid over them. */
export function planFor(tenant: TenantRecord): MlmPlan {
  const o = tenant.settings.mlm ?? {};
  return validatePlan({
    ...DTEHM_DEFAULT_PLAN,
    currency: tenant.currency,
    ...(o.stockistRateBps !== undefined && { stockistRateBps: o.stockistRateBps }),
    ...(o.stockistEligibility !== undefined && { stockistEligibility: o.stockistEligibility }),
    ...(o.generationRatesBps !== undefined && { generationRatesBps: o.generationRatesBps }),
    ...(o.compression !== undefined && { compression: o.compression }),
    ...(o.membershipFees !== undefined && { membershipFees: o.membershipFees }),
    ...(o.sponsorBonusPerDtehm !== undefined && { sponsorBonusPerDtehm: o.sponsorBonusPerDtehm }),
  });
}
