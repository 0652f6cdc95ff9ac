// The settlement inside POST /orders/confirm-payment: the payment claimed with its ledger entry and
// the order marked paid with its lines and their chains (one statement), then each line's
// commissions posted with their ledger entry (one statement each), as ours.
import type pg from 'pg';
import { type ChainRow, chainFrom, chainJson, distribute, GENERATION_BPS } from './bare-commission.ts';
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
  // the claim, its receipt and the order moved to paid with its lines and each line's chain
  const { guarded, companion } = await ledgerPost(
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
      companion: (n) => ({
        text: `update customer_order o set status = 'paid', paid_at = $${n}
               where o.tenant_id = $${n + 1} and o.id = $${n + 2} and o.status = 'pending_payment'
                 and exists (select 1 from guard)
               returning (select coalesce(json_agg(json_build_object('id', i.id, 'order_id', i.order_id,
                            'product_id', i.product_id, 'quantity', i.quantity, 'amount', i.amount::text,
                            'sponsor_id', i.sponsor_id, 'stockist_id', i.stockist_id,
                            'chain', ${chainJson('i.sponsor_id', 'i.stockist_id', n + 3)}) order by i.id), '[]'::json)
                          from order_item i where i.tenant_id = $${n + 1} and i.order_id = o.id) as items`,
        values: [now, tenantId, payment.subject_id, tenantId, GENERATION_BPS.length],
      }),
    },
  );
  if (!guarded) return null;
  const orderId = payment.subject_id!;
  const moved = companion as { items: { id: number; amount: string; chain: ChainRow[] }[] }[];
  const items = moved[0]?.items ?? [];
  if (items.length === 0) return null;
  const posted = { commissions: 0, total: 0 };
  for (const item of items) {
    const amount = Number(item.amount);
    const { up, stockist } = chainFrom(item.chain);
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
