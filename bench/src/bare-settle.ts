// The settlement inside POST /orders/confirm-payment: the payment claimed with its ledger entry, the
// order marked paid with its items listed, and each item's commissions posted with their ledger
// entry, with the same statements as ours.
import type pg from 'pg';
import { distribute, saleChain } from './bare-commission.ts';
import { HttpError } from './bare-http.ts';
import { ledgerPost } from './bare-ledger.ts';

export interface PaymentRow {
  id: number;
  status: string;
  amount: string;
  provider: string;
  provider_reference: string;
  merchant_reference: string;
  subject_id: number;
}

/** What the settlement posted, or null when it found the payment or the order already moved. */
export async function settle(
  tx: pg.PoolClient,
  tenantId: number,
  payment: PaymentRow,
  now: Date,
): Promise<{ commissions: number; total: number } | null> {
  const amount = Number(payment.amount);
  const { guarded } = await ledgerPost(
    tx,
    tenantId,
    now,
    `payment:${payment.id}:received`,
    `Payment ${payment.merchant_reference} received`,
    [
      { code: `company:clearing:${payment.provider}`, kind: 'asset', owner: null, amount },
      { code: 'company:sales-revenue', kind: 'revenue', owner: null, amount: -amount },
    ],
    {
      guard: (n) => ({
        text: `update payment set status = $${n}, paid_at = $${n + 1}, failed_at = $${n + 2}
               where tenant_id = $${n + 3} and id = $${n + 4} and status = 'pending' returning id`,
        values: ['completed', now, null, tenantId, payment.id],
      }),
    },
  );
  if (!guarded) return null;
  const orderId = payment.subject_id!;
  // ours routes the settlement by order kind: a shop order (with an order number) goes to checkout
  const { rows: kind } = await tx.query<{ order_number: string | null }>(
    'select order_number from customer_order where tenant_id = $1 and id = $2',
    [tenantId, orderId],
  );
  if (kind[0]?.order_number) throw new HttpError(400, 'not a commission order');
  const items = await tx.query<{
    id: number;
    amount: string;
    sponsor_id: number | null;
    stockist_id: number | null;
  }>(
    `with moved as (update customer_order set status = $1, paid_at = $2
                    where tenant_id = $3 and id = $4 and status = 'pending_payment' returning id)
     select i.id, i.order_id, i.product_id, i.quantity, i.amount, i.sponsor_id, i.stockist_id
     from order_item i join moved on moved.id = i.order_id where i.tenant_id = $5 order by i.id`,
    ['paid', now, tenantId, orderId, tenantId],
  );
  if (items.rows.length === 0) return null;
  const posted = { commissions: 0, total: 0 };
  for (const item of items.rows) {
    const amount = Number(item.amount);
    const { up, stockist } = await saleChain(tx, tenantId, item.sponsor_id, item.stockist_id);
    const d = distribute(amount, up, stockist);
    if (d.lines.length === 0) continue;
    const { entryId } = await ledgerPost(
      tx,
      tenantId,
      now,
      `order-item:${item.id}:commissions`,
      `Commissions from Order #${orderId}`,
      [
        { code: 'company:commission-expense', kind: 'expense', owner: null, amount: d.totalAmount },
        ...d.lines.map((l) => ({
          code: `member:${l.member.id}:commissions`,
          kind: 'liability',
          owner: l.member.id,
          amount: -l.amount,
        })),
      ],
      {
        alongside: (n) => ({
          text: `insert into commission (tenant_id, beneficiary_id, kind, level, rate_bps, amount, description,
                   order_id, reference_type, reference_id, ledger_entry_id, created_at)
                 select $${n}, c.beneficiary_id, c.kind, c.level, c.rate_bps, c.amount, c.description,
                        $${n + 1}, 'order', $${n + 2}, entry.id, $${n + 3}
                 from entry, unnest($${n + 4}::int[], $${n + 5}::text[], $${n + 6}::text[], $${n + 7}::int[],
                                    $${n + 8}::bigint[], $${n + 9}::text[])
                      with ordinality as c(beneficiary_id, kind, level, rate_bps, amount, description, n)
                 order by c.n`,
          values: [
            tenantId,
            orderId,
            item.id,
            now,
            d.lines.map((l) => l.member.id),
            d.lines.map((l) => l.kind),
            d.lines.map((l) => l.level),
            d.lines.map((l) => l.rateBps),
            d.lines.map((l) => l.amount),
            d.lines.map((l) => `${l.level} Commission from Order #${orderId}`),
          ],
        }),
      },
    );
    if (entryId === null) return null;
    posted.commissions += d.lines.length;
    posted.total += d.totalAmount;
  }
  return posted;
}
