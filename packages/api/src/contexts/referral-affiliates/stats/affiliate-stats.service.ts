import { DomainError, fieldError } from '@komisi/domain';
import { type Scope, toSafeInteger } from '../../../kernel/scope.ts';
import { LedgerAccounts, type LedgerService } from '../../ledger/ledger.service.ts';
import type { ReferralStatus } from '../commissions/affiliate-referral.entity.ts';
import { type PeriodQuery, resolvePeriod } from './stats-period.ts';

/** Dashboard home (qutab `/affiliate/dashboard/summary`), field names as the spec writes them. */
export interface AffiliateSummary {
  total_clicks: number;
  total_conversions: number;
  /** conversions per 100 clicks, 2 decimals; 0 while there are no clicks */
  conversion_rate: number;
  /** minor units: commission of confirmed, not reversed referrals */
  total_commission: number;
  /** withdrawable (ledger: the affiliate's available account) */
  available_balance: number;
  /** in the holding period (ledger: the affiliate's on-hold account) */
  pending_commission: number;
}

export interface ChartDay {
  /** `YYYY-MM-DD` in the tenant's time zone */
  date: string;
  clicks: number;
  conversions: number;
  commission: number;
}

/** Statistik (qutab `/affiliate/statistics`). */
export interface AffiliateStatistics {
  total_clicks: number;
  total_conversions: number;
  total_commission: number;
  /** one entry per day of the period, days without activity included */
  chart_data: ChartDay[];
}

export type ActivityType = 'sale' | 'click' | 'payout';

export interface ActivityItem {
  type: ActivityType;
  description: string;
  /** minor units: the commission of a sale, the amount of a payout, 0 for a click */
  amount: number;
  created_at: Date;
}

export const ACTIVITY_LIMIT_MAX = 100;

const SALE_STATUS: Record<ReferralStatus, string> = {
  pending: 'awaiting payment',
  confirmed: 'on hold',
  available: 'available',
  paid: 'paid out',
  reversed: 'reversed',
};

/**
 * The referral-link affiliate's dashboard numbers. Every read is a fixed, small amount of work
 * however many clicks and referrals the affiliate has: totals come from the affiliate row (kept by
 * the click writer and the commission service), clicks per day from `affiliate_click_daily`,
 * conversions from the partial index `affiliate_referral_confirmed_live_idx`, balances from the
 * ledger.
 */
export class AffiliateStatsService {
  readonly #ledger: LedgerService;

  constructor(ledger: LedgerService) {
    this.#ledger = ledger;
  }

  /** NOT_FOUND when the tenant has no such affiliate. */
  async summary(scope: Scope, affiliateId: number): Promise<AffiliateSummary> {
    const [row] = await scope.em.execute<
      { account_id: number; total_clicks: string; total_conversions: number; total_commission: string }[]
    >(
      `select account_id, total_clicks::text, total_conversions, total_commission::text
         from affiliate where tenant_id = ? and id = ?`,
      [scope.tenant.id, affiliateId],
    );
    if (!row) throw new DomainError('NOT_FOUND', 'Affiliate not found');
    return this.summaryOf(scope, {
      account: row.account_id,
      totalClicks: toSafeInteger(row.total_clicks),
      totalConversions: row.total_conversions,
      totalCommission: toSafeInteger(row.total_commission),
    });
  }

  /** As `summary`, for an affiliate row already loaded (the request's own): its balances only. */
  async summaryOf(
    scope: Scope,
    affiliate: { account: number; totalClicks: number; totalConversions: number; totalCommission: number },
  ): Promise<AffiliateSummary> {
    // both are running balances (one row each), read in one statement
    const [available = 0, onHold = 0] = await this.#ledger.balances(scope, [
      LedgerAccounts.affiliateAvailable(affiliate.account),
      LedgerAccounts.affiliateOnHold(affiliate.account),
    ]);
    return {
      total_clicks: affiliate.totalClicks,
      total_conversions: affiliate.totalConversions,
      conversion_rate: conversionRate(affiliate.totalConversions, affiliate.totalClicks),
      total_commission: affiliate.totalCommission,
      available_balance: available,
      pending_commission: onHold,
    };
  }

  /**
   * Clicks, conversions and commission per day of the period (tenant time zone), zero days
   * included, and their totals. A conversion is a referral confirmed (paid) in the period and not
   * reversed since, counted on the local day it was confirmed. One statement: for each day of the
   * period, its click rollup row and one index-only range scan of that day's conversions
   * (`affiliate_referral_confirmed_live_idx`); no per-row time-zone arithmetic.
   */
  async statistics(
    scope: Scope,
    affiliateId: number,
    query: PeriodQuery,
    now: Date = scope.now,
  ): Promise<AffiliateStatistics> {
    const tz = scope.tenant.timeZone;
    const { start, end } = resolvePeriod(query, now, tz);
    const t = scope.tenant.id;
    const rows = await scope.em.execute<{ day: string; clicks: number; n: string; commission: string }[]>(
      `select to_char(g.d, 'YYYY-MM-DD') as day, coalesce(c.clicks, 0) as clicks, s.n::text, s.commission::text
         from generate_series(?::date, ?::date, interval '1 day') as g (d)
         left join affiliate_click_daily c on c.tenant_id = ? and c.affiliate_id = ? and c.day = g.d::date
        cross join lateral (
              select count(*) as n, coalesce(sum(r.commission), 0) as commission
                from affiliate_referral r
               where r.tenant_id = ? and r.affiliate_id = ? and r.status <> 'reversed' and r.confirmed_at is not null
                 and r.confirmed_at >= g.d::timestamp at time zone ?
                 and r.confirmed_at < (g.d + interval '1 day')::timestamp at time zone ?) s
        order by g.d`,
      [start, end, t, affiliateId, t, affiliateId, tz, tz],
    );
    const chart = rows.map((r) => ({
      date: r.day,
      clicks: r.clicks,
      conversions: toSafeInteger(r.n),
      commission: toSafeInteger(r.commission),
    }));
    return {
      total_clicks: chart.reduce((sum, d) => sum + d.clicks, 0),
      total_conversions: chart.reduce((sum, d) => sum + d.conversions, 0),
      total_commission: chart.reduce((sum, d) => sum + d.commission, 0),
      chart_data: chart,
    };
  }

  /**
   * The latest `limit` (1–100) clicks, sales and payouts, newest first: a sale is a referred order
   * (its commission and status) dated when it was ordered; a payout is a withdrawal request (its
   * amount, bank and status) dated when it was requested. One statement; each branch reads at most
   * `limit` rows from its own index.
   */
  async activity(scope: Scope, affiliateId: number, limit = 20): Promise<ActivityItem[]> {
    if (!Number.isInteger(limit) || limit < 1 || limit > ACTIVITY_LIMIT_MAX)
      throw fieldError('limit', `must be a whole number from 1 to ${ACTIVITY_LIMIT_MAX}`);
    // Reads commerce's customer_order for the order numbers: a dashboard read kept to one statement
    // (a join on its primary key), not a write.
    const rows = await scope.em.execute<
      {
        type: ActivityType;
        amount: string;
        at: Date;
        /** click: its referer · payout: bank and masked account number */
        detail: string | null;
        status: string | null;
        order_id: number | null;
        order_number: string | null;
      }[]
    >(
      `select x.type, x.amount::text, x.at, x.detail, x.status, x.order_id, o.order_number
         from ((select 'click' as type, 0::bigint as amount, c.clicked_at as at, c.referer as detail,
                       null::text as status, null::int as order_id
                  from referral_click c
                 where c.tenant_id = ? and c.affiliate_id = ?
                 order by c.clicked_at desc limit ?)
               union all
               (select 'sale', r.commission, r.ordered_at, null, r.status, r.order_id
                  from affiliate_referral r
                 where r.tenant_id = ? and r.affiliate_id = ?
                 order by r.ordered_at desc limit ?)
               union all
               (select 'payout', p.amount, p.requested_at, p.bank_name || ' ' || p.account_number_masked,
                       p.status, null
                  from affiliate_payout p
                 where p.tenant_id = ?
                   and p.account_id = (select account_id from affiliate where tenant_id = ? and id = ?)
                 order by p.requested_at desc limit ?)) x
         left join customer_order o on o.tenant_id = ? and o.id = x.order_id
        order by x.at desc, x.type
        limit ?`,
      [
        ...[scope.tenant.id, affiliateId, limit],
        ...[scope.tenant.id, affiliateId, limit],
        ...[scope.tenant.id, scope.tenant.id, affiliateId, limit],
        ...[scope.tenant.id, limit],
      ],
    );
    return rows.map((r) => ({
      type: r.type,
      description:
        r.type === 'click'
          ? clickDescription(r.detail)
          : r.type === 'sale'
            ? saleDescription(r)
            : `Payout to ${r.detail} (${r.status})`,
      amount: toSafeInteger(r.amount),
      created_at: new Date(r.at),
    }));
  }
}

/** Conversions per 100 clicks, rounded half up to 2 decimals; 0 without clicks (not NaN or Infinity). */
export function conversionRate(conversions: number, clicks: number): number {
  if (clicks <= 0) return 0;
  return Math.round((conversions * 10_000) / clicks) / 100;
}

function clickDescription(referer: string | null): string {
  if (!referer) return 'Referral link clicked';
  try {
    return `Referral link clicked from ${new URL(referer).hostname.replace(/^www\./, '')}`;
  } catch {
    return 'Referral link clicked';
  }
}

function saleDescription(r: {
  status: string | null;
  order_id: number | null;
  order_number: string | null;
}): string {
  const order = r.order_number ?? `#${r.order_id}`;
  return `Sale from order ${order} (${SALE_STATUS[(r.status ?? 'pending') as ReferralStatus] ?? r.status})`;
}
