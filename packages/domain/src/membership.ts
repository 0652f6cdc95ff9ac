import { type MlmPlan, validatePlan } from './mlm-plan.ts';
import { sum } from './money.ts';

export type MembershipType = 'DTEHM' | 'DIP';

export interface MembershipChoice {
  dtehm: boolean;
  dip: boolean;
}

export interface MembershipQuote {
  /** Whether a payment must be made before the memberships are granted. */
  required: boolean;
  amount: number;
  /** Chosen types, always in the order DTEHM, DIP. */
  types: MembershipType[];
  /** Fee per type; 0 for a type that was not chosen. */
  breakdown: { dtehm: number; dip: number };
}

/** What a member must pay for the memberships they picked. */
export function membershipQuote(plan: MlmPlan, choice: MembershipChoice): MembershipQuote {
  const { membershipFees } = validatePlan(plan);
  const breakdown = {
    dtehm: choice.dtehm ? membershipFees.dtehm : 0,
    dip: choice.dip ? membershipFees.dip : 0,
  };
  const types: MembershipType[] = [];
  if (choice.dtehm) types.push('DTEHM');
  if (choice.dip) types.push('DIP');
  const amount = sum([breakdown.dtehm, breakdown.dip]);
  return { required: amount > 0, amount, types, breakdown };
}

/** The sponsor earns a one-off bonus when their recruit takes a DTEHM membership; DIP alone pays none. */
export function sponsorBonus(plan: MlmPlan, types: readonly MembershipType[]): number {
  const { sponsorBonusPerDtehm } = validatePlan(plan);
  return types.includes('DTEHM') ? sponsorBonusPerDtehm : 0;
}
