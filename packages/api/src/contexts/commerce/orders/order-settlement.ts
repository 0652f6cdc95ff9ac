import { boundRow, sql } from '../../../kernel/bound-sql.ts';
import type { Scope } from '../../../kernel/scope.ts';
import type { Payment } from '../../payments/payment.entity.ts';
import type { SettlementHandler } from '../../payments/payments.service.ts';
import { AFFILIATED_ORDER_COLUMNS } from './affiliated-orders.ts';
import { type OrdersService, paidWithClaim } from './orders.service.ts';

/** A shop order is the one with an order number. */
const orderNumberOf = (tx: Scope, orderId: number | null | undefined) =>
  sql`select order_number from customer_order where tenant_id = ${tx.tenant.id} and id = ${orderId ?? null}`;

/**
 * The settlement of payment purpose 'order'. One orders table and one payment purpose serve both the
 * MLM orders and the shop's: a shop order is the one with an order number, and its settlement goes
 * to the shop's handler. A completed payment moves its order to paid with its claim (`withClaim`, the
 * same update whichever kind it is), returning its number and what each kind's handler reads of it
 * (the shop's `AFFILIATED_ORDER_COLUMNS`, the MLM lines with their chains); the rare payment whose
 * order had moved already, and a failed one, read the number.
 */
export function orderSettlement(handlers: {
  mlm: SettlementHandler & Pick<OrdersService, 'paidItems'>;
  shop: SettlementHandler;
}): SettlementHandler {
  const handlerOf = (row: { order_number: string | null } | undefined) =>
    row?.order_number ? handlers.shop : handlers.mlm;
  const handlerFor = async (tx: Scope, payment: Payment) =>
    handlerOf(await boundRow(tx, orderNumberOf(tx, payment.subjectId)));
  return {
    withClaim: (tx, payment) =>
      paidWithClaim(
        tx,
        payment.subjectId,
        sql`o.order_number, ${AFFILIATED_ORDER_COLUMNS},
            case when o.order_number is null then ${handlers.mlm.paidItems(tx)} end as items`,
      ),
    completed: async (tx, payment, report, claimRows) => {
      const moved = claimRows?.[0] as { order_number: string | null } | undefined;
      // not moved here: each handler finds nothing to pay (a shop order cancelled meanwhile is owed back)
      const handler = moved ? handlerOf(moved) : await handlerFor(tx, payment);
      return handler.completed(tx, payment, report, claimRows);
    },
    failed: async (tx, payment, report) => (await handlerFor(tx, payment)).failed(tx, payment, report),
  };
}
