// GET /t/{slug}/api/affiliate/dashboard/summary and /affiliate/statistics by hand on Hono + `pg`:
// the same SQL, in the same order, and the same bodies as our affiliate dashboard.
import type { Hono } from 'hono';
import type pg from 'pg';
import type { createBareAuth } from './bare-auth.ts';

const DAY_MS = 86_400_000;

/** What the statistics need of the tenant and the token check. */
interface StatsDeps {
  pool: pg.Pool;
  slug: string;
  tenant: { time_zone: string };
  tenantId: number;
  localDay: Intl.DateTimeFormat;
  authenticate: ReturnType<typeof createBareAuth>;
}

export function mountAffiliateStats(app: Hono, deps: StatsDeps) {
  const { pool, slug, tenant, tenantId, localDay, authenticate } = deps;

  interface AffiliateRow {
    id: number;
    status: string;
    account_id: number;
    total_clicks: string;
    total_conversions: number;
    total_commission: string;
  }

  /** The signed-in account's approved affiliate, its running totals included (as ours loads it). */
  async function affiliateRowOf(header: string | undefined): Promise<AffiliateRow | null> {
    const accountId = await authenticate(header);
    if (accountId === null) return null;
    const { rows: found } = await pool.query<AffiliateRow>(
      `select id, status, account_id, total_clicks::text, total_conversions, total_commission::text
         from affiliate where tenant_id = $1 and account_id = $2`,
      [tenantId, accountId],
    );
    return found[0]?.status === 'approved' ? found[0] : null;
  }

  async function affiliateOf(header: string | undefined): Promise<number | null> {
    return (await affiliateRowOf(header))?.id ?? null;
  }

  const unauthorized = { success: false, error: { code: 'AUTH_TOKEN_INVALID', message: 'Unauthenticated.' } };

  app.get(`/t/${slug}/api/affiliate/dashboard/summary`, async (c) => {
    const a = await affiliateRowOf(c.req.header('authorization'));
    if (a === null) return c.json(unauthorized, 401);
    const { rows: balances } = await pool.query<{ code: string; total: string | null }>(
      `select a.code, coalesce(a.running_balance::text,
                (select sum(p.amount)::text from ledger_posting p where p.ledger_account_id = a.id)) as total
       from ledger_account a where a.tenant_id = $1 and a.code in ($2, $3)`,
      [tenantId, `affiliate:${a.account_id}:available`, `affiliate:${a.account_id}:on-hold`],
    );
    const owed = (code: string) => 0 - Number(balances.find((b) => b.code === code)?.total ?? 0);
    const available = owed(`affiliate:${a.account_id}:available`);
    const onHold = owed(`affiliate:${a.account_id}:on-hold`);
    const clicks = Number(a.total_clicks);
    return c.json({
      success: true,
      data: {
        total_clicks: clicks,
        total_conversions: a.total_conversions,
        conversion_rate: clicks > 0 ? Math.round((a.total_conversions * 10_000) / clicks) / 100 : 0,
        total_commission: Number(a.total_commission),
        available_balance: available,
        pending_commission: onHold,
      },
    });
  });

  app.get(`/t/${slug}/api/affiliate/statistics`, async (c) => {
    const affiliateId = await affiliateOf(c.req.header('authorization'));
    if (affiliateId === null) return c.json(unauthorized, 401);
    const today = localDay.format(new Date());
    const shift = (day: string, n: number) =>
      new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
    const q = c.req.query();
    const [start, end] =
      q.period === 'today'
        ? [today, today]
        : q.period === '7days'
          ? [shift(today, -6), today]
          : q.period === '30days'
            ? [shift(today, -29), today]
            : q.period === 'this_month'
              ? [`${today.slice(0, 8)}01`, today]
              : [q.start_date!, q.end_date!];
    const tz = tenant.time_zone;
    const { rows: found } = await pool.query<{ day: string; clicks: number; n: string; commission: string }>(
      `select to_char(g.d, 'YYYY-MM-DD') as day, coalesce(c.clicks, 0) as clicks, s.n::text, s.commission::text
         from generate_series($1::date, $2::date, interval '1 day') as g (d)
         left join affiliate_click_daily c on c.tenant_id = $3 and c.affiliate_id = $4 and c.day = g.d::date
        cross join lateral (
              select count(*) as n, coalesce(sum(r.commission), 0) as commission
                from affiliate_referral r
               where r.tenant_id = $3 and r.affiliate_id = $4 and r.status <> 'reversed' and r.confirmed_at is not null
                 and r.confirmed_at >= g.d::timestamp at time zone $5
                 and r.confirmed_at < (g.d + interval '1 day')::timestamp at time zone $5) s
        order by g.d`,
      [start, end, tenantId, affiliateId, tz],
    );
    const days = found.map((r) => ({
      date: r.day,
      clicks: r.clicks,
      conversions: Number(r.n),
      commission: Number(r.commission),
    }));
    const chart = days;
    return c.json({
      success: true,
      data: {
        total_clicks: chart.reduce((s, d) => s + d.clicks, 0),
        total_conversions: chart.reduce((s, d) => s + d.conversions, 0),
        total_commission: chart.reduce((s, d) => s + d.commission, 0),
        chart_data: chart,
      },
    });
  });
}
