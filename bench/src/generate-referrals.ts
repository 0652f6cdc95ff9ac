import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { signAccessToken } from './generate-shop.ts';
import { bulk, timed } from './pg.ts';
import { settings } from './settings.ts';

/** The referral-link scenarios' data (qutab-platform). */
export interface ReferralFixture {
  tenantId: number;
  slug: string;
  /** the affiliate with a million clicks and 100,000 referred orders */
  affiliateId: number;
  accountId: number;
  code: string;
  /** its access token (role affiliate), for the statistics and summary */
  token: string;
  /** approved affiliates with few clicks: the redirect scenario spreads over them too */
  otherCodes: string[];
  clicks: number;
  referrals: number;
}

export const BIG_AFFILIATE_CODE = 'BnchAff';
const OTHER_AFFILIATES = 200;
const otherCode = (k: number) => `Bn${String(k).padStart(5, '0')}`;
const TIME_ZONE = 'Asia/Jakarta';
export const QUTAB_TARGET_URL = 'https://qutab.id/';

/** The qutab tenant (the demo seed makes it; created here when the seed does not), with a target URL. */
async function qutabTenant(c: pg.Client): Promise<number> {
  const slug = settings.qutabTenantSlug;
  let { rows } = await c.query<{ id: number }>('select id from tenant where slug = $1', [slug]);
  if (!rows[0]) {
    ({ rows } = await c.query<{ id: number }>(
      `insert into tenant (slug, name, profile, currency, time_zone, hosts, settings, created_at)
       values ($1, 'Qutab', 'qutab-platform', 'IDR', $2, '[]', '{}', now()) returning id`,
      [slug, TIME_ZONE],
    ));
  }
  const tenantId = rows[0]!.id;
  await c.query(
    `update tenant set settings = jsonb_set(settings, '{referralProgram}',
       coalesce(settings->'referralProgram', '{}'::jsonb) || jsonb_build_object('targetUrl', $2::text))
     where id = $1`,
    [tenantId, QUTAB_TARGET_URL],
  );
  return tenantId;
}

/**
 * One approved affiliate (`BnchAff`) with `clicks` clicks over the last 365 days (rollups filled
 * from them, total on the row) and `orders` referred orders over the same year: the last 30 days
 * confirmed (on hold), older ones available or paid out monthly, every 50th reversed, a few recent
 * ones pending; with the ledger entries the commission service and the payout flow post for them
 * (commission, release, reversal, payout request and payment: one entry each). Plus 200 approved
 * affiliates with no clicks yet.
 */
async function generate(c: pg.Client, tenantId: number, hash: string, clicks: number, orders: number) {
  await bulk(c, async () => {
    const { rows: accounts } = await c.query<{ id: number; email: string }>(
      `insert into account (tenant_id, email, name, phone, password_hash, roles, created_at)
       select $1, 'affiliate' || k || '@bench.komisi.test', 'Bench Affiliate ' || k,
              '+62813' || lpad(k::text, 7, '0'), $2, '{affiliate}', now() - interval '400 days'
       from generate_series(0, $3::int) k
       returning id, email`,
      [tenantId, hash, OTHER_AFFILIATES],
    );
    const byK = new Map(accounts.map((a) => [Number(/^affiliate(\d+)@/.exec(a.email)![1]), a.id]));
    await c.query(
      `insert into affiliate (tenant_id, account_id, status, code, first_name, last_name, whatsapp, city,
         primary_platform, reason, approved_at, created_at)
       select $1, a, 'approved', c, 'Bench', 'Affiliate', '+6281300000000', 'Jakarta', 'instagram',
              'bench', now() - interval '400 days', now() - interval '400 days'
       from unnest($2::int[], $3::text[]) as t(a, c)`,
      [
        tenantId,
        [...byK.keys()].map((k) => byK.get(k)!),
        [...byK.keys()].map((k) => (k === 0 ? BIG_AFFILIATE_CODE : otherCode(k))),
      ],
    );
    const { rows: big } = await c.query<{ id: number; account_id: number }>(
      'select id, account_id from affiliate where tenant_id = $1 and code = $2',
      [tenantId, BIG_AFFILIATE_CODE],
    );
    const { id: affiliateId, account_id: accountId } = big[0]!;

    await timed(
      `${clicks.toLocaleString('en')} clicks (UUID v7 ids in time order) and their daily rollups`,
      async () => {
        await c.query(
          `insert into referral_click (id, tenant_id, affiliate_id, clicked_at, ip_hash, user_agent, referer, utm)
         select (lpad(to_hex((extract(epoch from t) * 1000)::bigint), 12, '0') || '7' || substr(h, 1, 3) || '8'
                 || substr(h, 4, 15))::uuid,
                $1, $2, t, substr(md5('ip' || (g % 50000)), 1, 32),
                case g % 3 when 0 then 'Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36'
                           when 1 then 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1'
                           else 'Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Mobile Safari/537.36 Instagram 358.0.0.25.92' end,
                case g % 4 when 0 then 'https://www.instagram.com/' when 1 then 'https://www.tiktok.com/' when 2 then 'https://l.facebook.com/' end,
                case when g % 5 = 0 then '{"utm_source":"instagram","utm_campaign":"qurban"}'::jsonb end
         from (select g, now() - interval '365 days' * (1 - g::float / $3::int) as t, md5(g::text) as h
                 from generate_series(1, $3::int) g) s
         order by t`,
          [tenantId, affiliateId, clicks],
        );
        await c.query(
          `insert into affiliate_click_daily (tenant_id, affiliate_id, day, clicks)
         select tenant_id, affiliate_id, (clicked_at at time zone $3)::date, count(*)
         from referral_click where tenant_id = $1 and affiliate_id = $2 group by 1, 2, 3`,
          [tenantId, affiliateId, TIME_ZONE],
        );
      },
    );

    await timed(`${orders.toLocaleString('en')} referred orders (customers, orders, referrals)`, async () => {
      await c.query(
        `insert into account (tenant_id, email, name, phone, password_hash, roles, created_at)
         select $1, 'qutab-buyer' || k || '@bench.komisi.test', 'Qutab Buyer ' || k,
                '+62815' || lpad(k::text, 7, '0'), $2, '{member}', now() - interval '400 days'
         from generate_series(1, 5000) k`,
        [tenantId, hash],
      );
      await c.query('drop table if exists bench_ref');
      await c.query(
        `create temp table bench_ref as
         with buyers as (select array_agg(id order by id) ids from account
                          where tenant_id = $1 and email like 'qutab-buyer%@bench.komisi.test')
         select k, nextval('customer_order_id_seq')::int as order_id,
                buyers.ids[1 + k % array_length(buyers.ids, 1)] as customer_id,
                now() - interval '365 days' * (k::float / $2::int) as ordered_at,
                (array[2600000, 2750000, 3100000, 3250000, 3350000, 21500000, 26000000])[1 + k % 7]::bigint as order_value
         from buyers, generate_series(1, $2::int) k`,
        [tenantId, orders],
      );
      await c.query(`alter table bench_ref add column status text, add column referral_id int`);
      await c.query(
        `update bench_ref set referral_id = nextval('affiliate_referral_id_seq'),
           status = case when ordered_at > now() - interval '2 days' and k % 4 = 0 then 'pending'
                         when k % 50 = 0 then 'reversed'
                         when ordered_at > now() - interval '30 days' then 'confirmed'
                         when ordered_at > now() - interval '90 days' then 'available'
                         else 'paid' end`,
      );
      await c.query(
        `insert into customer_order (id, tenant_id, account_id, order_number, status, total_amount, currency,
                                     payment_method, customer_name, created_at, paid_at)
         select r.order_id, $1, r.customer_id, 'QTB-BENCH-' || lpad(r.k::text, 7, '0'),
                case r.status when 'pending' then 'pending_payment' when 'reversed' then 'refunded' else 'paid' end,
                r.order_value, 'IDR', 'virtual_account', a.name, r.ordered_at,
                case when r.status <> 'pending' then r.ordered_at + interval '1 hour' end
         from bench_ref r join account a on a.id = r.customer_id`,
        [tenantId],
      );
      await c.query(
        `insert into affiliate_referral (id, tenant_id, affiliate_id, order_id, customer_account_id, source, click_id,
           status, order_value, commission_rate_bps, commission, ordered_at, confirmed_at, available_at, reversed_at,
           paid_at, created_at)
         select referral_id, $1, $2, order_id, customer_id, case when k % 3 = 0 then 'coupon' else 'link' end, null,
                status, order_value, 1000, order_value / 10, ordered_at,
                case when status <> 'pending' then ordered_at + interval '1 hour' end,
                case when status <> 'pending' then ordered_at + interval '1 hour' + interval '30 days' end,
                case when status = 'reversed' then ordered_at + interval '3 days' end,
                case when status = 'paid' then date_trunc('month', ordered_at + interval '31 days') + interval '40 days' end,
                ordered_at
         from bench_ref`,
        [tenantId, affiliateId],
      );
    });

    await timed(
      'ledger entries of those referrals (commission, release, reversal, monthly payouts)',
      async () => {
        const code = (k: string) => `affiliate:${accountId}:${k}`;
        await c.query(
          `insert into ledger_account (tenant_id, code, kind, currency, owner_account_id, created_at)
         values ($1, $2, 'liability', 'IDR', $6, now()), ($1, $3, 'liability', 'IDR', $6, now()),
                ($1, $4, 'liability', 'IDR', $6, now()), ($1, 'company:commission-expense', 'expense', 'IDR', null, now()),
                ($1, $5, 'asset', 'IDR', null, now())
         on conflict (tenant_id, code) do nothing`,
          [
            tenantId,
            code('on-hold'),
            code('available'),
            code('payouts-pending'),
            'company:clearing:payouts',
            accountId,
          ],
        );
        const { rows: acc } = await c.query<{ code: string; id: number }>(
          'select code, id from ledger_account where tenant_id = $1',
          [tenantId],
        );
        const id = (k: string) => acc.find((a) => a.code === k)!.id;
        const onHold = id(code('on-hold'));
        const available = id(code('available'));
        const pending = id(code('payouts-pending'));
        const expense = id('company:commission-expense');
        const clearing = id('company:clearing:payouts');
        // one row per ledger entry: key, time, amount, debited account, credited account
        await c.query('drop table if exists bench_entry');
        await c.query(
          `create temp table bench_entry as
         select nextval('ledger_entry_id_seq')::int as id, * from (
           select 'affiliate-referral:' || referral_id || ':commission' as key, ordered_at + interval '1 hour' as at,
                  order_value / 10 as amount, $1::int as debit, $2::int as credit
             from bench_ref where status <> 'pending'
           union all
           select 'affiliate-referral:' || referral_id || ':reversal', ordered_at + interval '3 days', order_value / 10, $2, $1
             from bench_ref where status = 'reversed'
           union all
           select 'affiliate-referral:' || referral_id || ':release', ordered_at + interval '30 days 1 hour',
                  order_value / 10, $2, $3
             from bench_ref where status in ('available', 'paid')
           union all
           select 'bench-payout:' || m || ':requested', m + interval '35 days', sum, $3, $4 from (
             select date_trunc('month', ordered_at + interval '31 days') m, sum(order_value / 10)
               from bench_ref where status = 'paid' group by 1) p
           union all
           select 'bench-payout:' || m || ':paid', m + interval '40 days', sum, $4, $5 from (
             select date_trunc('month', ordered_at + interval '31 days') m, sum(order_value / 10)
               from bench_ref where status = 'paid' group by 1) p
         ) e order by at`,
          [expense, onHold, available, pending, clearing],
        );
        await c.query(
          `insert into ledger_entry (id, tenant_id, idempotency_key, description, created_at)
         select id, $1, key, 'bench ' || key, at from bench_entry`,
          [tenantId],
        );
        await c.query(
          `insert into ledger_posting (tenant_id, entry_id, ledger_account_id, amount)
         select $1, id, x.account, x.amount from bench_entry,
           lateral (values (debit, amount), (credit, -amount)) as x(account, amount)
         order by id`,
          [tenantId],
        );
        await c.query(
          `insert into affiliate_payout (tenant_id, affiliate_id, account_id, amount, status, bank_name,
           account_number_masked, account_number_sealed, account_holder_name, requested_at, processed_at,
           transfer_reference, updated_at)
         select $1, $2, $3, amount, 'paid', 'BCA', '******7890', 'bench', 'Bench Affiliate', at - interval '5 days', at,
                'TRF-' || id, at
         from bench_entry where key like 'bench-payout:%:paid'`,
          [tenantId, affiliateId, accountId],
        );
        await c.query(
          `update affiliate set total_clicks = (select count(*) from referral_click where affiliate_id = $1),
           total_conversions = (select count(*) from bench_ref where status in ('confirmed', 'available', 'paid')),
           total_commission = (select coalesce(sum(order_value / 10), 0) from bench_ref
                                where status in ('confirmed', 'available', 'paid'))
         where id = $1`,
          [affiliateId],
        );
        // the affiliate's accounts keep running balances (LedgerAccounts ... runningBalance): fill them
        await c.query(
          `update ledger_account a set running_balance =
             coalesce((select sum(p.amount) from ledger_posting p where p.ledger_account_id = a.id), 0)
           where a.id in ($1, $2, $3)`,
          [onHold, available, pending],
        );
        await c.query('drop table bench_entry');
        await c.query('drop table bench_ref');
      },
    );
  });
  await timed('vacuum analyze (referral tables)', () =>
    c.query(
      'vacuum analyze referral_click, affiliate_click_daily, affiliate_referral, affiliate, ledger_posting, ledger_entry, ledger_account, customer_order, affiliate_payout',
    ),
  );
}

/** Generates the referral data once (kept with BENCH_REUSE_DB=1) and mints the affiliate's token. */
export async function prepareReferrals(c: pg.Client): Promise<ReferralFixture> {
  const tenantId = await qutabTenant(c);
  const existing = await c.query('select 1 from affiliate where tenant_id = $1 and code = $2', [
    tenantId,
    BIG_AFFILIATE_CODE,
  ]);
  if (existing.rowCount === 0) {
    const hash = (await c.query<{ password_hash: string }>('select password_hash from account limit 1'))
      .rows[0]!.password_hash;
    await generate(c, tenantId, hash, settings.referralClicks, settings.referralOrders);
  }
  const { rows } = await c.query<{ id: number; account_id: number; total_clicks: string }>(
    'select id, account_id, total_clicks::text from affiliate where tenant_id = $1 and code = $2',
    [tenantId, BIG_AFFILIATE_CODE],
  );
  const big = rows[0]!;
  const { rows: counted } = await c.query<{ n: number }>(
    'select count(*)::int n from affiliate_referral where affiliate_id = $1',
    [big.id],
  );
  const sessionId = randomUUID();
  await c.query(
    `insert into session (id, tenant_id, account_id, family_id, token_hash, expires_at, created_at)
     values ($1::uuid, $2, $3::int, $1::uuid, md5($1::text) || md5($3::int::text), now() + interval '1 day', now())`,
    [sessionId, tenantId, big.account_id],
  );
  return {
    tenantId,
    slug: settings.qutabTenantSlug,
    affiliateId: big.id,
    accountId: big.account_id,
    code: BIG_AFFILIATE_CODE,
    token: signAccessToken(
      settings.jwtSecret,
      { accountId: big.account_id, tenantId, sessionId, roles: ['affiliate'] },
      86_400,
    ),
    otherCodes: Array.from({ length: OTHER_AFFILIATES }, (_, i) => otherCode(i + 1)),
    clicks: Number(big.total_clicks),
    referrals: counted[0]!.n,
  };
}
