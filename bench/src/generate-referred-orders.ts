import type pg from 'pg';

/**
 * 5,000 customers and `orders` orders referred by the affiliate over the last year, with their
 * referrals: the last 30 days confirmed (on hold), older ones available or paid out monthly, every
 * 50th reversed, a few recent ones pending. Leaves the temp table `bench_ref` (one row per referral)
 * for insertReferralLedger, which drops it.
 */
export async function insertReferredOrders(
  c: pg.Client,
  tenantId: number,
  affiliateId: number,
  hash: string,
  orders: number,
) {
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
}
