// GET /t/{slug}/api/admin/financial/dashboard by hand on Hono + `pg`: the same statement over the
// same rollups and the same body as our koperasi-sinoman dashboard.
import type { Hono } from 'hono';
import type pg from 'pg';
import { createBareAuth } from './bare-auth.ts';

const DAY_MS = 86_400_000;
const CODES = ['SP', 'SW', 'SS'] as const;

const shift = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

/** The period's first local day (it always ends today). */
function periodStart(period: string, today: string): string | null {
  const month = Number(today.slice(5, 7));
  if (period === 'today') return today;
  if (period === 'week') return shift(today, -6);
  if (period === 'month') return `${today.slice(0, 8)}01`;
  if (period === 'quarter')
    return `${today.slice(0, 5)}${String(month - ((month - 1) % 3)).padStart(2, '0')}-01`;
  if (period === 'year') return `${today.slice(0, 4)}-01-01`;
  return null;
}

/** `YYYY-MM` of every month from `start` to `end`, newest first. */
function months(start: string, end: string): string[] {
  const out: string[] = [];
  let [y, m] = [Number(end.slice(0, 4)), Number(end.slice(5, 7))];
  while (`${y}-${String(m).padStart(2, '0')}` >= start.slice(0, 7)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m -= 1;
    if (m === 0) [y, m] = [y - 1, 12];
  }
  return out;
}

const agg = (sql: string) => `(select coalesce(json_agg(x), '[]') from (${sql}) x)`;

/** The same five reads in one statement: $1 tenant, $2 first day, $3 last whole month, $4 today, $5 first day read by day, $6 last day. */
const DASHBOARD = `select
  ${agg(`select p.code, coalesce(sum(b.balance), 0)::text as balance
      from savings_product p
      left join savings_product_balance b on b.tenant_id = p.tenant_id and b.product_id = p.id
     where p.tenant_id = $1 group by p.code`)} as balances,
  ${agg(`select 'month' as source, to_char(m.month, 'YYYY-MM') as month, false as today, m.category,
           sum(m.amount)::text as amount
      from savings_flow_monthly m
     where m.tenant_id = $1 and m.month between $2::date and $3::date and m.status = 'completed'
       and m.category in ('deposit', 'withdrawal')
     group by 2, 3, 4
    union all
    select 'day' as source, to_char(f.day, 'YYYY-MM') as month, f.day = $4::date as today, f.category,
           sum(f.amount)::text as amount
      from savings_flow_daily f
     where f.tenant_id = $1 and f.day between $5::date and $6::date and f.status = 'completed'
       and f.category in ('deposit', 'withdrawal')
     group by 2, 3, 4`)} as flows,
  ${agg(`select to_char(d.day, 'YYYY-MM') as month, sum(d.members)::text as joined
      from member_join_daily d where d.tenant_id = $1 and d.day between $2::date and $6::date group by 1`)} as joined,
  (select coalesce(sum(members), 0)::int from member_status_total where tenant_id = $1 and status = 'active') as active,
  (select count(*)::int from savings_transaction where tenant_id = $1 and status in ('pending', 'processing')) as pending,
  ${agg(`select m.member_number, a.name, b.balance::text as balance
      from member_savings_balance b
      join cooperative_member m on m.tenant_id = b.tenant_id and m.account_id = b.owner_account_id
      join account a on a.id = b.owner_account_id
     where b.tenant_id = $1 and b.balance > 0
     order by b.balance desc, b.owner_account_id
     limit 10`)} as savers`;

/** Whether the (already verified) access token carries the admin role. */
export const isAdmin = (header: string | undefined) => {
  const body = header?.split('.')[1];
  const claims = body ? (JSON.parse(Buffer.from(body, 'base64url').toString()) as { roles?: string[] }) : {};
  return claims.roles?.includes('admin') === true;
};

export async function mountFinancialDashboard(app: Hono, pool: pg.Pool, slug: string, secret: string) {
  const { rows } = await pool.query<{ id: number; time_zone: string }>(
    'select id, time_zone from tenant where slug = $1',
    [slug],
  );
  if (!rows[0]) return;
  const tenantId = rows[0].id;
  const authenticate = createBareAuth(pool, secret, tenantId);
  const localDay = new Intl.DateTimeFormat('en-CA', {
    timeZone: rows[0].time_zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  const fail = (code: string, message: string) => ({ success: false, error: { code, message } });

  app.get(`/t/${slug}/api/admin/financial/dashboard`, async (c) => {
    const header = c.req.header('authorization');
    if ((await authenticate(header)) === null)
      return c.json(fail('AUTH_TOKEN_INVALID', 'Unauthenticated.'), 401);
    if (!isAdmin(header)) return c.json(fail('AUTH_INSUFFICIENT_PERMISSIONS', 'Admins only.'), 403);
    const today = localDay.format(new Date());
    const start = periodStart(c.req.query('period') ?? 'month', today);
    if (!start) return c.json(fail('VALIDATION_FAILED', 'Unknown period.'), 422);
    // from a month's first day the months are whole (so far): read the monthly rollup
    const wholeMonths = start.endsWith('-01');
    const { rows: found } = await pool.query<{
      balances: { code: string; balance: string }[];
      flows: { source: string; month: string; today: boolean; category: string; amount: string }[];
      joined: { month: string; joined: string }[];
      active: number;
      pending: number;
      savers: { member_number: string; name: string; balance: string }[];
    }>(DASHBOARD, [tenantId, start, wholeMonths ? today : null, today, wholeMonths ? today : start, today]);
    const { balances, flows, joined, active, pending, savers } = found[0]!;
    const held = Object.fromEntries(CODES.map((code) => [code, 0])) as Record<string, number>;
    for (const b of balances) held[b.code] = Number(b.balance);
    const total = held.SP! + held.SW! + held.SS!;
    const trends = new Map(
      months(start, today).map((month) => [
        month,
        { month, deposits: 0, withdrawals: 0, net_savings: 0, new_members: 0 },
      ]),
    );
    let depositsToday = 0;
    let withdrawalsToday = 0;
    for (const f of flows) {
      const amount = Number(f.amount);
      if (f.source === 'month' || !wholeMonths) {
        const trend = trends.get(f.month)!;
        if (f.category === 'deposit') trend.deposits += amount;
        else trend.withdrawals += amount;
      }
      if (f.today && f.category === 'deposit') depositsToday += amount;
      if (f.today && f.category === 'withdrawal') withdrawalsToday += amount;
    }
    for (const j of joined) trends.get(j.month)!.new_members = Number(j.joined);
    for (const t of trends.values()) t.net_savings = t.deposits - t.withdrawals;
    return c.json({
      success: true,
      data: {
        overview: {
          total_savings: total,
          total_deposits_today: depositsToday,
          total_withdrawals_today: withdrawalsToday,
          net_flow_today: depositsToday - withdrawalsToday,
          active_members: active,
          pending_transactions: pending,
        },
        savings_breakdown: {
          simpanan_pokok: held.SP,
          simpanan_wajib: held.SW,
          simpanan_sukarela: held.SS,
          total,
        },
        monthly_trends: [...trends.values()],
        top_savers: savers.map((s) => ({
          member_number: s.member_number,
          full_name: s.name,
          total_savings: Number(s.balance),
        })),
      },
    });
  });
}
