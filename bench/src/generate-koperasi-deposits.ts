import type pg from 'pg';
import { timed } from './pg.ts';
import { settings } from './settings.ts';

/** A savings deposit awaiting its Midtrans payment: what its settlement notification names. */
export interface PendingDeposit {
  /** our transaction number, Midtrans' order_id */
  orderId: string;
  /** Midtrans' transaction_id (the payment's provider reference) */
  transactionId: string;
  /** rupiah: the amount plus the unique code */
  grossAmount: number;
  vaNumber: string;
  createdAt: Date;
}

/**
 * The bench's deposits have transaction numbers `TXN-{year}-7{8 digits}`: the generated history
 * uses 8 digits starting 0 or 1 and the savers' `9…`.
 */
const BENCH_DEPOSIT = `'TXN-____-7%'`;

/** The cooperative collects through Midtrans, whose API is the bench's fake at `midtransBaseUrl`. */
export async function pointAtFakeMidtrans(c: pg.Client, tenantId: number): Promise<void> {
  const payments = {
    provider: 'midtrans',
    midtrans: { baseUrl: settings.midtransBaseUrl, serverKey: settings.midtransServerKey, bank: 'bca' },
  };
  await c.query(
    `update tenant set settings = jsonb_set(coalesce(settings, '{}'::jsonb), '{payments}', $2::jsonb) where id = $1`,
    [tenantId, JSON.stringify(payments)],
  );
}

/**
 * `n` more pending Simpanan Sukarela deposits of active members (spread over their accounts), each
 * with its pending Midtrans payment, as `POST /savings/transactions` leaves them: amount + unique
 * code (no two awaiting the same total), the projected balances, the payment naming the transaction
 * by its number. Ids are drawn first so the transaction and its payment name each other in one statement.
 */
async function addDeposits(c: pg.Client, tenantId: number, n: number): Promise<void> {
  await c.query(
    `with accounts as (
       select row_number() over (order by (a.id::bigint * 7919) % 100003, a.id) as r, a.id, a.owner_account_id,
              coalesce(-l.running_balance, 0) as balance
         from savings_account a
         join savings_product p on p.id = a.product_id and p.code = 'SS'
         join cooperative_member m on m.tenant_id = a.tenant_id and m.account_id = a.owner_account_id
          and m.membership_status = 'active'
         left join ledger_account l on l.tenant_id = a.tenant_id and l.code = 'savings:' || a.id
        where a.tenant_id = $1),
     counted as (select count(*) as n from accounts),
     earlier as (select count(*)::int as n from payment where tenant_id = $1 and merchant_reference like ${BENCH_DEPOSIT}),
     drawn as (
       select j, a.id as account_id, a.owner_account_id, a.balance,
              'TXN-' || to_char(now(), 'YYYY') || '-7' || lpad((e.n + j)::text, 8, '0') as number,
              50000 + ((e.n + j) % 20) * 25000 as amount, 1 + ((e.n + j) / 20) % 999 as unique_code,
              now() - ($2::int - j) * interval '1 second' as at
         from generate_series(1, $2::int) j cross join counted cross join earlier e
         join accounts a on a.r = 1 + (j - 1) % counted.n
        order by j),
     -- ids in j's order: consecutive deposits (settled side by side) are of different accounts
     made as (
       select nextval('savings_transaction_id_seq')::int as transaction_id, nextval('payment_id_seq')::int as payment_id,
              drawn.* from drawn),
     deposits as (
       insert into savings_transaction (id, tenant_id, public_id, transaction_number, savings_account_id, owner_account_id,
         type_code, category, amount, unique_code, description, balance_before, balance_after, payment_method,
         payment_reference, payment_id, status, created_at, updated_at)
       select transaction_id, $1, gen_random_uuid(), number, account_id, owner_account_id, 'SS_DEPOSIT', 'deposit',
              amount, unique_code, 'Setoran simpanan sukarela', balance, balance + amount, 'bank_transfer',
              number, payment_id, 'pending', at, at
         from made)
     insert into payment (id, tenant_id, account_id, purpose, subject_id, amount, currency, provider, requested_method,
       status, merchant_reference, provider_reference, payment_url, details, created_at)
     select payment_id, $1, owner_account_id, 'savings_deposit', transaction_id, amount + unique_code, 'IDR', 'midtrans',
            'bank_transfer', 'pending', number, gen_random_uuid()::text, '',
            jsonb_build_object('transactionNumber', number, 'uniqueCode', unique_code,
              'expiresAt', to_char((at + interval '1 day') at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
              'instructions', jsonb_build_object('bank', 'bca', 'vaNumber', '8' || lpad(payment_id::text, 10, '0'))),
            at
       from made`,
    [tenantId, n],
  );
}

/** The bench's deposits still awaiting payment, oldest first: what the fake Midtrans settles. */
export async function pendingDeposits(c: pg.Client | pg.Pool, tenantId: number): Promise<PendingDeposit[]> {
  const { rows } = await c.query<{
    order_id: string;
    transaction_id: string;
    gross_amount: string;
    va_number: string;
    created_at: Date;
  }>(
    `select merchant_reference as order_id, provider_reference as transaction_id, amount::text as gross_amount,
            details->'instructions'->>'vaNumber' as va_number, created_at
       from payment
      where tenant_id = $1 and provider = 'midtrans' and purpose = 'savings_deposit' and status = 'pending'
        and merchant_reference like ${BENCH_DEPOSIT}
      order by id`,
    [tenantId],
  );
  return rows.map((r) => ({
    orderId: r.order_id,
    transactionId: r.transaction_id,
    grossAmount: Number(r.gross_amount),
    vaNumber: r.va_number,
    createdAt: r.created_at,
  }));
}

/**
 * Pending deposits for deposit-settlement, topped up to `settings.koperasiDeposits` each run (a run
 * settles some), and the cooperative pointed at the fake Midtrans.
 */
export async function prepareDeposits(c: pg.Client, tenantId: number): Promise<PendingDeposit[]> {
  await pointAtFakeMidtrans(c, tenantId);
  const have = (await pendingDeposits(c, tenantId)).length;
  const missing = settings.koperasiDeposits - have;
  if (missing > 0) {
    await timed(`${missing.toLocaleString('en')} pending Midtrans deposits (${have} left over)`, async () => {
      await addDeposits(c, tenantId, missing);
      await c.query('vacuum analyze savings_transaction, payment');
    });
  }
  return pendingDeposits(c, tenantId);
}
