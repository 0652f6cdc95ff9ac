// GET /t/{slug}/api/affiliate/dashboard/summary and /affiliate/statistics by hand on Hono + `pg`:
// the same SQL, in the same order, and the same bodies as our affiliate dashboard: the token check,
// then one statement each.
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

  const unauthorized = { success: false, error: { code: 'AUTH_TOKEN_INVALID', message: 'Unauthenticated.' } };
  const notApproved = {
    success: false,
    error: { code: 'FORBIDDEN', message: 'This account is not an approved affiliate.' },
  };
  const balanceOf = (n: number) =>
    `(select coalesce(l.running_balance::text,
                (select sum(p.amount)::text from ledger_posting p where p.ledger_account_id = l.id))
              from ledger_account l where l.tenant_id = a.tenant_id and l.code = $${n})`;

  // the affiliate's status, running totals and both running balances: one statement, as ours
  app.get(`/t/${slug}/api/affiliate/dashboard/summary`, async (c) => {
    const accountId = await authenticate(c.req.header('authorization'));
    if (accountId === null) return c.json(unauthorized, 401);
    const { rows } = await pool.query<{
      status: string;
      total_clicks: string;
      total_conversions: number;
      total_commission: string;
      available: string | null;
      on_hold: string | null;
    }>(
      `select a.status, a.total_clicks::text, a.total_conversions, a.total_commission::text,
              ${balanceOf(1)} as available, ${balanceOf(2)} as on_hold
         from affiliate a where a.tenant_id = $3 and a.account_id = $4`,
      [`affiliate:${accountId}:available`, `affiliate:${accountId}:on-hold`, tenantId, accountId],
    );
    const a = rows[0];
    if (a?.status !== 'approved') return c.json(notApproved, 403);
    const clicks = Number(a.total_clicks);
    return c.json({
      success: true,
      data: {
        total_clicks: clicks,
        total_conversions: a.total_conversions,
        conversion_rate: clicks > 0 ? Math.round((a.total_conversions * 10_000) / clicks) / 100 : 0,
        total_commission: Number(a.total_commission),
        available_balance: 0 - Number(a.available ?? 0),
        pending_commission: 0 - Number(a.on_hold ?? 0),
      },
    });
  });

  // the affiliate's status and each day of the period: one statement, as ours
  app.get(`/t/${slug}/api/affiliate/statistics`, async (c) => {
    const accountId = await authenticate(c.req.header('authorization'));
    if (accountId === null) return c.json(unauthorized, 401);
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
    const { rows: found } = await pool.query<{
      status: string;
      day: string | null;
      clicks: number | null;
      n: string | null;
      commission: string | null;
    }>(
      `select a.status, d.day, d.clicks, d.n, d.commission
            from affiliate a
            left join lateral (
                  select g.d, to_char(g.d, 'YYYY-MM-DD') as day, coalesce(c.clicks, 0) as clicks,
                         s.n::text, s.commission::text
                    from generate_series($1::date, $2::date, interval '1 day') as g (d)
                    left join affiliate_click_daily c on c.tenant_id = $3 and c.affiliate_id = a.id and c.day = g.d::date
                   cross join lateral (
                         select count(*) as n, coalesce(sum(r.commission), 0) as commission
                           from affiliate_referral r
                          where r.tenant_id = $4 and r.affiliate_id = a.id and r.status <> 'reversed'
                            and r.confirmed_at is not null
                            and r.confirmed_at >= g.d::timestamp at time zone $5
                            and r.confirmed_at < (g.d + interval '1 day')::timestamp at time zone $6) s
                   where a.status = 'approved') d on true
           where a.tenant_id = $7 and a.account_id = $8
           order by d.d`,
      [start, end, tenantId, tenantId, tz, tz, tenantId, accountId],
    );
    if (found[0]?.status !== 'approved') return c.json(notApproved, 403);
    const days = found.map((r) => ({
      date: r.day!,
      clicks: r.clicks ?? 0,
      conversions: Number(r.n),
      commission: Number(r.commission),
    }));
    return c.json({
      success: true,
      data: {
        total_clicks: days.reduce((s, d) => s + d.clicks, 0),
        total_conversions: days.reduce((s, d) => s + d.conversions, 0),
        total_commission: days.reduce((s, d) => s + d.commission, 0),
        chart_data: days,
      },
    });
  });
}
