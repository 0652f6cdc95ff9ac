// POST /orders/confirm-payment by hand on `pg`: the same statements, in the same order, as our
// order service (bind parameters instead of inlined literals), and the same response body.
import type pg from 'pg';
import { HttpError, transaction } from './bare-http.ts';
import { type PaymentRow, settle } from './bare-settle.ts';

const ORDER_LABEL: Record<string, string> = {
  pending_payment: 'Pending Payment',
  paid: 'Paid',
  payment_failed: 'Payment Failed',
};

export async function confirmPayment(
  pool: pg.Pool,
  tenantId: number,
  buyerId: number,
  body: { order_id?: unknown },
) {
  const orderId = Number(body.order_id);
  if (!Number.isSafeInteger(orderId) || orderId < 1) throw new HttpError(400, 'invalid order_id');
  const now = new Date();
  // the order and its payment in one read, as ours
  const order = await pool.query<
    PaymentRow & { order_payment_id: number | null; order_number: string | null }
  >(
    `select o.payment_id as order_payment_id, o.order_number, p.*
     from customer_order o left join payment p on p.tenant_id = o.tenant_id and p.id = o.payment_id and p.purpose = 'order'
     where o.tenant_id = $1 and o.id = $2 and o.account_id = $3`,
    [tenantId, orderId, buyerId],
  );
  const current = order.rows[0];
  if (!current) throw new HttpError(404, 'Order not found');
  if (current.order_payment_id == null) throw new HttpError(400, 'This order has no payment to confirm');
  if (current.id == null) throw new HttpError(404, 'Payment not found');
  if (current.order_number) throw new HttpError(400, 'not a commission order');
  if (current.status === 'pending') {
    const charge = await pool.query<{ status: string }>(
      'select status from sandbox_charge where reference = $1',
      [current.provider_reference],
    );
    const remote = charge.rows[0]?.status;
    if (remote !== 'completed') throw new HttpError(400, `Payment is ${remote ?? 'unknown'}`);
    const posted = await transaction(pool, (tx) => settle(tx, tenantId, current, now));
    // as ours: what this settlement posted is the answer, nothing read back
    if (posted) {
      return {
        order_id: orderId,
        status: ORDER_LABEL.paid,
        commissions_created: posted.commissions,
        total_commission: posted.total,
      };
    }
  } else if (current.status === 'failed') {
    throw new HttpError(400, 'Payment failed');
  }
  // settled before (or by a concurrent confirmation): read what it left
  const refreshed = await pool.query<{ status: string; payment_status: string }>(
    `select o.status, p.status as payment_status from customer_order o join payment p on p.id = o.payment_id
     where o.tenant_id = $1 and o.id = $2`,
    [tenantId, orderId],
  );
  if (refreshed.rows[0]!.payment_status === 'failed') throw new HttpError(400, 'Payment failed');
  const totals = await pool.query<{ count: number; total: string | null }>(
    'select count(*)::int as count, sum(amount)::text as total from commission where tenant_id = $1 and order_id = $2',
    [tenantId, orderId],
  );
  return {
    order_id: orderId,
    status: ORDER_LABEL[refreshed.rows[0]!.status],
    commissions_created: totals.rows[0]?.count ?? 0,
    total_commission: Number(totals.rows[0]?.total ?? 0),
  };
}
