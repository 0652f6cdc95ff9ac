import { inTransaction, type Scope } from '../../../kernel/scope.ts';
import type { PaymentsService } from '../../payments/payments.service.ts';
import type { OrderCancellation } from './order-cancellation.ts';

/** Shop orders left unpaid: what the `shop-order-expiry` job does for one tenant. */
export class UnpaidOrderExpiry {
  readonly #payments: PaymentsService;
  readonly #cancellation: OrderCancellation;

  constructor(deps: { payments: PaymentsService; cancellation: OrderCancellation }) {
    this.#payments = deps.payments;
    this.#cancellation = deps.cancellation;
  }

  /**
   * Shop orders still unpaid `ttlMinutes` after they were placed: the gateway is asked once more
   * (a payment made meanwhile settles the order as paid), then what is still unpaid is cancelled
   * with reason `payment_expired`, giving its stock and voucher use back. A gateway that cannot be
   * reached leaves the order for the next run. A payment arriving after all is owed back
   * (`refund_due`, as for any payment of a cancelled order). Returns how many were cancelled.
   */
  async expireUnpaid(scope: Scope, ttlMinutes: number, limit = 100): Promise<number> {
    const cutoff = new Date(scope.now.getTime() - ttlMinutes * 60_000);
    const due = await scope.em.execute<{ id: number; payment_id: number | null }[]>(
      `select id, payment_id from customer_order
       where tenant_id = ? and status = 'pending_payment' and order_number is not null and created_at < ?
       order by created_at limit ?`,
      [scope.tenant.id, cutoff, limit],
    );
    let expired = 0;
    for (const order of due) {
      if (order.payment_id !== null) {
        try {
          await this.#payments.settle(scope, order.payment_id);
        } catch {
          continue; // the gateway did not answer: never cancel what may have been paid
        }
      }
      const cancelled = await inTransaction(scope, (tx) =>
        this.#cancellation.cancelPending(tx, order.id, 'payment_expired'),
      );
      if (cancelled) expired++;
    }
    return expired;
  }
}
