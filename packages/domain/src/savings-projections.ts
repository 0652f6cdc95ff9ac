import { fieldError } from './errors.ts';
import { BASIS_POINTS_PER_WHOLE, ratioPercent } from './money.ts';
import { addMonths, monthsBetween } from './savings-interest.ts';

/**
 * What a member's savings summary projects (koperasi-sinoman §4.3.1): the SHU share their savings
 * earn, the progress to a savings goal, growth, and the months a summary period covers.
 */

/** A cooperative's savings settings (tenant setting `savings`); each absent key takes its default. */
export interface SavingsSettings {
  /** the SHU (sisa hasil usaha) the cooperative expects to share out this year, in rupiah */
  shuPoolEstimate: number;
  /** the part of the SHU paid out on savings (jasa modal), in basis points; the rest goes on transactions (jasa usaha) */
  shuSavingsShareBp: number;
  /** the savings goal a member's summary measures progress to, in rupiah */
  savingsGoal: number;
  /** how long a deposit's transfer instructions stay valid */
  paymentDeadlineHours: number;
  /** how long the cooperative takes to pay a withdrawal out */
  withdrawalProcessingHours: number;
  /** the bank shown in transfer instructions when the gateway names none */
  depositBankName: string;
}

export const SAVINGS_SETTINGS_DEFAULTS: SavingsSettings = Object.freeze({
  shuPoolEstimate: 0,
  shuSavingsShareBp: 2000,
  savingsGoal: 1_000_000,
  paymentDeadlineHours: 24,
  withdrawalProcessingHours: 24,
  depositBankName: 'Bank BCA',
});

/** The defaults with a tenant's overrides laid on (an absent or null key keeps the default). */
export function savingsSettings(
  overrides?: { [K in keyof SavingsSettings]?: SavingsSettings[K] | null } | null,
): SavingsSettings {
  const settings = { ...SAVINGS_SETTINGS_DEFAULTS };
  for (const [key, value] of Object.entries(overrides ?? {})) {
    if (value !== null && value !== undefined) Object.assign(settings, { [key]: value });
  }
  return settings;
}

/**
 * A member's projected SHU on savings (jasa modal): their share of all members' savings times the
 * part of the pool paid on savings, rounded down to whole rupiah. Never negative; the members'
 * projections together never exceed that part of the pool.
 */
export function projectedShu(input: {
  memberSavings: number;
  allSavings: number;
  pool: number;
  savingsShareBp: number;
}): number {
  const { memberSavings, allSavings, pool, savingsShareBp } = input;
  for (const [field, value] of Object.entries(input)) {
    if (!Number.isSafeInteger(value)) throw fieldError(field, 'must be a whole number');
  }
  if (savingsShareBp < 0 || savingsShareBp > BASIS_POINTS_PER_WHOLE)
    throw fieldError('savingsShareBp', 'must be from 0 to 10000');
  if (memberSavings <= 0 || allSavings <= 0 || pool <= 0) return 0;
  const share = BigInt(Math.min(memberSavings, allSavings));
  return Number(
    (share * BigInt(pool) * BigInt(savingsShareBp)) / (BigInt(allSavings) * BigInt(BASIS_POINTS_PER_WHOLE)),
  );
}

/**
 * Progress to a savings goal: percent reached (one decimal, at most 100) and the months still
 * needed at the member's monthly deposit (rounded up; 0 once reached; null without deposits).
 */
export function savingsGoalProgress(balance: number, target: number, monthlyDeposit: number) {
  const remaining = target - balance;
  const reached = remaining <= 0;
  return {
    target_amount: target,
    current_progress: reached ? 100 : Math.max(0, ratioPercent(balance, target, 1)),
    months_to_target: reached ? 0 : monthlyDeposit > 0 ? Math.ceil(remaining / monthlyDeposit) : null,
  };
}

/** Growth of a balance over a period in percent (one decimal); 0 when it started from nothing. */
export function growthRate(opening: number, closing: number): number {
  return opening > 0 ? ratioPercent(closing - opening, opening, 1) : 0;
}

export const SUMMARY_PERIODS = ['month', 'quarter', 'year', 'all'] as const;
export type SummaryPeriod = (typeof SUMMARY_PERIODS)[number];

const PERIOD_MONTHS: Record<Exclude<SummaryPeriod, 'all'>, number> = { month: 1, quarter: 3, year: 12 };

/**
 * The months a summary period covers, newest first: this month (`month`), the last 3 or 12 months
 * with this one (`quarter`, `year`), or every month since the member's first (`all`).
 */
export function summaryMonths(period: SummaryPeriod, current: string, first: string | null): string[] {
  const count =
    period === 'all'
      ? Math.max(1, first === null ? 1 : monthsBetween(first, current) + 1)
      : PERIOD_MONTHS[period];
  return Array.from({ length: count }, (_, i) => addMonths(current, -i));
}
