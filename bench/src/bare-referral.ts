// The referral-link endpoints by hand on Hono + `pg`: the redirect (same bot rule, code cache,
// signed cookie and a buffered batch insert of the same statements) and the affiliate statistics
// and summary (same SQL, same bodies). The yardstick for referral-redirect and affiliate-stats.
import { createHmac, randomBytes } from 'node:crypto';
import { countsAsClick } from '@komisi/api';
import { Hono } from 'hono';
import type pg from 'pg';
import { createBareAuth } from './bare-auth.ts';

interface Click {
  id: string;
  affiliateId: number;
  clickedAt: Date;
  day: string;
  ipHash: string | null;
  userAgent: string | null;
  referer: string | null;
  utm: Record<string, string> | null;
}

const DAY_MS = 86_400_000;

function uuidV7(now: number): string {
  const b = randomBytes(16);
  let ms = now;
  for (let i = 5; i >= 0; i--) {
    b[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  b[6] = (b[6]! & 0x0f) | 0x70;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function utmOf(query: URLSearchParams): Record<string, string> | null {
  const utm: Record<string, string> = {};
  let n = 0;
  for (const [key, value] of query) {
    const k = key.toLowerCase();
    if (!k.startsWith('utm_') || k.length > 50 || k in utm || !value) continue;
    utm[k] = value.slice(0, 200);
    if (++n === 10) break;
  }
  return n ? utm : null;
}

/** Clicks in memory, written every 250 ms or per 500: one transaction of three statements. */
function clickBuffer(pool: pg.Pool, tenantId: number) {
  const queue: Click[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | undefined;

  async function write(batch: Click[]) {
    const client = await pool.connect();
    try {
      await client.query('begin');
      const params: unknown[] = [];
      const rows = batch.map((c) => {
        const at = params.length;
        params.push(c.id, tenantId, c.affiliateId, c.clickedAt, c.ipHash, c.userAgent, c.referer, c.utm);
        return `($${at + 1}, $${at + 2}, $${at + 3}, $${at + 4}, $${at + 5}, $${at + 6}, $${at + 7}, $${at + 8})`;
      });
      const { rows: inserted } = await client.query<{ id: string }>(
        `insert into referral_click (id, tenant_id, affiliate_id, clicked_at, ip_hash, user_agent, referer, utm)
         values ${rows.join(', ')} on conflict (id) do nothing returning id`,
        params,
      );
      const fresh = new Set(inserted.map((r) => r.id));
      const stored = batch.filter((c) => fresh.has(c.id));
      const perAffiliate = new Map<number, number>();
      const perDay = new Map<string, number>();
      for (const c of stored) {
        perAffiliate.set(c.affiliateId, (perAffiliate.get(c.affiliateId) ?? 0) + 1);
        const k = `${c.affiliateId}|${c.day}`;
        perDay.set(k, (perDay.get(k) ?? 0) + 1);
      }
      const affiliates = [...perAffiliate].sort((a, b) => a[0] - b[0]);
      await client.query(
        `update affiliate a set total_clicks = a.total_clicks + v.n
           from (values ${affiliates.map((_, i) => `($${i * 3 + 1}::int, $${i * 3 + 2}::int, $${i * 3 + 3}::int)`).join(', ')}) as v (tenant_id, id, n)
          where a.tenant_id = v.tenant_id and a.id = v.id`,
        affiliates.flatMap(([id, n]) => [tenantId, id, n]),
      );
      const days = [...perDay].sort((a, b) => (a[0] < b[0] ? -1 : 1));
      await client.query(
        `insert into affiliate_click_daily as d (tenant_id, affiliate_id, day, clicks)
         values ${days.map((_, i) => `($${i * 4 + 1}, $${i * 4 + 2}, $${i * 4 + 3}, $${i * 4 + 4})`).join(', ')}
         on conflict (tenant_id, affiliate_id, day) do update set clicks = d.clicks + excluded.clicks`,
        days.flatMap(([k, n]) => {
          const [id, day] = k.split('|');
          return [tenantId, Number(id), day, n];
        }),
      );
      await client.query('commit');
    } catch (e) {
      await client.query('rollback');
      throw e;
    } finally {
      client.release();
    }
  }

  function drain(): Promise<void> {
    running ??= (async () => {
      while (queue.length > 0) {
        const batch = queue.splice(0, 500);
        try {
          await write(batch);
        } catch (e) {
          console.error(e);
          queue.unshift(...batch);
          return;
        }
        if (queue.length < 500) return;
      }
    })().finally(() => {
      running = undefined;
      if (queue.length > 0) schedule(queue.length >= 500 ? 0 : 250);
    });
    return running;
  }

  function schedule(ms: number) {
    if (timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      void drain();
    }, ms);
  }

  return {
    push(click: Click) {
      queue.push(click);
      if (!running) schedule(queue.length >= 500 ? 0 : 250);
    },
    async close() {
      if (timer) clearTimeout(timer);
      timer = undefined;
      await running;
      while (queue.length > 0) await write(queue.splice(0, 500));
    },
  };
}

export async function createBareReferral(pool: pg.Pool, slug: string, secret: string) {
  const { rows } = await pool.query<{
    id: number;
    time_zone: string;
    target: string | null;
    days: number | null;
  }>(
    `select id, time_zone, settings->'referralProgram'->>'targetUrl' as target,
            (settings->'referralProgram'->>'attributionDays')::int as days
       from tenant where slug = $1`,
    [slug],
  );
  const tenant = rows[0]!;
  const tenantId = tenant.id;
  const cookieKey = createHmac('sha256', secret).update('komisi:referral-cookie:v1').digest();
  const ipKey = createHmac('sha256', secret).update('komisi:referral-ip:v1').digest();
  const localDay = new Intl.DateTimeFormat('en-CA', {
    timeZone: tenant.time_zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  const attributionDays = tenant.days ?? 30;
  const codes = new Map<string, { id: number | null; at: number }>();
  const clicks = clickBuffer(pool, tenantId);
  const authenticate = createBareAuth(pool, secret, tenantId);

  const app = new Hono();
  app.get(`/t/${slug}/r/:code`, async (c) => {
    const url = new URL(c.req.url);
    const utm = utmOf(url.searchParams);
    let location = tenant.target ?? `${url.origin}/t/${slug}/`;
    if (utm) {
      const target = new URL(location);
      for (const [k, v] of Object.entries(utm)) target.searchParams.set(k, v);
      location = target.toString();
    }
    const ua = c.req.header('user-agent');
    const headers: Record<string, string> = { location, 'cache-control': 'no-store' };
    if (!countsAsClick(c.req.method, ua)) return c.body(null, 302, headers);
    const code = c.req.param('code');
    if (!/^[A-Za-z0-9]{7}$/.test(code)) return c.body(null, 302, headers);
    const now = Date.now();
    let hit = codes.get(code);
    if (!hit || now - hit.at >= 60_000) {
      const found = await pool.query<{ id: number }>(
        `select id from affiliate where tenant_id = $1 and code = $2 and status = 'approved'`,
        [tenantId, code],
      );
      hit = { id: found.rows[0]?.id ?? null, at: now };
      codes.set(code, hit);
    }
    if (hit.id === null) return c.body(null, 302, headers);
    const clickedAt = new Date(now);
    const id = uuidV7(now);
    const ip = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    clicks.push({
      id,
      affiliateId: hit.id,
      clickedAt,
      day: localDay.format(clickedAt),
      ipHash: ip ? createHmac('sha256', ipKey).update(`${tenantId}:${ip}`).digest('hex').slice(0, 32) : null,
      userAgent: ua?.trim().slice(0, 300) || null,
      referer: c.req.header('referer')?.trim().slice(0, 500) || null,
      utm,
    });
    const payload = `${tenantId}.${hit.id}.${id}.${now}`;
    const sig = createHmac('sha256', cookieKey).update(payload).digest('base64url');
    headers['set-cookie'] =
      `komisi_ref=${payload}.${sig}; Max-Age=${attributionDays * 86_400}; Path=/t/${slug}; HttpOnly; SameSite=Lax`;
    return c.body(null, 302, headers);
  });

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

  return { app, close: () => clicks.close() };
}
