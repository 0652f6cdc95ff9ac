import { customerCanCancel, DomainError, isShopOrderStatus } from '@komisi/domain';
import { inTransaction, type Scope, toSafeInteger } from '../../../kernel/scope.ts';
import type { ShopStockService } from '../../catalog/shop-stock.service.ts';
import type { VouchersService } from '../vouchers/vouchers.service.ts';
import type { OrderHooks } from './order-hooks.ts';
import { orderQuantities } from './order-stock.ts';
import { recordStatus } from './order-timeline.ts';

interface ShopOrderRow {
  id: number;
  account_id: number;
  status: string;
  total_amount: string | number;
  order_number: string | null;
}

/**
 * Shop orders taken back before they ship: an unpaid order whose payment failed, could not be opened
 * or expired, and the customer's own cancellation. Stock and the voucher use come back in the
 * transaction that cancels.
 */
export class OrderCancellation {
  readonly #vouchers: VouchersService;
  readonly #stock: ShopStockService;
  readonly #hooks: OrderHooks | null;

  constructor(deps: { vouchers: VouchersService; stock: ShopStockService; hooks?: OrderHooks | null }) {
    this.#vouchers = deps.vouchers;
    this.#stock = deps.stock;
    this.#hooks = deps.hooks ?? null;
  }

  /** Cancels an order still pending payment (stock and voucher back); false when it no longer is. */
  async cancelPending(tx: Scope, orderId: number, reason: string): Promise<boolean> {
    const rows = await tx.em.execute<{ id: number }[]>(
      `update customer_order set status = 'cancelled', cancel_reason = ?, cancelled_at = ?
       where tenant_id = ? and id = ? and status = 'pending_payment' returning id`,
      [reason, tx.now, tx.tenant.id, orderId],
    );
    if (rows.length === 0) return false;
    await recordStatus(tx, orderId, 'cancelled', reason);
    await this.#stock.putBack(tx, (await orderQuantities(tx, orderId)).variants);
    await this.#vouchers.release(tx, orderId);
    // a referral recorded when the order was placed earns nothing now
    await this.#hooks?.onOrderReversed(tx, orderId);
    return true;
  }

  /**
   * The customer cancels their own order while it is pending payment or paid. Stock and the voucher
   * use come back; a paid order's affiliate commission is reversed and its total is recorded as a
   * refund due (the shop pays it back; no gateway refund is made here).
   */
  async cancel(scope: Scope, accountId: number, orderNumber: string, reason: string): Promise<void> {
    await inTransaction(scope, async (tx) => {
      const [order] = await tx.em.execute<ShopOrderRow[]>(
        `select id, account_id, status, total_amount, order_number from customer_order
         where tenant_id = ? and account_id = ? and order_number = ? for update`,
        [tx.tenant.id, accountId, orderNumber],
      );
      if (!order) throw new DomainError('NOT_FOUND', 'Order not found');
      const status = order.status;
      if (!isShopOrderStatus(status) || !customerCanCancel(status)) {
        throw new DomainError('INVALID_STATE', `An order that is ${status} cannot be cancelled`, {
          details: { status },
        });
      }
      const wasPaid = status === 'paid';
      await tx.em.execute(
        `update customer_order set status = 'cancelled', cancel_reason = ?, cancelled_at = ?, refund_due = ?
         where tenant_id = ? and id = ?`,
        [reason, tx.now, wasPaid ? toSafeInteger(order.total_amount) : 0, tx.tenant.id, order.id],
      );
      await recordStatus(tx, order.id, 'cancelled', reason, accountId);
      const quantities = await orderQuantities(tx, order.id);
      await this.#stock.putBack(tx, quantities.variants);
      await this.#vouchers.release(tx, order.id);
      if (wasPaid) {
        await this.#stock.countSold(tx, quantities.products, -1);
        await this.#hooks?.onOrderReversed(tx, order.id);
      }
    });
  }
}
