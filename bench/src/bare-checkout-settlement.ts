// POST /sandbox/pay/{reference} (JSON, outcome=success) by hand on `pg`: the same statements as ours
// for a shop order without a voucher. The charge settled while pending with the payment it pays read
// in the same statement; the gateway asked again; then one transaction: the claim, the receipt and the
// order moved to paid returning what its handler reads in one statement (bare-ledger.ts), then the
// `paid` event with the sold counts. The shop tenant runs no referral links: no referral hook.
import type pg from 'pg';
import { chainJson, GENERATION_BPS } from './bare-commission.ts';
import { HttpError, transaction } from './bare-http.ts';
import { ledgerPost } from './bare-ledger.ts';

const REFERENCE = /^SBX-[A-Za-z0-9_-]{1,64}$/;

interface PaymentRow {
  id: number;
  tenant_id: number;
  status: string;
  amount: string;
  currency: string;
  provider: string;
  merchant_reference: string;
  subject_id: number;
}

export interface SettlementTenant {
  id: number;
}

/** The shop tenant as the settlement needs it, read once. */
export async function settlementTenant(pool: pg.Pool, slug: string): Promise<SettlementTenant> {
  const { rows } = await pool.query<{ id: number }>('select id from tenant where slug = $1', [slug]);
  return { id: rows[0]!.id };
}

export async function bareSandboxPay(
  pool: pg.Pool,
  tenant: SettlementTenant,
  reference: string,
  body: unknown,
) {
  const outcome = (body as { outcome?: unknown } | null)?.outcome;
  if (outcome !== 'success' && outcome !== 'failed')
    throw new HttpError(400, 'outcome must be success or failed');
  if (outcome !== 'success') throw new HttpError(400, 'the bare twin settles successful payments only');
  if (!REFERENCE.test(reference)) throw new HttpError(404, 'unknown payment');
  const { rows } = await pool.query<
    PaymentRow & { sandbox_charge_status: string | null; found_alongside: boolean }
  >(
    `with settled as (
       update sandbox_charge set status = $1, settled_at = $2
       where reference = $3 and status = 'pending' returning status),
     charge as (
       select status from settled
       union all
       select status from sandbox_charge where reference = $3 and not exists (select 1 from settled))
     select (select status from charge) as sandbox_charge_status, found.*
     from (select 1) one left join lateral (select true as found_alongside, a.* from (
       select * from payment where provider = $4 and provider_reference = $5) a) found on true`,
    ['completed', new Date(), reference, 'sandbox', reference],
  );
  const status = rows[0]?.sandbox_charge_status;
  if (!status) throw new HttpError(404, 'unknown payment');
  const payment = rows[0]!.found_alongside ? rows[0]! : undefined;
  if (payment && payment.tenant_id === tenant.id) await settle(pool, tenant, payment, reference);
  return { reference, status };
}

async function settle(pool: pg.Pool, tenant: SettlementTenant, payment: PaymentRow, reference: string) {
  if (payment.status !== 'pending') return;
  // as ours: the gateway asked again, not taken on the pay page's word
  const remote = await pool.query<{ status: string }>(
    'select status from sandbox_charge where reference = $1',
    [reference],
  );
  if (remote.rows[0]?.status !== 'completed') return;
  const now = new Date();
  const amount = Number(payment.amount);
  await transaction(pool, async (tx) => {
    const { guarded, companion } = await ledgerPost(
      tx,
      tenant.id,
      now,
      `payment:${payment.id}:received`,
      `Payment ${payment.merchant_reference} received`,
      [
        { code: 'company:clearing:sandbox', kind: 'asset', owner: null, amount },
        { code: 'company:sales-revenue', kind: 'revenue', owner: null, amount: -amount },
      ],
      {
        currency: payment.currency,
        // the claim guards the receipt's entry
        guard: (n) => ({
          text: `update payment set status = $${n}, paid_at = $${n + 1}, failed_at = $${n + 2}
                   where tenant_id = $${n + 3} and id = $${n + 4} and status = 'pending' returning id`,
          values: ['completed', now, null, tenant.id, payment.id],
        }),
        // the order moved to paid, returning its number and what either kind's handler reads of it
        companion: (n) => ({
          text: `update customer_order o set status = 'paid', paid_at = $${n}
                 where o.tenant_id = $${n + 1} and o.id = $${n + 2} and o.status = 'pending_payment'
                   and exists (select 1 from guard)
                 returning o.order_number, id, status, subtotal::text, discount::text, shipping_cost::text,
                   shipping_discount::text, voucher_code, affiliate_account_id,
                   case when o.order_number is null then (select coalesce(json_agg(json_build_object('id', i.id,
                     'order_id', i.order_id, 'product_id', i.product_id, 'quantity', i.quantity,
                     'amount', i.amount::text, 'sponsor_id', i.sponsor_id, 'stockist_id', i.stockist_id,
                     'chain', ${chainJson('i.sponsor_id', 'i.stockist_id', n + 3)}) order by i.id), '[]'::json)
                   from order_item i where i.tenant_id = $${n + 1} and i.order_id = o.id) end as items`,
          values: [now, tenant.id, payment.subject_id, tenant.id, GENERATION_BPS.length],
        }),
      },
    );
    const shopOrder = (companion[0] as { order_number: string | null } | undefined)?.order_number;
    if (!guarded || !shopOrder) throw new HttpError(500, 'the bench settles pending shop orders only');
    await paid(tx, tenant, payment.subject_id, now);
  });
}

/** The shop order paid: its hooks (no voucher: the affiliate's reads nothing), its event and sold counts. */
async function paid(tx: pg.PoolClient, tenant: SettlementTenant, orderId: number, now: Date) {
  await tx.query(
    `with event as (
       insert into order_status_event (tenant_id, order_id, status, note, actor_account_id, created_at)
       values ($1, $2, 'paid', null, null, $3))
     update product p set sold_count = p.sold_count + x.quantity
     from (select product_id, sum(quantity)::int as quantity from order_item
           where tenant_id = $1 and order_id = $2 group by product_id) x
     where p.tenant_id = $1 and p.id = x.product_id`,
    [tenant.id, orderId, now],
  );
}
