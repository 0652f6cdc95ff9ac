import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { QUTAB_TIME_ZONE } from './generate-qutab-tenant.ts';
import { signAccessToken } from './generate-shop.ts';
import { bulk, timed } from './pg.ts';
import { settings } from './settings.ts';

/** One affiliate of the statistics' size tiers (affiliate-stats-100k, -1m, -10m). */
export interface StatsTier {
  /** `100k`, `1m`, `10m` */
  label: string;
  clicks: number;
  referrals: number;
  code: string;
  token: string;
}

export const tierLabel = (n: number) =>
  n >= 1_000_000 && n % 1_000_000 === 0
    ? `${n / 1_000_000}m`
    : n >= 1_000 && n % 1_000 === 0
      ? `${n / 1_000}k`
      : String(n);

/** A valid 7-character referral code per size: `BnchT` and ten times its order of magnitude (100k: BnchT50). */
const tierCode = (clicks: number) =>
  `BnchT${String(Math.round(Math.log10(Math.max(1, clicks)) * 10) % 100).padStart(2, '0')}`;

/**
 * An approved affiliate with `clicks` clicks over the last 365 days as the click writer leaves
 * them for the dashboard (the daily rollups, an even share a day, and the running total on its
 * row; no raw `referral_click` rows: neither the summary nor the statistics read them), and
 * `referrals` referred orders over the same year (confirmed in the last 30 days, available or paid
 * before, every 50th reversed) with its two running ledger balances. SQL `generate_series` only.
 */
async function generateTier(
  c: pg.Client,
  tenantId: number,
  hash: string,
  code: string,
  clicks: number,
  referrals: number,
) {
  const { rows } = await c.query<{ id: number }>(
    `insert into account (tenant_id, email, name, phone, password_hash, roles, created_at)
     values ($1, lower($2) || '@bench.komisi.test', 'Tier ' || $2, '+628149900' || right($2, 2),
             $3, '{affiliate}', now() - interval '400 days')
     returning id`,
    [tenantId, code, hash],
  );
  const accountId = rows[0]!.id;
  const { rows: aff } = await c.query<{ id: number }>(
    `insert into affiliate (tenant_id, account_id, status, code, first_name, last_name, whatsapp, city,
         primary_platform, reason, approved_at, created_at, total_clicks)
     values ($1, $2, 'approved', $3, 'Tier', $3, '+6281300000000', 'Jakarta', 'instagram', 'bench',
             now() - interval '400 days', now() - interval '400 days', $4)
     returning id`,
    [tenantId, accountId, code, clicks],
  );
  const affiliateId = aff[0]!.id;
  // day k of the 365 gets floor(clicks / 365), the first (clicks mod 365) days one more: exactly `clicks`
  await c.query(
    `insert into affiliate_click_daily (tenant_id, affiliate_id, day, clicks)
     select $1, $2, (now() at time zone $4)::date - k, $3::bigint / 365 + case when k < $3::bigint % 365 then 1 else 0 end
       from generate_series(0, 364) k`,
    [tenantId, affiliateId, clicks, QUTAB_TIME_ZONE],
  );
  await c.query(
    `with buyers as (select array_agg(id order by id) ids from account
                      where tenant_id = $1 and email like 'qutab-buyer%@bench.komisi.test'),
          r as (select k, nextval('customer_order_id_seq')::int as order_id,
                       buyers.ids[1 + k % array_length(buyers.ids, 1)] as customer_id,
                       now() - interval '365 days' * (k::float / $3::int) as ordered_at,
                       (array[2600000, 2750000, 3100000, 3250000, 3350000])[1 + k % 5]::bigint as order_value
                  from buyers, generate_series(1, $3::int) k),
          o as (insert into customer_order (id, tenant_id, account_id, order_number, status, total_amount, currency,
                                            payment_method, customer_name, created_at, paid_at)
                select order_id, $1, customer_id, $4 || '-' || lpad(k::text, 8, '0'),
                       case when k % 50 = 0 then 'refunded' else 'paid' end, order_value, 'IDR', 'virtual_account',
                       'Qutab Buyer', ordered_at, ordered_at + interval '1 hour'
                  from r returning id)
     insert into affiliate_referral (tenant_id, affiliate_id, order_id, customer_account_id, source, status,
            order_value, commission_rate_bps, commission, ordered_at, confirmed_at, available_at, reversed_at, created_at)
     select $1, $2, order_id, customer_id, 'link',
            case when k % 50 = 0 then 'reversed' when ordered_at > now() - interval '30 days' then 'confirmed'
                 when ordered_at > now() - interval '90 days' then 'available' else 'paid' end,
            order_value, 1000, order_value / 10, ordered_at, ordered_at + interval '1 hour',
            ordered_at + interval '1 hour' + interval '30 days',
            case when k % 50 = 0 then ordered_at + interval '3 days' end, ordered_at
       from r`,
    [tenantId, affiliateId, referrals, code],
  );
  await c.query(
    `update affiliate a set total_conversions = s.n, total_commission = s.commission
       from (select count(*) n, coalesce(sum(commission), 0) commission from affiliate_referral
              where tenant_id = $1 and affiliate_id = $2 and status <> 'reversed') s
      where a.id = $2`,
    [tenantId, affiliateId],
  );
  // what the commission service and the payouts leave: on hold (confirmed), available (not paid out yet)
  await c.query(
    `insert into ledger_account (tenant_id, code, kind, currency, owner_account_id, created_at, running_balance)
     select $1, 'affiliate:' || $3::int || ':' || k, 'liability', 'IDR', $3, now(),
            0 - coalesce((select sum(commission) from affiliate_referral
                           where tenant_id = $1 and affiliate_id = $2
                             and status = case k when 'on-hold' then 'confirmed' else 'available' end), 0)
       from unnest(array['on-hold', 'available']) k`,
    [tenantId, affiliateId, accountId],
  );
}

/**
 * The statistics' size tiers (BENCH_STATS_TIERS, default 100k, 1M and 10M clicks; each with
 * BENCH_STATS_TIER_REFERRALS referred orders): made once, kept with BENCH_REUSE_DB=1.
 */
export async function prepareStatsTiers(c: pg.Client, tenantId: number): Promise<StatsTier[]> {
  const tiers: StatsTier[] = [];
  for (const clicks of settings.statsTiers) {
    const code = tierCode(clicks);
    let found = await c.query<{ id: number; account_id: number }>(
      'select id, account_id from affiliate where tenant_id = $1 and code = $2',
      [tenantId, code],
    );
    if (found.rowCount === 0) {
      const hash = (await c.query<{ password_hash: string }>('select password_hash from account limit 1'))
        .rows[0]!.password_hash;
      await timed(
        `statistics tier ${tierLabel(clicks)}: ${clicks.toLocaleString('en')} clicks (daily rollups), ${settings.statsTierReferrals.toLocaleString('en')} referred orders`,
        () => bulk(c, () => generateTier(c, tenantId, hash, code, clicks, settings.statsTierReferrals)),
      );
      await c.query('analyze affiliate_click_daily, affiliate_referral, affiliate, ledger_account');
      found = await c.query('select id, account_id from affiliate where tenant_id = $1 and code = $2', [
        tenantId,
        code,
      ]);
    }
    const { id, account_id: accountId } = found.rows[0]!;
    const { rows } = await c.query<{ n: number }>(
      'select count(*)::int n from affiliate_referral where tenant_id = $1 and affiliate_id = $2',
      [tenantId, id],
    );
    const sessionId = randomUUID();
    await c.query(
      `insert into session (id, tenant_id, account_id, family_id, token_hash, expires_at, created_at)
       values ($1::uuid, $2, $3::int, $1::uuid, md5($1::text) || md5($3::int::text), now() + interval '1 day', now())`,
      [sessionId, tenantId, accountId],
    );
    tiers.push({
      label: tierLabel(clicks),
      clicks,
      referrals: rows[0]!.n,
      code,
      token: signAccessToken(
        settings.jwtSecret,
        { accountId, tenantId, sessionId, roles: ['affiliate'] },
        86_400,
      ),
    });
  }
  return tiers;
}
