import { type DayRange, startOfLocalDay } from '@komisi/domain';
import { type Scope, toSafeInteger } from '../../kernel/scope.ts';
import { SALES_SERIES_SQL, SAVINGS_NOW_SQL, SAVINGS_SERIES_SQL } from './console-dashboard.sql.ts';

/** Figures per day: money in minor units of the tenant's currency, or counts. */
export const DASHBOARD_METRICS = [
  'sales',
  'orders',
  'commissions',
  'clicks',
  'deposits',
  'withdrawals',
  'netSavings',
] as const;
export type DashboardMetric = (typeof DASHBOARD_METRICS)[number];

/** Which metrics are counts (the others are money). */
export const COUNT_METRICS: readonly DashboardMetric[] = ['orders', 'clicks'];

const SALES_FAMILY: readonly DashboardMetric[] = ['sales', 'orders', 'commissions', 'clicks'];
const SAVINGS_FAMILY: readonly DashboardMetric[] = ['deposits', 'withdrawals', 'netSavings'];

export type DashboardFigures = Partial<Record<DashboardMetric, number>>;

export interface ConsoleDashboard {
  /** one entry per day of the range, oldest first, with each metric asked for */
  days: ({ date: string } & DashboardFigures)[];
  /** each metric summed over the range */
  totals: DashboardFigures;
  /** figures of the moment rather than the range (a cooperative's savings and active members) */
  now: { totalSavings?: number; activeMembers?: number };
}

type Row = { date: string } & Record<string, string>;

/**
 * The admin console's dashboard: the metrics a tenant's apps have, per local day (the tenant's
 * time zone) of a range of at most 366 days. Sales and commissions from orders and commission rows
 * by index range; clicks and savings flows from the rollups their writers keep.
 */
export class ConsoleDashboardService {
  async series(
    scope: Scope,
    range: DayRange,
    metrics: readonly DashboardMetric[],
  ): Promise<ConsoleDashboard> {
    const wanted = (family: readonly DashboardMetric[]) => metrics.filter((m) => family.includes(m));
    const sales = wanted(SALES_FAMILY).length ? await this.#sales(scope, range) : undefined;
    const savings = wanted(SAVINGS_FAMILY).length ? await this.#savings(scope, range) : undefined;
    const days = (sales ?? savings ?? []).map((row, i) => {
      const day: { date: string } & DashboardFigures = { date: row.date };
      for (const metric of metrics) day[metric] = figureOf(metric, sales?.[i], savings?.[i]);
      return day;
    });
    const totals: DashboardFigures = {};
    for (const metric of metrics) totals[metric] = days.reduce((sum, d) => sum + (d[metric] ?? 0), 0);
    return { days, totals, now: savings ? await this.#savingsNow(scope) : {} };
  }

  #sales(scope: Scope, range: DayRange): Promise<Row[]> {
    const tz = scope.tenant.timeZone;
    const t = scope.tenant.id;
    const from = startOfLocalDay(range.start, tz);
    const until = startOfLocalDay(range.end, tz, 1);
    return scope.em.execute<Row[]>(SALES_SERIES_SQL, [
      range.start,
      range.end,
      ...[tz, t, from, until],
      ...[tz, t, from, until],
      ...[tz, t, from, until],
      ...[t, range.start, range.end],
    ]);
  }

  #savings(scope: Scope, range: DayRange): Promise<Row[]> {
    return scope.em.execute<Row[]>(SAVINGS_SERIES_SQL, [range.start, range.end, scope.tenant.id]);
  }

  async #savingsNow(scope: Scope): Promise<ConsoleDashboard['now']> {
    const [row] = await scope.em.execute<{ total_savings: string; active_members: string }[]>(
      SAVINGS_NOW_SQL,
      [scope.tenant.id, scope.tenant.id],
    );
    return {
      totalSavings: toSafeInteger(row?.total_savings),
      activeMembers: toSafeInteger(row?.active_members),
    };
  }
}

function figureOf(metric: DashboardMetric, sales: Row | undefined, savings: Row | undefined): number {
  if (metric === 'netSavings') return toSafeInteger(savings?.deposits) - toSafeInteger(savings?.withdrawals);
  return toSafeInteger((SALES_FAMILY.includes(metric) ? sales : savings)?.[metric]);
}
