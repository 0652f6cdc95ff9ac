// The limit twin of the checkout's payment settlement: the sandbox gateway's `POST /sandbox/pay/{ref}`
// with `outcome=success` in one statement (one implicit transaction). The charge is settled only
// while pending, the payment claimed only while pending (both conditional updates: a repeat or a
// concurrent call changes nothing), the receipt posted once (the ledger entry's idempotency key)
// against the gateway's clearing and sales revenue, the order paid only while pending (a cancelled
// one is owed back instead), its `paid` event recorded and its products' sold counts moved. Same
// rows as ours for the bench's orders (shop orders without a voucher: an affiliate's commission, which
// ours posts for a voucher-code order, is not written here).
import type pg from 'pg';
import { HttpError } from './bare-http.ts';

const REFERENCE = /^SBX-[A-Za-z0-9_-]{1,64}$/;

export async function limitSandboxPay(pool: pg.Pool, reference: string, body: unknown) {
  const outcome = (body as { outcome?: unknown } | null)?.outcome;
  if (outcome !== 'success' && outcome !== 'failed')
    throw new HttpError(400, 'outcome must be success or failed');
  if (outcome !== 'success') throw new HttpError(400, 'the limit twin settles successful payments only');
  if (!REFERENCE.test(reference)) throw new HttpError(404, 'unknown payment');
  const { rows } = await pool.query<{ status: string | null }>(SETTLE_SQL, [reference, new Date()]);
  const status = rows[0]?.status;
  if (!status) throw new HttpError(404, 'unknown payment');
  return { reference, status };
}

// $1 the sandbox reference, $2 now
const SETTLE_SQL = `with
  charge as (
    update sandbox_charge set status = 'completed', settled_at = $2 where reference = $1 and status = 'pending'
    returning reference),
  pay as (
    update payment p set status = 'completed', paid_at = $2, failed_at = null
    from charge where p.provider = 'sandbox' and p.provider_reference = charge.reference and p.status = 'pending'
    returning p.id, p.tenant_id, p.amount, p.merchant_reference, p.subject_id, p.currency),
  entry as (
    insert into ledger_entry (tenant_id, idempotency_key, description, created_at)
    select tenant_id, 'payment:' || id || ':received', 'Payment ' || merchant_reference || ' received', $2 from pay
    on conflict (tenant_id, idempotency_key) do nothing returning id, tenant_id),
  book(code, kind, sign) as (values ('company:clearing:sandbox', 'asset', 1), ('company:sales-revenue', 'revenue', -1)),
  opened as (
    insert into ledger_account (tenant_id, code, kind, currency, owner_account_id, running_balance, created_at)
    select e.tenant_id, b.code, b.kind, p.currency, null, null, $2 from entry e, pay p, book b
    on conflict (tenant_id, code) do nothing returning id, code),
  accounts as (
    select id, code from opened
    union all
    select a.id, a.code from ledger_account a, entry e where a.tenant_id = e.tenant_id and a.code in (select code from book)),
  posted as (
    insert into ledger_posting (tenant_id, entry_id, ledger_account_id, amount)
    select e.tenant_id, e.id, a.id, b.sign * p.amount from entry e, pay p, accounts a join book b on b.code = a.code),
  paid as (
    update customer_order o set status = 'paid', paid_at = $2 from pay p
    where o.tenant_id = p.tenant_id and o.id = p.subject_id and o.status = 'pending_payment'
    returning o.id, o.tenant_id),
  owed as (
    update customer_order o set refund_due = o.total_amount from pay p
    where o.tenant_id = p.tenant_id and o.id = p.subject_id and o.status = 'cancelled' and o.paid_at is null),
  event as (
    insert into order_status_event (tenant_id, order_id, status, note, actor_account_id, created_at)
    select tenant_id, id, 'paid', null, null, $2 from paid),
  sold as (
    update product pr set sold_count = greatest(pr.sold_count + x.quantity, 0)
    from (select i.tenant_id, i.product_id, sum(i.quantity)::int as quantity from order_item i
          join paid on paid.tenant_id = i.tenant_id and paid.id = i.order_id group by i.tenant_id, i.product_id) x
    where pr.tenant_id = x.tenant_id and pr.id = x.product_id)
  select coalesce((select 'completed' from charge), (select status from sandbox_charge where reference = $1)) as status`;
