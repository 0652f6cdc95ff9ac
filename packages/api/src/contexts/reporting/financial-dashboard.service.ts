import {
  type DashboardPeriod,
  dashboardDays,
  localDate,
  monthsOf,
  SAVINGS_CODES,
  type SavingsCode,
} from '@komisi/domain';
import { CompiledQuery } from 'kysely';
import { type Scope, toSafeInteger } from '../../kernel/scope.ts';
import { DASHBOARD_SQL } from './financial-dashboard.sql.ts';

export interface FinancialOverview {
  /** what all members hold in all products (the same sum as the breakdown's total) */
  totalSavings: number;
  /** completed deposits of transactions made today (the tenant's local day) */
  depositsToday: number;
  withdrawalsToday: number;
  netFlowToday: number;
  activeMembers: number;
  /** transactions still pending or processing, whenever made */
  pendingTransactions: number;
}

export interface MonthTrend {
  /** `YYYY-MM`, in the tenant's time zone */
  month: string;
  deposits: number;
  withdrawals: number;
  netSavings: number;
  newMembers: number;
}

export interface TopSaver {
  memberNumber: string;
  fullName: string;
  totalSavings: number;
}

export interface FinancialDashboard {
  overview: FinancialOverview;
  /** per product code, and their total */
  breakdown: Record<SavingsCode, number> & { total: number };
  /** every month the period touches, newest first (the days of the period only) */
  months: MonthTrend[];
  topSavers: TopSaver[];
}

interface DashboardRow {
  balances: { code: SavingsCode; balance: string }[];
  flows: FlowRow[];
  joined: { month: string; joined: string }[];
  active: number;
  pending: number;
  savers: { member_number: string; name: string; balance: string }[];
}

interface FlowRow {
  /** a month's row (`savings_flow_monthly`) or a day's (`savings_flow_daily`) */
  source: 'month' | 'day';
  month: string;
  today: boolean;
  category: 'deposit' | 'withdrawal';
  amount: string;
}

/**
 * The admins' financial dashboard (koperasi-sinoman §6.2.1). Every figure is read from a rollup kept
 * by triggers (savings-rollups.entity.ts) or an index, so a read costs the same at ten million
 * transactions as at ten: at most twelve months or seven days of flows and today's, the members'
 * joining days of the period, the members per status, the product balances, the first ten rows of
 * the member balance index, the open transactions.
 */
export class FinancialDashboardService {
  async dashboard(scope: Scope, period: DashboardPeriod): Promise<FinancialDashboard> {
    const today = localDate(scope.now, scope.tenant.timeZone);
    const days = dashboardDays(period, today);
    // every period ends today, so from a first of the month its months are whole months so far
    const wholeMonths = days.start.endsWith('-01');
    const tenantId = scope.tenant.id;
    // one statement, one round trip: the reads are independent and each is small (see the SQL)
    const { rows } = await scope.em
      .getKysely()
      .executeQuery<DashboardRow>(
        CompiledQuery.raw(DASHBOARD_SQL, [
          tenantId,
          days.start,
          wholeMonths ? today : null,
          today,
          wholeMonths ? today : days.start,
          days.end,
        ]),
      );
    const row = rows[0];
    const { balances, flows, joined, active, pending, savers } = row!;

    const breakdown = { SP: 0, SW: 0, SS: 0, total: 0 };
    for (const b of balances) {
      if (!SAVINGS_CODES.includes(b.code)) continue;
      breakdown[b.code] = toSafeInteger(b.balance);
      breakdown.total += breakdown[b.code];
    }

    const trends = new Map(
      monthsOf(days).map((month) => [
        month,
        { month, deposits: 0, withdrawals: 0, netSavings: 0, newMembers: 0 },
      ]),
    );
    let depositsToday = 0;
    let withdrawalsToday = 0;
    for (const f of flows) {
      const amount = toSafeInteger(f.amount);
      const deposit = f.category === 'deposit';
      // days also count in their month when the period is read by day
      if (f.source === 'month' || !wholeMonths) {
        const trend = trends.get(f.month)!;
        if (deposit) trend.deposits += amount;
        else trend.withdrawals += amount;
      }
      if (f.today) {
        if (deposit) depositsToday += amount;
        else withdrawalsToday += amount;
      }
    }
    for (const j of joined) trends.get(j.month)!.newMembers = toSafeInteger(j.joined);
    for (const trend of trends.values()) trend.netSavings = trend.deposits - trend.withdrawals;

    return {
      overview: {
        totalSavings: breakdown.total,
        depositsToday,
        withdrawalsToday,
        netFlowToday: depositsToday - withdrawalsToday,
        activeMembers: active,
        pendingTransactions: pending,
      },
      breakdown,
      months: [...trends.values()],
      topSavers: savers.map((s) => ({
        memberNumber: s.member_number,
        fullName: s.name,
        totalSavings: toSafeInteger(s.balance),
      })),
    };
  }
}
