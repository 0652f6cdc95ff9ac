// The limit twin of the koperasi deposit settlement (POST /t/{slug}/api/webhooks/midtrans): the same
// effects as ours and the bare twin — the notification recorded once in the webhook inbox, Midtrans
// asked for the status, the payment claimed once, the receipt and the credit posted on the ledger
// with the same accounts and postings, the savings account row locked, the deposit completed with
// its exact balance before and after, the inbox entry marked processed — in two statements:
//   1. record the delivery and read the payment it names (a CTE: the insert's RETURNING joined);
//   2. after Midtrans' answer, everything else in one autocommitted statement of chained CTEs.
// The chain's data dependencies fix its order: claim → deposit → account lock → entries → ledger
// accounts → postings → running balance (an upsert that returns the balance it leaves, read under
// the lock) → the deposit's row → the inbox. A failure anywhere (a deposit that does not match its
// payment, a company account created by a concurrent first posting that this statement's snapshot
// cannot see) aborts the whole statement; the latter is retried once, when the account is visible.
import { Hono } from 'hono';
import type pg from 'pg';
import {
  ACKNOWLEDGEMENT,
  askMidtrans,
  checkNotification,
  type MidtransTenant,
  type Payment,
} from './bare-deposit-settlement.ts';
import { HttpError } from './bare-http.ts';

/**
 * Raises (aborts the statement) with `message` when `condition` holds: a cast of the text to int
 * fails. The message must not be a constant, or the planner folds the cast and always raises.
 */
const abortWhen = (condition: string, message: string) =>
  `case when ${condition} then cast(${message} as int) end`;

/** Claim, post, lock, credit and mark processed: one statement (parameters below). */
const SETTLE_DEPOSIT = `
with claim as (
  update payment set status = 'completed', paid_at = $3, failed_at = null
   where tenant_id = $1 and id = $2 and status = 'pending'
  returning id, amount, subject_id
), dep as (
  select t.id, t.amount, t.unique_code, t.savings_account_id, t.owner_account_id, t.transaction_number,
         ${abortWhen(`claim.amount <> t.amount + t.unique_code`, `'deposit ' || t.transaction_number || ' does not match its payment'`)} as mismatch
    from claim join savings_transaction t on t.tenant_id = $1 and t.id = claim.subject_id
), locked as (
  select dep.* from dep join savings_account a on a.tenant_id = $1 and a.id = dep.savings_account_id
  for update of a
), receipt as (
  insert into ledger_entry (tenant_id, idempotency_key, description, created_at)
  select $1, 'payment:' || claim.id || ':received', $4, $3 from claim
  on conflict (tenant_id, idempotency_key) do nothing returning id
), credit as (
  insert into ledger_entry (tenant_id, idempotency_key, description, created_at)
  select $1, 'savings-deposit:' || locked.id || ':credited', 'Deposit ' || locked.transaction_number || ' credited', $3
    from locked
  on conflict (tenant_id, idempotency_key) do nothing returning id
), lines (entry_id, code, kind, amount) as (
  select receipt.id, 'company:clearing:' || $5, 'asset', $6::bigint from receipt
  union all select receipt.id, 'company:clearing:deposits-received', 'liability', -$6::bigint from receipt
  union all select credit.id, 'company:clearing:deposits-received', 'liability', $6::bigint from credit
  union all select credit.id, 'company:unique-code-income', 'revenue', -locked.unique_code::bigint from credit, locked
), created as (
  insert into ledger_account (tenant_id, code, kind, currency, owner_account_id, running_balance, created_at)
  select distinct $1::int, code, kind, $7, null::int, null::bigint, $3::timestamptz from lines where amount <> 0
  on conflict (tenant_id, code) do nothing returning id, code
), company as (
  select id, code from created
  union all
  select id, code from ledger_account
   where tenant_id = $1 and code = any(array['company:clearing:' || $5, 'company:clearing:deposits-received',
                                             'company:unique-code-income'])
), savings as (
  -- the running balance moves under the row's lock and answers what it leaves (no separate read)
  insert into ledger_account as a (tenant_id, code, kind, currency, owner_account_id, running_balance, created_at)
  select $1, 'savings:' || locked.savings_account_id, 'liability', $7, locked.owner_account_id, -locked.amount, $3
    from locked, credit
  on conflict (tenant_id, code) do update set running_balance = a.running_balance + excluded.running_balance
  returning id, running_balance
), posted as (
  insert into ledger_posting (tenant_id, entry_id, ledger_account_id, amount)
  select $1, l.entry_id, (select c.id from company c where c.code = l.code limit 1), l.amount
    from lines l where l.amount <> 0
  union all
  select $1, credit.id, savings.id, -locked.amount from credit, savings, locked where locked.amount <> 0
  returning id
), completed as (
  update savings_transaction t
     set status = 'completed', processed_at = $3, processed_by = null,
         balance_after = 0 - savings.running_balance, balance_before = 0 - savings.running_balance - locked.amount,
         gateway_response = $8::jsonb,
         notes = 'Transaction completed automatically via payment gateway', updated_at = $3
    from locked, savings
   where t.tenant_id = $1 and t.id = locked.id
  returning t.id
), processed as (
  update webhook_event set processed_at = $3 where id = $9 returning id
)
select (select count(*) from claim)::int as claimed, (select count(*) from posted)::int as postings,
       (select count(*) from completed)::int as completed, (select count(*) from processed)::int as processed,
       ${abortWhen(`(select count(*) from claim) > (select count(*) from locked)`, `'payment ' || (select id from claim) || ' names no savings deposit'`)} as missing`;

/** A payment Midtrans says failed: claimed, its deposit failed, the inbox marked, in one statement. */
const FAIL_DEPOSIT = `
with claim as (
  update payment set status = 'failed', paid_at = null, failed_at = $3
   where tenant_id = $1 and id = $2 and status = 'pending'
  returning subject_id
), failed as (
  update savings_transaction t set status = 'failed', gateway_response = $4::jsonb,
         notes = 'The payment failed at the payment gateway', updated_at = $3
    from claim where t.tenant_id = $1 and t.id = claim.subject_id and t.status in ('pending', 'processing')
  returning t.id
)
update webhook_event set processed_at = $3 where id = $5`;

/** What the gateway reported, as ours keeps it on the deposit. */
function gatewayResponse(
  payment: Payment,
  status: string,
  now: Date,
  remote: { description?: unknown; report?: Record<string, unknown> },
) {
  return {
    provider: payment.provider,
    transaction_id: payment.provider_reference,
    order_id: payment.merchant_reference,
    payment_type: payment.requested_method,
    gross_amount: Number(payment.amount),
    transaction_status: status,
    status_message: remote.description ?? null,
    settlement_time: now.toISOString(),
    ...remote.report,
  };
}

/** Postgres' not_null_violation: a company account the statement's snapshot could not see yet. */
const NOT_NULL_VIOLATION = '23502';

async function settleDeposit(pool: pg.Pool, t: MidtransTenant, payment: Payment, inboxId: number) {
  const remote = await askMidtrans(t, payment);
  if (remote.status === 'pending') {
    await pool.query('delete from webhook_event where id = $1', [inboxId]);
    return;
  }
  if (payment.purpose !== 'savings_deposit') throw new HttpError(500, 'not a savings deposit');
  const now = new Date();
  if (remote.status !== 'completed') {
    await pool.query(FAIL_DEPOSIT, [
      t.tenantId,
      payment.id,
      now,
      JSON.stringify(gatewayResponse(payment, remote.status, now, remote)),
      inboxId,
    ]);
    return;
  }
  const params = [
    t.tenantId,
    payment.id,
    now,
    `Payment ${payment.merchant_reference} received`,
    payment.provider,
    payment.amount,
    t.currency,
    JSON.stringify(gatewayResponse(payment, remote.status, now, remote)),
    inboxId,
  ];
  try {
    await pool.query(SETTLE_DEPOSIT, params);
  } catch (e) {
    if ((e as { code?: string }).code !== NOT_NULL_VIOLATION) throw e;
    await pool.query(SETTLE_DEPOSIT, params);
  }
}

/** Records the delivery once and reads the payment it names, in one statement. */
const RECORD_AND_FIND = `
with inbox as (
  insert into webhook_event (tenant_id, provider, event_id, payload, received_at)
  values ($1, 'midtrans', $2, $3, $4)
  on conflict (provider, event_id) do nothing returning id
)
select inbox.id as inbox_id, p.*
  from inbox left join payment p on p.tenant_id = $1 and p.provider = 'midtrans' and p.merchant_reference = $5`;

async function notification(pool: pg.Pool, t: MidtransTenant, headers: Record<string, string>, raw: string) {
  const { orderId, eventId } = checkNotification(t, headers, raw);
  const { rows } = await pool.query<Payment & { inbox_id: number; id: number | null }>(RECORD_AND_FIND, [
    t.tenantId,
    eventId,
    raw,
    new Date(),
    orderId,
  ]);
  const found = rows[0];
  if (!found) return ACKNOWLEDGEMENT; // a repeat
  try {
    if (found.id !== null && found.status === 'pending') await settleDeposit(pool, t, found, found.inbox_id);
    else
      await pool.query('update webhook_event set processed_at = $1 where id = $2', [
        new Date(),
        found.inbox_id,
      ]);
    return ACKNOWLEDGEMENT;
  } catch (e) {
    await pool.query('delete from webhook_event where id = $1', [found.inbox_id]);
    throw e;
  }
}

/** Mounts the limit route on the bench cooperative's REST prefix (nothing when it was not generated). */
export async function mountLimitDepositSettlement(app: Hono, pool: pg.Pool, slug: string): Promise<void> {
  const { rows } = await pool.query<{
    id: number;
    currency: string;
    settings: { payments?: { midtrans?: { baseUrl: string; serverKey: string; callbackToken?: string } } };
  }>('select id, currency, settings from tenant where slug = $1', [slug]);
  const tenant = rows[0];
  const midtrans = tenant?.settings.payments?.midtrans;
  if (!tenant || !midtrans) return;
  const t: MidtransTenant = { tenantId: tenant.id, currency: tenant.currency, ...midtrans };
  const api = new Hono();
  api.onError((err, c) => {
    const status = err instanceof HttpError ? err.status : 500;
    if (status === 500) console.error(err);
    const code =
      status === 400 ? 'VALIDATION_FAILED' : status === 401 ? 'AUTH_TOKEN_INVALID' : 'INTERNAL_ERROR';
    return c.json(
      { success: false, error: { code, message: err.message, timestamp: new Date().toISOString() } },
      status as 400,
    );
  });
  api.post('/webhooks/midtrans', async (c) =>
    c.json(await notification(pool, t, c.req.header(), await c.req.text())),
  );
  app.route(`/t/${slug}/api`, api);
}
