import type { Scope } from '../../../kernel/scope.ts';
import type { SettlementHandler } from '../../payments/payments.service.ts';

/**
 * The settlement of payment purpose 'order'. One orders table and one payment purpose serve both the
 * MLM orders and the shop's: a shop order is the one with an order number, and its settlement goes
 * to the shop's handler.
 */
export function orderSettlement(handlers: {
  mlm: SettlementHandler;
  shop: SettlementHandler;
}): SettlementHandler {
  const handlerFor = async (tx: Scope, orderId: number | null | undefined) => {
    const [row] = await tx.em.execute<{ order_number: string | null }[]>(
      'select order_number from customer_order where tenant_id = ? and id = ?',
      [tx.tenant.id, orderId],
    );
    return row?.order_number ? handlers.shop : handlers.mlm;
  };
  return {
    completed: async (tx, payment, report) =>
      (await handlerFor(tx, payment.subjectId)).completed(tx, payment, report),
    failed: async (tx, payment, report) =>
      (await handlerFor(tx, payment.subjectId)).failed(tx, payment, report),
  };
}
