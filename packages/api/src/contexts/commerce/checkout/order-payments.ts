import { sql } from '../../../kernel/bound-sql.ts';
import { inTransaction, type Scope } from '../../../kernel/scope.ts';
import { Account } from '../../identity/account.entity.ts';
import type { Payment } from '../../payments/payment.entity.ts';
import type { PaymentsService } from '../../payments/payments.service.ts';
import type { OrderCancellation } from '../orders/order-cancellation.ts';
import type { WrittenOrder } from './order-writer.ts';

export interface PlacedOrder {
  order: WrittenOrder;
  payment: Payment;
}

export interface OrderPaymentRequest {
  paymentMethod: string;
  callbackUrl: string | null;
  /** extra details for the gateway (the payment channel the customer chose) */
  details?: Record<string, unknown>;
  /** the buyer's contact details when the caller read them already; otherwise the account is read */
  customer?: { email: string; name: string; phone: string | null };
}

/** The gateway payment of a shop order (purpose `order`), opened once the order is recorded. */
export class OrderPayments {
  readonly #payments: PaymentsService;
  readonly #cancellation: OrderCancellation;

  constructor(deps: { payments: PaymentsService; cancellation: OrderCancellation }) {
    this.#payments = deps.payments;
    this.#cancellation = deps.cancellation;
  }

  /**
   * Opens the gateway payment of a just-recorded order (outside its transaction: a gateway call
   * must not hold row locks). If the gateway refuses, the order is cancelled, stock and voucher back.
   */
  async open(scope: Scope, order: WrittenOrder, input: OrderPaymentRequest): Promise<PlacedOrder> {
    const buyer = input.customer ?? (await scope.em.findOneOrFail(Account, { id: order.account }));
    try {
      const payment = await this.#payments.create(
        scope,
        {
          accountId: order.account,
          purpose: 'order',
          subjectId: order.id,
          amount: order.totalAmount,
          requestedMethod: input.paymentMethod.slice(0, 32),
          callbackUrl: input.callbackUrl,
          description: `Order ${order.orderNumber}`,
          customer: { email: buyer.email, name: buyer.name, phone: buyer.phone ?? null },
          details: { orderNumber: order.orderNumber, ...input.details },
        },
        (paymentId) =>
          sql`update customer_order set payment_id = ${paymentId} where tenant_id = ${scope.tenant.id} and id = ${order.id}`,
      );
      order.paymentId = payment.id;
      return { order, payment };
    } catch (e) {
      await inTransaction(scope, (tx) => this.#cancellation.cancelPending(tx, order.id, 'payment_failed'));
      throw e;
    }
  }
}
