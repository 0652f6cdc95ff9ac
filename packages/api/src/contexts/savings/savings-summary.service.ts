import {
  growthRate,
  projectedShu,
  ratioPercent,
  type SummaryPeriod,
  savingsGoalProgress,
  summaryMonths,
} from '@komisi/domain';
import { type Scope, toSafeInteger } from '../../kernel/scope.ts';
import type { SavingsAccountsService } from './savings-accounts.service.ts';
import { localMonth, savingsSettingsOf } from './savings-settings.ts';

interface MonthTotals {
  month: string;
  deposits: number;
  withdrawals: number;
  interest: number;
  /** everything else credited (bonuses) */
  other: number;
}

export interface MonthlyBreakdown {
  month: string;
  deposits: number;
  withdrawals: number;
  interest: number;
  ending_balance: number;
}

/**
 * A member's savings summary (§4.3.1). Amounts of a period count completed deposits, interest and
 * bonuses by when they completed, and withdrawals by when their amount left the balance (requested,
 * not rejected); a month's ending balance is today's balance less the movements of every later month.
 */
export class SavingsSummaryService {
  readonly #accounts: SavingsAccountsService;

  constructor(accounts: SavingsAccountsService) {
    this.#accounts = accounts;
  }

  async summary(scope: Scope, ownerAccountId: number, period: SummaryPeriod) {
    const [accounts, history, allSavings] = await Promise.all([
      this.#accounts.accountsOf(scope, ownerAccountId),
      this.#monthTotals(scope, ownerAccountId),
      this.#allMembersSavings(scope),
    ]);
    const settings = savingsSettingsOf(scope.tenant);
    const total = accounts.reduce((sum, a) => sum + a.balance, 0);
    const mandatory = accounts.filter((a) => a.product.isMandatory).reduce((sum, a) => sum + a.balance, 0);
    const current = localMonth(scope.now, scope.tenant.timeZone);
    const months = summaryMonths(period, current, history[0]?.month ?? null);
    const { breakdown, opening } = endingBalances(history, months, total);
    const inPeriod = (key: 'deposits' | 'withdrawals' | 'interest') =>
      breakdown.reduce((sum, m) => sum + m[key], 0);
    const deposits = inPeriod('deposits');
    const withdrawals = inPeriod('withdrawals');
    const monthlyDeposit = Math.floor(deposits / months.length);
    return {
      summary: {
        total_balance: total,
        mandatory_savings: mandatory,
        voluntary_savings: total - mandatory,
        monthly_deposit: monthlyDeposit,
        total_deposits: deposits,
        total_withdrawals: withdrawals,
        net_savings: deposits - withdrawals,
        interest_earned: inPeriod('interest'),
        shu_projection: projectedShu({
          memberSavings: total,
          allSavings,
          pool: settings.shuPoolEstimate,
          savingsShareBp: settings.shuSavingsShareBp,
        }),
        growth_rate: growthRate(opening, total),
        savings_goal: savingsGoalProgress(total, settings.savingsGoal, monthlyDeposit),
      },
      monthly_breakdown: breakdown,
      account_breakdown: accounts.map((a) => ({
        savings_type: a.product.name,
        balance: a.balance,
        percentage: ratioPercent(a.balance, total, 1),
      })),
    };
  }

  /** The member's movements per local month, oldest first (one grouped scan of their transactions). */
  async #monthTotals(scope: Scope, ownerAccountId: number): Promise<MonthTotals[]> {
    const rows = await scope.em.execute<Record<keyof MonthTotals, string>[]>(
      `select to_char(case when category = 'withdrawal' then created_at else processed_at end at time zone ?, 'YYYY-MM') as month,
         sum(case when category = 'deposit' then amount else 0 end)::text as deposits,
         sum(case when category = 'withdrawal' then amount else 0 end)::text as withdrawals,
         sum(case when category = 'interest' then amount else 0 end)::text as interest,
         sum(case when category = 'bonus' then amount else 0 end)::text as other
       from savings_transaction
       where tenant_id = ? and owner_account_id = ?
         and (status = 'completed' or (category = 'withdrawal' and status in ('pending', 'processing')))
       group by 1 order by 1`,
      [scope.tenant.timeZone, scope.tenant.id, ownerAccountId],
    );
    return rows.map((r) => ({
      month: r.month,
      deposits: toSafeInteger(r.deposits),
      withdrawals: toSafeInteger(r.withdrawals),
      interest: toSafeInteger(r.interest),
      other: toSafeInteger(r.other),
    }));
  }

  /**
   * Every member's savings together (the SHU projection's denominator): the running balances of the
   * tenant's savings ledger accounts (`savings:{id}`, withdrawal holds excluded).
   */
  async #allMembersSavings(scope: Scope): Promise<number> {
    const [row] = await scope.em.execute<{ total: string | null }[]>(
      `select sum(-running_balance)::text as total from ledger_account
       where tenant_id = ? and code like 'savings:%' and code not like 'savings:%:%'`,
      [scope.tenant.id],
    );
    return toSafeInteger(row?.total ?? 0);
  }
}

const netOf = (m: MonthTotals | undefined) => (m ? m.deposits + m.interest + m.other - m.withdrawals : 0);

/**
 * The period's months, newest first, each with its movements and the balance it ended with; and the
 * balance the period opened with.
 */
function endingBalances(
  history: MonthTotals[],
  months: string[],
  total: number,
): { breakdown: MonthlyBreakdown[]; opening: number } {
  const byMonth = new Map(history.map((h) => [h.month, h]));
  // what moved after the newest month of the period (nothing: it is the current month)
  let balance = total - history.filter((h) => h.month > months[0]!).reduce((sum, h) => sum + netOf(h), 0);
  const breakdown = months.map((month) => {
    const m = byMonth.get(month);
    const row = {
      month,
      deposits: m?.deposits ?? 0,
      withdrawals: m?.withdrawals ?? 0,
      interest: m?.interest ?? 0,
      ending_balance: balance,
    };
    balance -= netOf(m);
    return row;
  });
  return { breakdown, opening: balance };
}
