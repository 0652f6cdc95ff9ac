import { DomainError, isDomainError, multiply, pageWindow, validationError } from '@komisi/domain';
import { inTransaction, type Scope, toSafeInteger } from '../../../kernel/scope.ts';
import type { CatalogService } from '../../catalog/catalog.service.ts';
import { Product } from '../../catalog/product.entity.ts';
import { Account } from '../../identity/account.entity.ts';
import type { CommissionsService } from '../../network/commissions.service.ts';
import { Member } from '../../network/member.entity.ts';
import type { Payment } from '../../payments/payment.entity.ts';
import type { PaymentsService, SettlementHandler } from '../../payments/payments.service.ts';
import { Order, type OrderStatus } from './order.entity.ts';
import { OrderItem } from './order-item.entity.ts';

export interface NewOrder {
  productId: number;
  quantity: number;
  sponsorAccountId: number | null;
  stockistAccountId: number | null;
  paymentMethod: string;
  callbackUrl: string | null;
}

interface ItemRow {
  id: number;
  order_id: number;
  product_id: number;
  quantity: number;
  amount: string | number;
  sponsor_id: number | null;
  stockist_id: number | null;
}

export interface ConfirmedOrder {
  order: Order;
  commissionsCreated: number;
  totalCommission: number;
}

/** Price × quantity; a total too large to be exact is the quantity's fault, reported as such. */
export function saleTotal(unitPrice: number, quantity: number): number {
  try {
    return multiply(unitPrice, quantity);
  } catch (e) {
    if (isDomainError(e)) throw validationError({ quantity: ['The total for this quantity is too large.'] });
    throw e;
  }
}

/** Single-product orders that pay stockist and generation commissions once paid. */
export class OrdersService implements SettlementHandler {
  readonly #catalog: CatalogService;
  readonly #payments: PaymentsService;
  readonly #commissions: CommissionsService;

  constructor(catalog: CatalogService, payments: PaymentsService, commissions: CommissionsService) {
    this.#catalog = catalog;
    this.#payments = payments;
    this.#commissions = commissions;
  }

  /** Reserves stock and records the order, then opens the payment; a failed opening gives the stock back. */
  async create(scope: Scope, buyerId: number, input: NewOrder) {
    const { order, item, buyer } = await inTransaction(scope, (tx) => this.#record(tx, buyerId, input));
    try {
      const payment = await this.#payments.create(scope, {
        accountId: buyerId,
        purpose: 'order',
        subjectId: order.id,
        amount: order.totalAmount,
        requestedMethod: input.paymentMethod,
        callbackUrl: input.callbackUrl,
        description: `Order #${order.id}: ${item.productName} x ${item.quantity}`,
        customer: { email: buyer.email, name: buyer.name, phone: buyer.phone ?? null },
      });
      await scope.em.nativeUpdate(Order, { id: order.id }, { paymentId: payment.id });
      order.paymentId = payment.id;
      return { order, item, payment };
    } catch (e) {
      await inTransaction(scope, async (tx) => {
        await this.#catalog.releaseStock(tx, item.product, item.quantity);
        await tx.em.nativeUpdate(Order, { id: order.id }, { status: 'payment_failed' });
      });
      throw e;
    }
  }

  async #record(tx: Scope, buyerId: number, input: NewOrder) {
    const product = await tx.em.findOne(Product, { id: input.productId });
    if (!product) throw validationError({ product_id: ['The selected product does not exist.'] });
    const amount = saleTotal(product.price, input.quantity);
    await this.#catalog.reserveStock(tx, product.id, input.quantity);
    const buyer = await tx.em.findOneOrFail(Account, { id: buyerId });
    const member = await tx.em.findOne(Member, { account: buyerId });
    const order = tx.em.create(Order, {
      tenant: tx.tenant.id,
      account: buyerId,
      totalAmount: amount,
      currency: tx.tenant.currency,
      paymentMethod: input.paymentMethod,
      customerName: buyer.name,
      customerPhone: buyer.phone ?? null,
      customerAddress: member?.address ?? null,
      createdAt: tx.now,
    });
    await tx.em.flush();
    const item = tx.em.create(OrderItem, {
      tenant: tx.tenant.id,
      order: order.id,
      product: product.id,
      productName: product.name,
      productImage: product.featurePhoto ?? null,
      unitPrice: product.price,
      quantity: input.quantity,
      amount,
      sponsor: input.sponsorAccountId,
      stockist: input.stockistAccountId,
    });
    await tx.em.flush();
    return { order, item, buyer };
  }

  /** Settles the order's payment with the provider and reports what was posted. */
  async confirmPayment(
    scope: Scope,
    buyerId: number,
    orderId: number,
    transactionReference?: string,
  ): Promise<ConfirmedOrder> {
    const order = await this.ownOrder(scope, buyerId, orderId);
    if (order.paymentId == null)
      throw new DomainError('PAYMENT_FAILED', 'This order has no payment to confirm');
    const pending = await this.#payments.find(scope, order.paymentId, 'order');
    if (transactionReference && transactionReference !== pending.providerReference) {
      throw validationError({
        transaction_reference: ['The transaction reference does not match this order.'],
      });
    }
    const payment = await this.#payments.settle(scope, pending.id);
    if (payment.status === 'pending') {
      throw new DomainError('PAYMENT_PENDING', 'Payment has not been completed yet', {
        fields: { transaction_reference: ['The payment provider reports this payment as pending.'] },
      });
    }
    if (payment.status === 'failed') {
      throw new DomainError('PAYMENT_FAILED', 'Payment failed', {
        fields: { transaction_reference: ['The payment provider reports this payment as failed.'] },
      });
    }
    await scope.em.refresh(order);
    const totals = await this.#commissions.totalsForOrder(scope, order.id);
    return { order, commissionsCreated: totals.count, totalCommission: totals.total };
  }

  async completed(tx: Scope, payment: Payment): Promise<void> {
    if (!(await this.#leavePending(tx, payment.subjectId!, 'paid'))) return;
    for (const item of await this.#itemsOf(tx, payment.subjectId!)) {
      await this.#commissions.postSale(tx, {
        orderId: item.order_id,
        itemId: item.id,
        amount: toSafeInteger(item.amount),
        sponsorAccountId: item.sponsor_id,
        stockistAccountId: item.stockist_id,
      });
    }
  }

  async failed(tx: Scope, payment: Payment): Promise<void> {
    if (!(await this.#leavePending(tx, payment.subjectId!, 'payment_failed'))) return;
    for (const item of await this.#itemsOf(tx, payment.subjectId!)) {
      await this.#catalog.releaseStock(tx, item.product_id, item.quantity);
    }
  }

  /** Moves a pending order on; false when it had already moved (the row lock orders concurrent callers). */
  async #leavePending(tx: Scope, orderId: number, status: 'paid' | 'payment_failed'): Promise<boolean> {
    const rows = await tx.em.execute<{ id: number }[]>(
      `update customer_order set status = ?, paid_at = ?
       where tenant_id = ? and id = ? and status = 'pending_payment' returning id`,
      [status, status === 'paid' ? tx.now : null, tx.tenant.id, orderId],
    );
    return rows.length > 0;
  }

  #itemsOf(tx: Scope, orderId: number) {
    return tx.em.execute<ItemRow[]>(
      `select id, order_id, product_id, quantity, amount, sponsor_id, stockist_id
       from order_item where tenant_id = ? and order_id = ? order by id`,
      [tx.tenant.id, orderId],
    );
  }

  /** The buyer's own order; anyone else's is reported as not found. */
  async ownOrder(scope: Scope, buyerId: number, orderId: number): Promise<Order> {
    const order = await scope.em.findOne(Order, { id: orderId, account: buyerId });
    if (!order) throw new DomainError('NOT_FOUND', 'Order not found');
    return order;
  }

  async items(scope: Scope, orderIds: number[]): Promise<OrderItem[]> {
    if (orderIds.length === 0) return [];
    return scope.em.find(OrderItem, { order: { $in: orderIds } }, { orderBy: { id: 'asc' } });
  }

  /**
   * Every member's orders for administrators, newest first: single-product (MLM) orders only, of one
   * status, one buyer and a creation period (`until` exclusive) when given.
   */
  async listAll(
    scope: Scope,
    filter: {
      status?: OrderStatus | undefined;
      buyerId?: number | undefined;
      from: Date | null;
      until: Date | null;
    },
    page: number,
    perPage: number,
  ) {
    pageWindow(0, page, perPage); // validates page and per_page before any query
    const where = {
      orderNumber: null,
      ...(filter.status && { status: filter.status }),
      ...(filter.buyerId !== undefined && { account: filter.buyerId }),
      ...((filter.from || filter.until) && {
        createdAt: { ...(filter.from && { $gte: filter.from }), ...(filter.until && { $lt: filter.until }) },
      }),
    };
    const total = await scope.em.count(Order, where);
    const window = pageWindow(total, page, perPage);
    const orders = await scope.em.find(Order, where, {
      orderBy: { createdAt: 'desc', id: 'desc' },
      limit: window.limit,
      offset: window.offset,
    });
    return { orders, window };
  }

  /** Any member's order (administrators); a shop order or another tenant's is not found. */
  async anyOrder(scope: Scope, orderId: number): Promise<Order> {
    const order = await scope.em.findOne(Order, { id: orderId, orderNumber: null });
    if (!order) throw new DomainError('NOT_FOUND', 'Order not found');
    return order;
  }

  async list(scope: Scope, buyerId: number, status: OrderStatus | undefined, page: number, perPage: number) {
    const where = { account: buyerId, ...(status && { status }) };
    const total = await scope.em.count(Order, where);
    const window = pageWindow(total, page, perPage);
    const orders = await scope.em.find(Order, where, {
      orderBy: { createdAt: 'desc', id: 'desc' },
      limit: window.limit,
      offset: window.offset,
    });
    return { orders, window };
  }
}
