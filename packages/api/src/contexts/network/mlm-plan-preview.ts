import { type CommissionLevel, distribute, type MlmPlan, type MlmPlanOverrides } from '@komisi/domain';
import type { TenantRecord } from '../../kernel/tenant-record.ts';
import { planFor } from './mlm-plan.ts';

/** The sale a plan is tried on: its amount, how many uplines the buyer has, whether a stockist sells it. */
export interface TrialSale {
  amount: number;
  /** GN1…GNn filled; the rest of the plan's generations have no member */
  uplines: number;
  withStockist: boolean;
}

/** What one sale would pay under a plan (no member is named: the lines are the plan's). */
export interface PlanPreview {
  lines: {
    level: CommissionLevel;
    kind: 'stockist' | 'network';
    generation: number;
    rateBps: number;
    amount: number;
  }[];
  stockistAmount: number;
  networkAmount: number;
  totalAmount: number;
  /** what stays with the company: unfilled levels and each line's rounding */
  retainedAmount: number;
}

/** The tenant's plan with a draft of its `mlm` setting laid on the defaults instead of the stored one. */
export function draftPlanFor(tenant: TenantRecord, draft: MlmPlanOverrides): MlmPlan {
  const mlm = { ...draft, generationRatesBps: draft.generationRatesBps && [...draft.generationRatesBps] };
  return planFor({ ...tenant, settings: { ...tenant.settings, mlm } });
}

/** The commission lines `plan` gives one sale: the domain's own distribution, nothing written. */
export function previewSale(plan: MlmPlan, sale: TrialSale): PlanPreview {
  const uplines = Array.from({ length: sale.uplines }, (_, i) => ({ id: i + 1 }));
  const result = distribute(plan, uplines, sale.withStockist ? { id: 0 } : null, sale.amount);
  return {
    lines: result.lines.map(({ level, kind, generation, rateBps, amount }) => ({
      level,
      kind,
      generation,
      rateBps,
      amount,
    })),
    stockistAmount: result.stockistAmount,
    networkAmount: result.networkAmount,
    totalAmount: result.totalAmount,
    retainedAmount: result.retainedAmount,
  };
}
