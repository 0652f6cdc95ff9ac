// POST /t/{slug}/api/webhooks/midtrans by hand on `pg` and `fetch`: the notification's signature
// checked, recorded once in the webhook inbox, the payment it names asked of Midtrans (the fake) and,
// when settled, claimed and posted with the same statements, row locks and ledger entries as our
// payments service and deposit settlement, in the same order.
import { createHash, timingSafeEqual } from 'node:crypto';
import type pg from 'pg';
import { HttpError, transaction } from './bare-http.ts';
import { ledgerPost } from './bare-ledger.ts';

export interface MidtransTenant {
  tenantId: number;
  currency: string;
  baseUrl: string;
  serverKey: string;
  callbackToken?: string | undefined;
}

export const ACKNOWLEDGEMENT = { success: true, message: 'Webhook processed successfully' };
const REQUIRED = ['order_id', 'status_code', 'gross_amount', 'transaction_id', 'transaction_status'];
/** transaction_status → what it says of the payment (capture waits on the fraud check). */
const STATUS: Record<string, string> = {
  settlement: 'completed',
  pending: 'pending',
  authorize: 'pending',
  deny: 'failed',
  cancel: 'failed',
  expire: 'failed',
  failure: 'failed',
  refund: 'completed',
  partial_refund: 'completed',
  chargeback: 'completed',
  partial_chargeback: 'completed',
};
const CAPTURE: Record<string, string> = { accept: 'completed', challenge: 'pending', deny: 'failed' };
const REPORTED = [
  'transaction_id',
  'payment_type',
  'transaction_time',
  'transaction_status',
  'settlement_time',
];

export interface Payment {
  id: number;
  status: string;
  amount: string;
  currency: string;
  provider: string;
  requested_method: string;
  merchant_reference: string;
  provider_reference: string;
  subject_id: number | null;
  purpose: string;
}

const sameText = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};
const hasText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
const statusOf = (status: string, fraud: string | null) =>
  status === 'capture' ? (CAPTURE[fraud ?? ''] ?? 'pending') : STATUS[status];

/** Midtrans' word on the transaction: GET /v2/{transaction_id}/status, read as our provider reads it. */
export async function askMidtrans(t: MidtransTenant, payment: Payment) {
  const res = await fetch(`${t.baseUrl}/v2/${encodeURIComponent(payment.provider_reference)}/status`, {
    headers: {
      Accept: 'application/json',
      Authorization: `Basic ${Buffer.from(`${t.serverKey}:`).toString('base64')}`,
    },
    signal: AbortSignal.timeout(10_000),
  });
  const answer = (await res.json()) as Record<string, unknown>;
  const code = Number(answer.status_code);
  if (code === 404) return { status: 'pending' };
  if (code >= 400 && code !== 407) throw new HttpError(502, `Midtrans answered status_code ${code}`);
  if (hasText(answer.transaction_id) && answer.transaction_id !== payment.provider_reference)
    throw new HttpError(502, 'Midtrans answered for another transaction');
  if (!hasText(answer.transaction_status)) throw new HttpError(502, 'Midtrans answered without a status');
  const fraud = hasText(answer.fraud_status) ? answer.fraud_status : null;
  const description = fraud ? `${answer.transaction_status}/${fraud}` : answer.transaction_status;
  const status = statusOf(answer.transaction_status, fraud) ?? 'pending';
  if (status !== 'completed') return { status, description };
  const gross = typeof answer.gross_amount === 'string' ? Number(answer.gross_amount) : answer.gross_amount;
  const matches =
    answer.order_id === payment.merchant_reference &&
    payment.currency === 'IDR' &&
    (answer.currency === undefined || answer.currency === 'IDR') &&
    gross === Number(payment.amount);
  if (!matches) return { status: 'pending', description };
  const report = Object.fromEntries(REPORTED.filter((f) => hasText(answer[f])).map((f) => [f, answer[f]]));
  return { status, description, report };
}

/**
 * The deposit the payment settles, as our savings context credits it in one statement: read under
 * its savings account's lock, exactly its amount into the member's savings, the code to income,
 * the running balance's upsert answering the balance after, the transaction completed.
 */
const CREDIT_DEPOSIT = `
with deposit as (
  select t.id, t.transaction_number, t.savings_account_id, t.owner_account_id, t.amount, t.unique_code,
         $1::bigint = t.amount + t.unique_code as matches
    from savings_transaction t
    join savings_account a on a.tenant_id = t.tenant_id and a.id = t.savings_account_id
   where t.tenant_id = $2 and t.id = $3
  for update of a
), line as (
  select 'company:clearing:deposits-received'::text as code, 'liability'::text as kind, $1::bigint as amount
    from deposit
  union all
  select 'company:unique-code-income'::text, 'revenue'::text, -deposit.unique_code::bigint from deposit
), created as (
  insert into ledger_account (tenant_id, code, kind, currency, owner_account_id, running_balance, created_at)
  select $2::int, code, kind, $4::text, null::int, null::bigint, $5::timestamptz from line where amount <> 0
  on conflict (tenant_id, code) do nothing returning id, code
), found as (
  select id, code from created
  union all
  select id, code from ledger_account
   where tenant_id = $2 and code = any(array['company:clearing:deposits-received', 'company:unique-code-income'])
), resolved as (
  select (select f.id from found f where f.code = line.code limit 1) as account_id, line.amount
    from line where line.amount <> 0
), ready as (
  select coalesce(bool_and(account_id is not null), true) as ok from resolved
), entry as (
  insert into ledger_entry (tenant_id, idempotency_key, description, created_at)
  select $2, 'savings-deposit:' || deposit.id || ':credited', 'Deposit ' || deposit.transaction_number || ' credited', $5
    from deposit, ready where ready.ok and deposit.matches
  on conflict (tenant_id, idempotency_key) do nothing returning id
), balance as (
  insert into ledger_account as a (tenant_id, code, kind, currency, owner_account_id, running_balance, created_at)
  select $2, 'savings:' || deposit.savings_account_id, 'liability', $4, deposit.owner_account_id, -deposit.amount, $5
    from deposit, entry
  on conflict (tenant_id, code) do update set running_balance = a.running_balance + excluded.running_balance
  returning id, running_balance
), posted as (
  insert into ledger_posting (tenant_id, entry_id, ledger_account_id, amount)
  select $2::int, entry.id, resolved.account_id, resolved.amount from entry, resolved
  union all
  select $2::int, entry.id, balance.id, -deposit.amount from entry, balance, deposit where deposit.amount <> 0
), completed as (
  update savings_transaction t
     set status = 'completed', processed_at = $5, processed_by = null,
         balance_after = 0 - balance.running_balance, balance_before = 0 - balance.running_balance - deposit.amount,
         gateway_response = $6::jsonb,
         notes = 'Transaction completed automatically via payment gateway', updated_at = $5
    from deposit, balance
   where t.tenant_id = $2 and t.id = deposit.id
)
select deposit.transaction_number, deposit.amount, deposit.unique_code,
       (select ok from ready) as ready, (select id from entry) as entry_id
  from deposit`;

async function creditDeposit(
  tx: pg.PoolClient,
  t: MidtransTenant,
  now: Date,
  payment: Payment,
  remote: { description?: string; report?: Record<string, unknown> },
) {
  const response = {
    provider: payment.provider,
    transaction_id: payment.provider_reference,
    order_id: payment.merchant_reference,
    payment_type: payment.requested_method,
    gross_amount: Number(payment.amount),
    transaction_status: 'completed',
    status_message: remote.description ?? null,
    settlement_time: now.toISOString(),
    ...remote.report,
  };
  for (let attempt = 1; ; attempt++) {
    const { rows } = await tx.query<{
      transaction_number: string;
      amount: string;
      unique_code: number;
      ready: boolean;
    }>(CREDIT_DEPOSIT, [
      payment.amount,
      t.tenantId,
      payment.subject_id,
      t.currency,
      now,
      JSON.stringify(response),
    ]);
    const row = rows[0];
    if (!row) throw new HttpError(500, `payment ${payment.id} names no savings deposit`);
    if (Number(payment.amount) !== Number(row.amount) + row.unique_code)
      throw new HttpError(500, `deposit ${row.transaction_number} does not match its payment`);
    if (row.ready) return;
    if (attempt === 2)
      throw new HttpError(500, `deposit ${row.transaction_number}: a ledger account is missing`);
  }
}

/** Asks Midtrans and applies a settled payment once (the conditional update is the claim). */
async function settle(pool: pg.Pool, t: MidtransTenant, payment: Payment): Promise<string> {
  if (payment.status !== 'pending') return payment.status;
  const remote = await askMidtrans(t, payment);
  if (remote.status === 'pending') return 'pending';
  if (payment.purpose !== 'savings_deposit') throw new HttpError(500, 'not a savings deposit');
  const now = new Date();
  await transaction(pool, async (tx) => {
    // as ours: the claim guards the receipt's entry, in one statement (bare-ledger.ts)
    const claim = (n: number) => ({
      text: `update payment set status = $${n}, paid_at = $${n + 1}, failed_at = $${n + 2}
             where tenant_id = $${n + 3} and id = $${n + 4} and status = 'pending' returning id`,
      values: [
        remote.status,
        remote.status === 'completed' ? now : null,
        remote.status === 'failed' ? now : null,
        t.tenantId,
        payment.id,
      ],
    });
    if (remote.status === 'completed') {
      const amount = Number(payment.amount);
      const { guarded } = await ledgerPost(
        tx,
        t.tenantId,
        now,
        `payment:${payment.id}:received`,
        `Payment ${payment.merchant_reference} received`,
        [
          { code: `company:clearing:${payment.provider}`, kind: 'asset', owner: null, amount },
          { code: 'company:clearing:deposits-received', kind: 'liability', owner: null, amount: -amount },
        ],
        { guard: claim, currency: t.currency },
      );
      if (guarded) await creditDeposit(tx, t, now, payment, remote);
    } else if ((await tx.query(claim(1).text, claim(1).values)).rows.length > 0) {
      await tx.query(
        `update savings_transaction set status = $1, gateway_response = $2, notes = $3, updated_at = $4
         where tenant_id = $5 and id = $6 and status in ('pending', 'processing')`,
        [
          'failed',
          JSON.stringify({ transaction_status: remote.status }),
          'The payment failed at the payment gateway',
          now,
          t.tenantId,
          payment.subject_id,
        ],
      );
    }
  });
  // as ours: the status it was moved to (or, losing a race, settled by someone else)
  return remote.status;
}

/** A Midtrans HTTP notification checked (token, fields, signature): its order id and inbox key. */
export function checkNotification(
  t: MidtransTenant,
  headers: Record<string, string>,
  rawBody: string,
): { orderId: string; eventId: string } {
  if (t.callbackToken !== undefined && !sameText(headers['x-callback-token'] ?? '', t.callbackToken))
    throw new HttpError(401, 'Invalid callback token');
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(rawBody) as Record<string, unknown>;
  } catch {
    throw new HttpError(400, 'The body is not JSON');
  }
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw new HttpError(400, 'The body is not a JSON object');
  const missing = REQUIRED.filter((f) => !hasText(body[f]));
  if (missing.length > 0) throw new HttpError(400, `The notification is incomplete: ${missing.join(', ')}`);
  const [orderId, statusCode, grossAmount, transactionId, transactionStatus] = REQUIRED.map(
    (f) => body[f] as string,
  ) as [string, string, string, string, string];
  const signature = hasText(body.signature_key) ? body.signature_key : null;
  if (!signature) throw new HttpError(401, 'The signature_key is missing');
  const expected = createHash('sha512')
    .update(`${orderId}${statusCode}${grossAmount}${t.serverKey}`, 'utf8')
    .digest('hex');
  if (!sameText(signature, expected)) throw new HttpError(401, 'Invalid signature');
  const fraud = hasText(body.fraud_status) ? body.fraud_status : null;
  return { orderId, eventId: `${transactionId}:${transactionStatus}:${fraud ?? ''}`.slice(0, 128) };
}

/** A Midtrans HTTP notification: checked, recorded once, settled by asking Midtrans. */
export async function midtransNotification(
  pool: pg.Pool,
  t: MidtransTenant,
  headers: Record<string, string>,
  rawBody: string,
) {
  const { orderId, eventId } = checkNotification(t, headers, rawBody);
  // as ours: the delivery recorded and the payment it names read in one statement
  const recorded = await pool.query<
    { webhook_inbox_id: number | null; found_alongside: boolean | null } & Payment
  >(
    `with recorded as (
       insert into webhook_event (tenant_id, provider, event_id, payload, received_at) values ($1, $2, $3, $4, $5)
       on conflict (provider, event_id) do nothing returning id)
     select (select id from recorded) as webhook_inbox_id, found.*
     from (select 1) one left join lateral (select true as found_alongside, a.* from (
       select * from payment where tenant_id = $6 and provider = $7 and merchant_reference = $8 limit 1) a) found on true`,
    [t.tenantId, 'midtrans', eventId, rawBody, new Date(), t.tenantId, 'midtrans', orderId],
  );
  const { webhook_inbox_id: inboxId, found_alongside: found, ...row } = recorded.rows[0]!;
  if (inboxId === null) return ACKNOWLEDGEMENT;
  try {
    const payment = found ? (row as Payment) : undefined;
    const status = payment ? await settle(pool, t, payment) : 'not-ours';
    // a notification Midtrans does not (yet) confirm is forgotten, so its repeat is processed
    if (status === 'pending') await pool.query('delete from webhook_event where id = $1', [inboxId]);
    else await pool.query('update webhook_event set processed_at = $1 where id = $2', [new Date(), inboxId]);
    return ACKNOWLEDGEMENT;
  } catch (e) {
    await pool.query('delete from webhook_event where id = $1', [inboxId]);
    throw e;
  }
}
