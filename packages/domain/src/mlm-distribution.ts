import { generationLabel, type MlmPlan, validatePlan } from './mlm-plan.ts';
import { applyRate, assertNonNegativeMinorUnits } from './money.ts';

/** Anyone who can be credited a commission; callers pass their own richer member type. */
export interface Beneficiary {
  id: number;
}

export type CommissionLevel = 'Stockist' | `GN${number}`;

export interface CommissionLine<M extends Beneficiary> {
  level: CommissionLevel;
  kind: 'stockist' | 'network';
  /** 0 for the stockist, 1..N for GN1..GNN. */
  generation: number;
  rateBps: number;
  member: M;
  amount: number;
}

export interface Distribution<M extends Beneficiary> {
  lines: CommissionLine<M>[];
  stockistAmount: number;
  networkAmount: number;
  totalAmount: number;
  /** amount − totalAmount: what stays with the company (unfilled levels and rounding). */
  retainedAmount: number;
  /** The amount the rates were applied to. */
  base: number;
}

/**
 * Splits one sale's `amount` between the stockist and the sponsor chain. `uplines[0]` is GN1 (the
 * sponsor), `uplines[1]` GN2, and so on. Each share is floor(amount × rate / 10000); floors and unpaid
 * levels stay with the company.
 */
export function distribute<M extends Beneficiary>(
  plan: MlmPlan,
  uplines: readonly (M | null | undefined)[],
  stockist: M | null | undefined,
  amount: number,
): Distribution<M> {
  validatePlan(plan);
  assertNonNegativeMinorUnits(amount);

  const lines: CommissionLine<M>[] = [];
  // Lines whose amount is 0 (rate 0, or a share that floors to 0) are omitted: a line means money
  // moves, so ledgers, wallets and notifications never record empty credits.
  const pay = (line: CommissionLine<M>) => {
    if (line.amount > 0) lines.push(line);
  };

  if (stockist != null) {
    const rateBps = plan.stockistRateBps;
    pay({
      level: 'Stockist',
      kind: 'stockist',
      generation: 0,
      rateBps,
      member: stockist,
      amount: applyRate(amount, rateBps),
    });
  }

  const recipients = recipientsByGeneration(plan, uplines);
  plan.generationRatesBps.forEach((rateBps, i) => {
    const member = recipients[i];
    if (member == null) return; // Unfilled level: its share stays with the company.
    const level = generationLabel(i);
    pay({ level, kind: 'network', generation: i + 1, rateBps, member, amount: applyRate(amount, rateBps) });
  });

  const stockistAmount = totalOf(lines.filter((line) => line.kind === 'stockist'));
  const networkAmount = totalOf(lines.filter((line) => line.kind === 'network'));
  const totalAmount = stockistAmount + networkAmount;
  return {
    lines,
    stockistAmount,
    networkAmount,
    totalAmount,
    retainedAmount: amount - totalAmount,
    base: amount,
  };
}

/**
 * Who sits at each generation. Without compression a missing upline leaves its level empty; with
 * compression gaps close up, so the first k existing uplines take GN1..GNk (uplines past the last
 * generation can move up into it).
 */
function recipientsByGeneration<M>(plan: MlmPlan, uplines: readonly (M | null | undefined)[]) {
  return plan.compression ? uplines.filter((upline) => upline != null) : uplines;
}

// Line amounts are each at most their rate's share of a safe amount and the plan caps total rates at
// 100%, so plain addition stays exact.
function totalOf(lines: readonly { amount: number }[]): number {
  return lines.reduce((total, line) => total + line.amount, 0);
}
