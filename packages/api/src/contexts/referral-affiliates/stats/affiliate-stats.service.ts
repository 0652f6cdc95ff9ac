import { DomainError, fieldError } from '@komisi/domain';
import type { RawBuilder } from 'kysely';
import { boundRow, boundRows, sql } from '../../../kernel/bound-sql.ts';
import { type Scope, toSafeInteger } from '../../../kernel/scope.ts';
import { holderView, LedgerAccounts } from '../../ledger/ledger.service.ts';
import type { AffiliateStatus } from '../affiliate.entity.ts';
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
  /** NOT_FOUND when the tenant has no such affiliate. */
  async summary(scope: Scope, affiliateId: number): Promise<AffiliateSummary> {
    const row = await boundRow<{ account_id: number }>(
      scope,
      sql`select account_id from affiliate where tenant_id = ${scope.tenant.id} and id = ${affiliateId}`,
    );
    const found = row && (await this.summaryOfAccount(scope, row.account_id));
    if (!found) throw new DomainError('NOT_FOUND', 'Affiliate not found');
    return found.summary;
  }

  /**
   * The dashboard summary of an account's affiliate, with its status (the caller decides whether
   * that status may see it), or null when the account has none. One statement: the affiliate row's
   * running totals and both running balances of its ledger accounts (one row each).
   */
  async summaryOfAccount(
    scope: Scope,
    accountId: number,
  ): Promise<{ status: AffiliateStatus; summary: AffiliateSummary } | null> {
    const available = LedgerAccounts.affiliateAvailable(accountId);
    const onHold = LedgerAccounts.affiliateOnHold(accountId);
    const row = await boundRow<{
      status: AffiliateStatus;
      total_clicks: string;
      total_conversions: number;
      total_commission: string;
      available: string | null;
      on_hold: string | null;
    }>(
      scope,
      sql`select a.status, a.total_clicks::text, a.total_conversions, a.total_commission::text,
                 ${balanceOf(available.code)} as available, ${balanceOf(onHold.code)} as on_hold
            from affiliate a where a.tenant_id = ${scope.tenant.id} and a.account_id = ${accountId}`,
    );
    if (!row) return null;
    const totalClicks = toSafeInteger(row.total_clicks);
    return {
      status: row.status,
      summary: {
        total_clicks: totalClicks,
        total_conversions: row.total_conversions,
        conversion_rate: conversionRate(row.total_conversions, totalClicks),
        total_commission: toSafeInteger(row.total_commission),
        available_balance: holderView(available, toSafeInteger(row.available ?? 0)),
        pending_commission: holderView(onHold, toSafeInteger(row.on_hold ?? 0)),
      },
    };
  }

  /**
   * Clicks, conversions and commission per day of the period (tenant time zone), zero days
   * included, and their totals. A conversion is a referral confirmed (paid) in the period and not
   * reversed since, counted on the local day it was confirmed. NOT_FOUND when the tenant has no
   * such affiliate.
   */
  async statistics(
    scope: Scope,
    affiliateId: number,
    query: PeriodQuery,
    now: Date = scope.now,
  ): Promise<AffiliateStatistics> {
    const found = await this.#statistics(scope, sql`a.id = ${affiliateId}`, query, now);
    if (!found) throw new DomainError('NOT_FOUND', 'Affiliate not found');
    return found.statistics;
  }

  /**
   * As `statistics`, for an account's affiliate, with its status (the caller decides whether that
   * status may see them; days are only read for an approved one), or null when the account has none.
   */
  statisticsOfAccount(
    scope: Scope,
    accountId: number,
    query: PeriodQuery,
    now: Date = scope.now,
  ): Promise<{ status: AffiliateStatus; statistics: AffiliateStatistics } | null> {
    return this.#statistics(scope, sql`a.account_id = ${accountId}`, query, now);
  }

  /**
   * One statement: the affiliate row, and for each day of the period its click rollup row and one
   * index-only range scan of that day's conversions (`affiliate_referral_confirmed_live_idx`); no
   * per-row time-zone arithmetic. Its cost follows the days of the period, not the clicks stored.
   */
  async #statistics(
    scope: Scope,
    which: RawBuilder<unknown>,
    query: PeriodQuery,
    now: Date,
  ): Promise<{ status: AffiliateStatus; statistics: AffiliateStatistics } | null> {
    const tz = scope.tenant.timeZone;
    const { start, end } = resolvePeriod(query, now, tz);
    const t = scope.tenant.id;
    const rows = await boundRows<{
      status: AffiliateStatus;
      day: string | null;
      clicks: number | null;
      n: string | null;
      commission: string | null;
    }>(
      scope,
      sql`select a.status, d.day, d.clicks, d.n, d.commission
            from affiliate a
            left join lateral (
                  select g.d, to_char(g.d, 'YYYY-MM-DD') as day, coalesce(c.clicks, 0) as clicks,
                         s.n::text, s.commission::text
                    from generate_series(${start}::date, ${end}::date, interval '1 day') as g (d)
                    left join affiliate_click_daily c on c.tenant_id = ${t} and c.affiliate_id = a.id and c.day = g.d::date
                   cross join lateral (
                         select count(*) as n, coalesce(sum(r.commission), 0) as commission
                           from affiliate_referral r
                          where r.tenant_id = ${t} and r.affiliate_id = a.id and r.status <> 'reversed'
                            and r.confirmed_at is not null
                            and r.confirmed_at >= g.d::timestamp at time zone ${tz}
                            and r.confirmed_at < (g.d + interval '1 day')::timestamp at time zone ${tz}) s
                   where a.status = 'approved') d on true
           where a.tenant_id = ${t} and ${which}
           order by d.d`,
    );
    if (rows.length === 0) return null;
    const chart: ChartDay[] = [];
    let clicks = 0;
    let conversions = 0;
    let commission = 0;
    for (const r of rows) {
      if (r.day === null) continue; // not approved: no days read
      const day = {
        date: r.day,
        clicks: r.clicks ?? 0,
        conversions: toSafeInteger(r.n),
        commission: toSafeInteger(r.commission),
      };
      clicks += day.clicks;
      conversions += day.conversions;
      commission += day.commission;
      chart.push(day);
    }
    return {
      status: rows[0]!.status,
      statistics: {
        total_clicks: clicks,
        total_conversions: conversions,
        total_commission: commission,
        chart_data: chart,
      },
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

/** A ledger account's balance (debits minus credits) by code: its running balance, else the sum of its postings. */
function balanceOf(code: string): RawBuilder<unknown> {
  return sql`(select coalesce(l.running_balance::text,
                (select sum(p.amount)::text from ledger_posting p where p.ledger_account_id = l.id))
              from ledger_account l where l.tenant_id = a.tenant_id and l.code = ${code})`;
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
