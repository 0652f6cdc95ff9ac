import type { Scope } from '../../../kernel/scope.ts';
import type { ShopStockService } from '../../catalog/shop-stock.service.ts';
import type { Payment } from '../../payments/payment.entity.ts';
import type { SettlementHandler } from '../../payments/payments.service.ts';
import type { OrderCancellation } from './order-cancellation.ts';
import type { OrderHooks } from './order-hooks.ts';
import { orderQuantities } from './order-stock.ts';
import { recordStatus } from './order-timeline.ts';

/** A shop order's payment settled: paid → the order is paid; failed or expired → it is cancelled. */
export class ShopOrderSettlement implements SettlementHandler {
  readonly #cancellation: OrderCancellation;
  readonly #stock: ShopStockService;
  readonly #hooks: OrderHooks | null;

  constructor(deps: { cancellation: OrderCancellation; stock: ShopStockService; hooks?: OrderHooks | null }) {
    this.#cancellation = deps.cancellation;
    this.#stock = deps.stock;
    this.#hooks = deps.hooks ?? null;
  }

  /** A shop order's payment completed: the order is paid once; a payment for a cancelled order is owed back. */
  async completed(tx: Scope, payment: Payment): Promise<void> {
    const orderId = payment.subjectId!;
    const paid = await tx.em.execute<{ id: number }[]>(
      `update customer_order set status = 'paid', paid_at = ?
       where tenant_id = ? and id = ? and status = 'pending_payment' returning id`,
      [tx.now, tx.tenant.id, orderId],
    );
    if (paid.length === 0) {
      // Paid after the customer cancelled: the money goes back (a refund the shop must make).
      await tx.em.execute(
        `update customer_order set refund_due = total_amount
         where tenant_id = ? and id = ? and status = 'cancelled' and paid_at is null`,
        [tx.tenant.id, orderId],
      );
      return;
    }
    await recordStatus(tx, orderId, 'paid');
    await this.#stock.countSold(tx, (await orderQuantities(tx, orderId)).products, +1);
    await this.#hooks?.onOrderPaid(tx, orderId);
  }

  /** A shop order's payment failed or expired: the order is cancelled, stock and voucher come back. */
  async failed(tx: Scope, payment: Payment): Promise<void> {
    await this.#cancellation.cancelPending(tx, payment.subjectId!, 'payment_failed');
  }
}
