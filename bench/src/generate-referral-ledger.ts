import type pg from 'pg';

/**
 * The ledger entries the commission service and the payout flow post for the referrals in the temp
 * table `bench_ref` (commission, release, reversal, payout request and payment: one entry each),
 * the paid payouts, the affiliate's totals and its accounts' running balances; drops `bench_ref`.
 */
export async function insertReferralLedger(
  c: pg.Client,
  tenantId: number,
  affiliateId: number,
  accountId: number,
) {
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
}
