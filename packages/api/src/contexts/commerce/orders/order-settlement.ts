import { boundRow, sql } from '../../../kernel/bound-sql.ts';
import type { Scope } from '../../../kernel/scope.ts';
import type { Payment } from '../../payments/payment.entity.ts';
import type { SettlementHandler } from '../../payments/payments.service.ts';

/** A shop order is the one with an order number. */
const orderNumberOf = (tx: Scope, orderId: number | null | undefined) =>
  sql`select order_number from customer_order where tenant_id = ${tx.tenant.id} and id = ${orderId ?? null}`;

/**
 * The settlement of payment purpose 'order'. One orders table and one payment purpose serve both the
 * MLM orders and the shop's: a shop order is the one with an order number, and its settlement goes
 * to the shop's handler. A completed payment learns which with its claim (`withClaim`), in the same
 * round trip; a failed one reads it.
 */
export function orderSettlement(handlers: {
  mlm: SettlementHandler;
  shop: SettlementHandler;
}): SettlementHandler {
  const handlerOf = (row: { order_number: string | null } | undefined) =>
    row?.order_number ? handlers.shop : handlers.mlm;
  const handlerFor = async (tx: Scope, payment: Payment) =>
    handlerOf(await boundRow(tx.em, orderNumberOf(tx, payment.subjectId)));
  return {
    withClaim: (tx, payment) => orderNumberOf(tx, payment.subjectId),
    completed: async (tx, payment, report, claimRows) => {
      const handler = claimRows
        ? handlerOf(claimRows[0] as { order_number: string | null } | undefined)
        : await handlerFor(tx, payment);
      return handler.completed(tx, payment, report);
    },
    failed: async (tx, payment, report) => (await handlerFor(tx, payment)).failed(tx, payment, report),
  };
}
