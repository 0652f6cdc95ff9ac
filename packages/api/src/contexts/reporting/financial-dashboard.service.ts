import {
  type DashboardPeriod,
  dashboardDays,
  localDate,
  monthsOf,
  SAVINGS_CODES,
  type SavingsCode,
} from '@komisi/domain';
import { type Scope, toSafeInteger } from '../../kernel/scope.ts';

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

export const TOP_SAVERS = 10;

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
 * transactions as at ten: at most twelve months or seven days of flows and today's, the members' joining days,
 * the product balances, the ten first rows of the member balance index, the open transactions.
 */
export class FinancialDashboardService {
  async dashboard(scope: Scope, period: DashboardPeriod): Promise<FinancialDashboard> {
    const today = localDate(scope.now, scope.tenant.timeZone);
    const days = dashboardDays(period, today);
    // every period ends today, so from a first of the month its months are whole months so far
    const wholeMonths = days.start.endsWith('-01');
    const tenantId = scope.tenant.id;
    const [balances, flows, members, pending, savers] = await Promise.all([
      scope.em.execute<{ code: SavingsCode; balance: string }[]>(
        `select p.code, coalesce(sum(b.balance), 0)::text as balance
           from savings_product p
           left join savings_product_balance b on b.tenant_id = p.tenant_id and b.product_id = p.id
          where p.tenant_id = ? group by p.code`,
        [tenantId],
      ),
      // a period from a month's first day (month, quarter, year) reads whole months; another its days
      scope.em.execute<FlowRow[]>(
        `select 'month' as source, to_char(m.month, 'YYYY-MM') as month, false as today, m.category,
                sum(m.amount)::text as amount
           from savings_flow_monthly m
          where m.tenant_id = ? and m.month between ?::date and ?::date and m.status = 'completed'
            and m.category in ('deposit', 'withdrawal')
          group by 2, 3, 4
         union all
         select 'day' as source, to_char(f.day, 'YYYY-MM') as month, f.day = ?::date as today, f.category,
                sum(f.amount)::text as amount
           from savings_flow_daily f
          where f.tenant_id = ? and f.day between ?::date and ?::date and f.status = 'completed'
            and f.category in ('deposit', 'withdrawal')
          group by 2, 3, 4`,
        [
          tenantId,
          days.start,
          wholeMonths ? today : null,
          today,
          tenantId,
          wholeMonths ? today : days.start,
          today,
        ],
      ),
      scope.em.execute<{ month: string | null; joined: string; active: string | null }[]>(
        `select case when d.day between ?::date and ?::date then to_char(d.day, 'YYYY-MM') end as month,
                sum(d.members)::text as joined, (sum(d.members) filter (where d.status = 'active'))::text as active
           from member_join_daily d where d.tenant_id = ? group by 1`,
        [days.start, days.end, tenantId],
      ),
      scope.em.execute<{ n: number }[]>(
        `select count(*)::int as n from savings_transaction
          where tenant_id = ? and status in ('pending', 'processing')`,
        [tenantId],
      ),
      // the cooperative member and account rows only name the ten savers the index ranks first
      scope.em.execute<{ member_number: string; name: string; balance: string }[]>(
        `select m.member_number, a.name, b.balance::text as balance
           from member_savings_balance b
           join cooperative_member m on m.tenant_id = b.tenant_id and m.account_id = b.owner_account_id
           join account a on a.id = b.owner_account_id
          where b.tenant_id = ? and b.balance > 0
          order by b.balance desc, b.owner_account_id
          limit ${TOP_SAVERS}`,
        [tenantId],
      ),
    ]);

    const breakdown = { SP: 0, SW: 0, SS: 0, total: 0 };
    for (const row of balances) {
      if (!SAVINGS_CODES.includes(row.code)) continue;
      breakdown[row.code] = toSafeInteger(row.balance);
      breakdown.total += breakdown[row.code];
    }

    const trends = new Map(
      monthsOf(days).map((month) => [
        month,
        { month, deposits: 0, withdrawals: 0, netSavings: 0, newMembers: 0 },
      ]),
    );
    let depositsToday = 0;
    let withdrawalsToday = 0;
    for (const row of flows) {
      const amount = toSafeInteger(row.amount);
      const deposit = row.category === 'deposit';
      if (row.source === 'month' || !wholeMonths) {
        const trend = trends.get(row.month)!;
        if (deposit) trend.deposits += amount;
        else trend.withdrawals += amount;
      }
      if (row.today) {
        if (deposit) depositsToday += amount;
        else withdrawalsToday += amount;
      }
    }
    let activeMembers = 0;
    for (const row of members) {
      activeMembers += toSafeInteger(row.active ?? 0);
      if (row.month !== null) trends.get(row.month)!.newMembers = toSafeInteger(row.joined);
    }
    for (const trend of trends.values()) trend.netSavings = trend.deposits - trend.withdrawals;

    return {
      overview: {
        totalSavings: breakdown.total,
        depositsToday,
        withdrawalsToday,
        netFlowToday: depositsToday - withdrawalsToday,
        activeMembers,
        pendingTransactions: pending[0]?.n ?? 0,
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
