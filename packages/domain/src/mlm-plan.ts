import { type FieldErrors, fieldError, validationError } from './errors.ts';
import { BASIS_POINTS_PER_WHOLE, type CurrencyCode, isCurrencyCode } from './money.ts';

/**
 * Who may be named as a sale's stockist (and earn the stockist line): `any-member`, every active
 * member (what the original DTEHM backend accepts); `designated`, only active members holding the
 * stockist role.
 */
export const STOCKIST_ELIGIBILITIES = ['any-member', 'designated'] as const;
export type StockistEligibility = (typeof STOCKIST_ELIGIBILITIES)[number];

/** How one sale's commission is shared between the stockist and the sponsor chain. */
export interface MlmPlan {
  stockistRateBps: number;
  stockistEligibility: StockistEligibility;
  /** Index 0 is GN1 (the buyer's sponsor), index 1 is GN2, and so on. */
  generationRatesBps: readonly number[];
  /** When true, missing uplines are skipped and the next existing upline takes the open level. */
  compression: boolean;
  membershipFees: { dtehm: number; dip: number };
  sponsorBonusPerDtehm: number;
  currency: CurrencyCode;
}

/** Deeper chains are refused: they dilute payouts and make one sale fan out into too many ledger lines. */
export const MAX_GENERATIONS = 20;

/**
 * The DTEHM compensation plan, the default of every tenant: 8% stockist, 12.5% over ten generations
 * (GN1 3% down to GN10 0.2%), membership fees and the sponsor's bonus, amounts in UGX.
 */
export const DTEHM_DEFAULT_PLAN: MlmPlan = Object.freeze({
  stockistRateBps: 800,
  stockistEligibility: 'any-member',
  generationRatesBps: Object.freeze([300, 250, 200, 150, 100, 80, 60, 50, 40, 20]),
  compression: false,
  membershipFees: Object.freeze({ dtehm: 76000, dip: 20000 }),
  sponsorBonusPerDtehm: 10000,
  currency: 'UGX',
});

/**
 * What a tenant may change of the plan (tenant setting `mlm`; basis points / minor units); an absent
 * key keeps the default. The currency is not among them: it is the tenant's own.
 */
export interface MlmPlanOverrides {
  stockistRateBps?: number;
  /** who may be a sale's stockist: any active member (default) or only holders of the stockist role */
  stockistEligibility?: StockistEligibility;
  generationRatesBps?: readonly number[];
  compression?: boolean;
  membershipFees?: { dtehm: number; dip: number };
  sponsorBonusPerDtehm?: number;
}

const OVERRIDABLE = [
  'stockistRateBps',
  'stockistEligibility',
  'generationRatesBps',
  'compression',
  'membershipFees',
  'sponsorBonusPerDtehm',
] as const satisfies readonly (keyof MlmPlanOverrides)[];

/**
 * `plan` with the overrides laid over it, checked. Only the keys above count: anything else stored
 * in the setting (a currency, a typo) is ignored, as is a key set to undefined.
 */
export function withOverrides(plan: MlmPlan, overrides: MlmPlanOverrides = {}): MlmPlan {
  const laid: Partial<MlmPlan> = Object.fromEntries(
    OVERRIDABLE.filter((key) => overrides[key] !== undefined).map((key) => [key, overrides[key]]),
  );
  return validatePlan({ ...plan, ...laid });
}

const BAD_RATE = 'must be a whole, non-negative number of basis points';
const BAD_MONEY = 'must be a whole, non-negative number of minor units';

const isWholeNonNegative = (value: number) => Number.isSafeInteger(value) && value >= 0;

/** Checks every rule at once so a plan editor can show all problems together; returns the plan. */
export function validatePlan(plan: MlmPlan): MlmPlan {
  const fields: FieldErrors = {};
  const flag = (field: string, message: string) => {
    fields[field] = [message];
  };

  const rates = [plan.stockistRateBps, ...plan.generationRatesBps];
  if (!isWholeNonNegative(plan.stockistRateBps)) flag('stockistRateBps', BAD_RATE);
  if (!STOCKIST_ELIGIBILITIES.includes(plan.stockistEligibility)) {
    flag('stockistEligibility', `must be one of ${STOCKIST_ELIGIBILITIES.join(', ')}`);
  }
  plan.generationRatesBps.forEach((rate, i) => {
    if (!isWholeNonNegative(rate)) flag(`generationRatesBps.${i}`, BAD_RATE);
  });
  if (plan.generationRatesBps.length > MAX_GENERATIONS) {
    flag('generationRatesBps', `must have at most ${MAX_GENERATIONS} generations`);
  }
  // The total is only meaningful once every rate is a valid number.
  if (rates.every(isWholeNonNegative) && totalNetworkRateBps(plan) > BASIS_POINTS_PER_WHOLE) {
    flag(
      'totalRateBps',
      `stockist and generation rates together must not exceed ${BASIS_POINTS_PER_WHOLE} basis points`,
    );
  }

  if (!isWholeNonNegative(plan.membershipFees.dtehm)) flag('membershipFees.dtehm', BAD_MONEY);
  if (!isWholeNonNegative(plan.membershipFees.dip)) flag('membershipFees.dip', BAD_MONEY);
  if (!isWholeNonNegative(plan.sponsorBonusPerDtehm)) flag('sponsorBonusPerDtehm', BAD_MONEY);
  if (!isCurrencyCode(plan.currency)) flag('currency', 'is not supported');

  if (Object.keys(fields).length > 0) throw validationError(fields, 'The commission plan is invalid.');
  return plan;
}

/** Why a member cannot be a sale's stockist under the plan. */
export type StockistRefusal = 'inactive' | 'not-designated';

/**
 * Whether `member` may be the stockist of a sale: null when they may, else why not. An inactive
 * member never may (they earn nothing); under `designated` the member must also hold the role.
 */
export function stockistRefusal(
  plan: Pick<MlmPlan, 'stockistEligibility'>,
  member: { active: boolean; designatedStockist: boolean },
): StockistRefusal | null {
  if (!member.active) return 'inactive';
  if (plan.stockistEligibility === 'designated' && !member.designatedStockist) return 'not-designated';
  return null;
}

/** Zero-based generation index to its display label: 0 → 'GN1'. */
export function generationLabel(index0: number): `GN${number}` {
  if (!isWholeNonNegative(index0)) throw fieldError('generation', 'must be a whole, non-negative index');
  return `GN${index0 + 1}`;
}

/** Share of a sale the whole network can pay out: the stockist rate plus every generation rate. */
export function totalNetworkRateBps(plan: MlmPlan): number {
  return plan.generationRatesBps.reduce((total, rate) => total + rate, plan.stockistRateBps);
}
