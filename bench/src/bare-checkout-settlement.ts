// POST /sandbox/pay/{reference} (JSON, outcome=success) by hand on `pg`: the same statements as ours
// for a shop order without a voucher. The charge settled while pending (one statement); the payment
// found by the gateway's reference; the gateway asked again; then one transaction: the claim, the
// receipt and the order's number in one statement (bare-ledger.ts), the order paid returning what
// the order hooks read, the referral hook's confirmation, the `paid` event with the sold counts.
import type pg from 'pg';
import { HttpError, transaction } from './bare-http.ts';
import { ledgerPost } from './bare-ledger.ts';

const REFERENCE = /^SBX-[A-Za-z0-9_-]{1,64}$/;
const DAY_MS = 86_400_000;

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
  /** the referral programme's holding period (`settings.referralAffiliates.holdDays`, default 30) */
  holdDays: number;
}

/** The shop tenant as the settlement needs it, read once. */
export async function settlementTenant(pool: pg.Pool, slug: string): Promise<SettlementTenant> {
  const { rows } = await pool.query<{ id: number; settings: Record<string, { holdDays?: number }> | null }>(
    'select id, settings from tenant where slug = $1',
    [slug],
  );
  const s = rows[0]!.settings ?? {};
  return { id: rows[0]!.id, holdDays: s.referralAffiliates?.holdDays ?? s.referralProgram?.holdDays ?? 30 };
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
  const charge = await pool.query<{ status: string }>(
    `with settled as (
       update sandbox_charge set status = $1, settled_at = $2
       where reference = $3 and status = 'pending' returning status)
     select status from settled
     union all
     select status from sandbox_charge where reference = $3 and not exists (select 1 from settled)`,
    ['completed', new Date(), reference],
  );
  const status = charge.rows[0]?.status;
  if (!status) throw new HttpError(404, 'unknown payment');
  const { rows } = await pool.query<PaymentRow>(
    'select * from payment where provider = $1 and provider_reference = $2',
    ['sandbox', reference],
  );
  const payment = rows[0];
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
        // which orders' handler: a shop order has a number
        companion: (n) => ({
          text: `select order_number from customer_order where tenant_id = $${n} and id = $${n + 1}`,
          values: [tenant.id, payment.subject_id],
        }),
      },
    );
    const shopOrder = (companion[0] as { order_number: string | null } | undefined)?.order_number;
    if (!guarded || !shopOrder) throw new HttpError(500, 'the bench settles pending shop orders only');
    await paid(tx, tenant, payment.subject_id, now);
  });
}

/** The shop order paid, then its hooks (no voucher: the affiliate's reads nothing), event and sold counts. */
async function paid(tx: pg.PoolClient, tenant: SettlementTenant, orderId: number, now: Date) {
  const order = await tx.query(
    `update customer_order set status = 'paid', paid_at = $1
     where tenant_id = $2 and id = $3 and status = 'pending_payment'
     returning id, status, subtotal::text, discount::text, shipping_cost::text, shipping_discount::text,
       voucher_code, affiliate_account_id`,
    [now, tenant.id, orderId],
  );
  if (order.rows.length === 0) throw new HttpError(500, `order ${orderId} was not pending`);
  const referral = await tx.query(
    `update affiliate_referral set status = 'confirmed', confirmed_at = $1, available_at = $2
     where tenant_id = $3 and order_id = $4 and status = 'pending'
     returning id, affiliate_id, commission::text`,
    [now, new Date(now.getTime() + tenant.holdDays * DAY_MS), tenant.id, orderId],
  );
  if (referral.rows.length > 0) throw new HttpError(500, 'the bench orders carry no referral');
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
