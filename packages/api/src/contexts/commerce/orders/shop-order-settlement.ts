import { boundRow, boundRun, sql } from '../../../kernel/bound-sql.ts';
import type { Scope } from '../../../kernel/scope.ts';
import type { Payment } from '../../payments/payment.entity.ts';
import type { SettlementHandler } from '../../payments/payments.service.ts';
import { AFFILIATED_ORDER_COLUMNS, type AffiliatedOrderRow, toAffiliatedOrder } from './affiliated-orders.ts';
import type { OrderCancellation } from './order-cancellation.ts';
import type { OrderHooks } from './order-hooks.ts';

/** A shop order's payment settled: paid → the order is paid; failed or expired → it is cancelled. */
export class ShopOrderSettlement implements SettlementHandler {
  readonly #cancellation: OrderCancellation;
  readonly #hooks: OrderHooks | null;

  constructor(deps: { cancellation: OrderCancellation; hooks?: OrderHooks | null }) {
    this.#cancellation = deps.cancellation;
    this.#hooks = deps.hooks ?? null;
  }

  /**
   * A shop order's payment completed: the order is paid once; a payment for a cancelled order is owed
   * back. `claimRows`: the order as the statement that claimed the payment moved it to paid
   * (`AFFILIATED_ORDER_COLUMNS`; none when it was no longer pending), so it is not updated again.
   */
  async completed(tx: Scope, payment: Payment, _report?: unknown, claimRows?: unknown[]): Promise<void> {
    const orderId = payment.subjectId!;
    // returning what the order hooks read of it (the voucher's affiliate commission)
    const paid = claimRows
      ? (claimRows[0] as AffiliatedOrderRow | undefined)
      : await boundRow<AffiliatedOrderRow>(
          tx,
          sql`update customer_order set status = 'paid', paid_at = ${tx.now}
              where tenant_id = ${tx.tenant.id} and id = ${orderId} and status = 'pending_payment'
              returning ${AFFILIATED_ORDER_COLUMNS}`,
        );
    if (!paid) {
      // Paid after the customer cancelled: the money goes back (a refund the shop must make).
      await boundRun(
        tx,
        sql`update customer_order set refund_due = total_amount
            where tenant_id = ${tx.tenant.id} and id = ${orderId} and status = 'cancelled' and paid_at is null`,
      );
      return;
    }
    await this.#hooks?.onOrderPaid(tx, orderId, toAffiliatedOrder(paid));
    // The timeline's `paid` event and the products' sold counts (catalog's rows, counted up by what
    // the order's lines sold) in one statement, the transaction's last: every settlement of a
    // best-seller updates its row, and the row stays locked until the commit that follows.
    await boundRun(
      tx,
      sql`with event as (
            insert into order_status_event (tenant_id, order_id, status, note, actor_account_id, created_at)
            values (${tx.tenant.id}, ${orderId}, 'paid', null, null, ${tx.now}))
          update product p set sold_count = p.sold_count + x.quantity
          from (select product_id, sum(quantity)::int as quantity from order_item
                where tenant_id = ${tx.tenant.id} and order_id = ${orderId} group by product_id) x
          where p.tenant_id = ${tx.tenant.id} and p.id = x.product_id`,
    );
  }

  /** A shop order's payment failed or expired: the order is cancelled, stock and voucher come back. */
  async failed(tx: Scope, payment: Payment): Promise<void> {
    await this.#cancellation.cancelPending(tx, payment.subjectId!, 'payment_failed');
  }
}
