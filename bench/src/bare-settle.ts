// The settlement inside POST /orders/confirm-payment: the payment claimed, its ledger entry, the
// order marked paid and each item's commissions posted, with the same statements as ours.
import type pg from 'pg';
import { cardById, distribute, uplines } from './bare-commission.ts';
import { HttpError } from './bare-http.ts';

export interface PaymentRow {
  id: number;
  status: string;
  amount: string;
  provider: string;
  provider_reference: string;
  merchant_reference: string;
  subject_id: number;
}

async function ledgerPost(
  tx: pg.PoolClient,
  tenantId: number,
  now: Date,
  key: string,
  description: string,
  postings: { code: string; kind: string; owner: number | null; amount: number }[],
): Promise<number | null> {
  const entry = await tx.query<{ id: number }>(
    `insert into ledger_entry (tenant_id, idempotency_key, description, created_at) values ($1, $2, $3, $4)
     on conflict (tenant_id, idempotency_key) do nothing returning id`,
    [tenantId, key, description, now],
  );
  const entryId = entry.rows[0]?.id;
  if (entryId === undefined) return null;
  const accounts = [...new Map(postings.map((p) => [p.code, p])).values()];
  await tx.query(
    `insert into ledger_account (tenant_id, code, kind, currency, owner_account_id, created_at)
     values ${accounts.map((_, i) => `($1, $${i * 3 + 3}, $${i * 3 + 4}, 'UGX', $${i * 3 + 5}, $2)`).join(', ')}
     on conflict (tenant_id, code) do nothing`,
    [tenantId, now, ...accounts.flatMap((a) => [a.code, a.kind, a.owner])],
  );
  const accountRows = await tx.query<{ id: number; code: string }>(
    'select id, code from ledger_account where tenant_id = $1 and code = any($2)',
    [tenantId, accounts.map((a) => a.code)],
  );
  const ids = new Map(accountRows.rows.map((r) => [r.code, r.id]));
  await tx.query(
    `insert into ledger_posting (tenant_id, entry_id, ledger_account_id, amount)
     values ${postings.map((_, i) => `($1, $2, $${i * 2 + 3}, $${i * 2 + 4})`).join(', ')}`,
    [tenantId, entryId, ...postings.flatMap((p) => [ids.get(p.code), p.amount])],
  );
  return entryId;
}

export async function settle(tx: pg.PoolClient, tenantId: number, payment: PaymentRow, now: Date) {
  const claimed = await tx.query(
    `update payment set status = $1, paid_at = $2, failed_at = $3
     where tenant_id = $4 and id = $5 and status = 'pending' returning id`,
    ['completed', now, null, tenantId, payment.id],
  );
  if (claimed.rows.length === 0) return;
  const amount = Number(payment.amount);
  await ledgerPost(
    tx,
    tenantId,
    now,
    `payment:${payment.id}:received`,
    `Payment ${payment.merchant_reference} received`,
    [
      { code: `company:clearing:${payment.provider}`, kind: 'asset', owner: null, amount },
      { code: 'company:sales-revenue', kind: 'revenue', owner: null, amount: -amount },
    ],
  );
  const orderId = payment.subject_id!;
  // ours routes the settlement by order kind: a shop order (with an order number) goes to checkout
  const { rows: kind } = await tx.query<{ order_number: string | null }>(
    'select order_number from customer_order where tenant_id = $1 and id = $2',
    [tenantId, orderId],
  );
  if (kind[0]?.order_number) throw new HttpError(400, 'not a commission order');
  const moved = await tx.query(
    `update customer_order set status = $1, paid_at = $2
     where tenant_id = $3 and id = $4 and status = 'pending_payment' returning id`,
    ['paid', now, tenantId, orderId],
  );
  if (moved.rows.length === 0) return;
  const items = await tx.query<{
    id: number;
    amount: string;
    sponsor_id: number | null;
    stockist_id: number | null;
  }>(
    `select id, order_id, product_id, quantity, amount, sponsor_id, stockist_id
     from order_item where tenant_id = $1 and order_id = $2 order by id`,
    [tenantId, orderId],
  );
  for (const item of items.rows) {
    const amount = Number(item.amount);
    const up = item.sponsor_id === null ? [] : await uplines(tx, tenantId, item.sponsor_id);
    const stockist = item.stockist_id === null ? null : await cardById(tx, tenantId, item.stockist_id);
    const d = distribute(amount, up, stockist);
    if (d.lines.length === 0) continue;
    const entryId = await ledgerPost(
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
    );
    if (entryId === null) continue;
    const cols = 12;
    await tx.query(
      `insert into commission (tenant_id, beneficiary_id, kind, level, rate_bps, amount, description, order_id,
                               reference_type, reference_id, ledger_entry_id, created_at)
       values ${d.lines.map((_, i) => `(${Array.from({ length: cols }, (_, j) => `$${i * cols + j + 1}`).join(', ')})`).join(', ')}`,
      d.lines.flatMap((l) => [
        tenantId,
        l.member.id,
        l.kind,
        l.level,
        l.rateBps,
        l.amount,
        `${l.level} Commission from Order #${orderId}`,
        orderId,
        'order',
        item.id,
        entryId,
        now,
      ]),
    );
  }
}
