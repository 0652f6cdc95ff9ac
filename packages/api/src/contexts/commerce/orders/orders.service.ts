import { DomainError, isDomainError, multiply, pageWindow, validationError } from '@komisi/domain';
import type { RawBuilder } from 'kysely';
import { boundRow, boundRows, sql } from '../../../kernel/bound-sql.ts';
import { inTransaction, type Scope, toSafeInteger } from '../../../kernel/scope.ts';
import type { CatalogService } from '../../catalog/catalog.service.ts';
import { Product } from '../../catalog/product.entity.ts';
import { Account } from '../../identity/account.entity.ts';
import type { CommissionsService } from '../../network/commissions.service.ts';
import { Member } from '../../network/member.entity.ts';
import type { SaleChainRow } from '../../network/member-directory.ts';
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

/** What a paid order's settlement posted. */
interface PaidOrder {
  commissionsCreated: number;
  totalCommission: number;
}

export interface ConfirmedOrder extends PaidOrder {
  orderId: number;
  status: OrderStatus;
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
/**
 * An order moved to paid in its payment's claim statement, only when the claim holds (it reads the
 * statement's `guard`), returning `returning` (what the settlement's handler reads of the order `o`).
 */
export function paidWithClaim(tx: Scope, orderId: number | null | undefined, returning: RawBuilder<unknown>) {
  return sql`update customer_order o set status = 'paid', paid_at = ${tx.now}
    where o.tenant_id = ${tx.tenant.id} and o.id = ${orderId ?? null} and o.status = 'pending_payment'
      and exists (select 1 from guard)
    returning ${returning}`;
}

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

  /**
   * Settles the order's payment with the provider and reports what was posted: from what the
   * settling transaction returned when this call settled it, else read (settled before, or by a
   * concurrent call this one queued behind).
   */
  async confirmPayment(
    scope: Scope,
    buyerId: number,
    orderId: number,
    transactionReference?: string,
  ): Promise<ConfirmedOrder> {
    const t = scope.tenant.id;
    // the order and its payment in one read
    const row = await boundRow<
      Record<string, unknown> & { order_payment_id: number | null; order_number: string | null }
    >(
      scope,
      sql`select o.payment_id as order_payment_id, o.order_number, p.*
          from customer_order o
          left join payment p on p.tenant_id = o.tenant_id and p.id = o.payment_id and p.purpose = 'order'
          where o.tenant_id = ${t} and o.id = ${orderId} and o.account_id = ${buyerId}`,
    );
    if (!row) throw new DomainError('NOT_FOUND', 'Order not found');
    const { order_payment_id, order_number, ...paymentRow } = row;
    if (order_payment_id == null)
      throw new DomainError('PAYMENT_FAILED', 'This order has no payment to confirm');
    const pending = this.#payments.fromRow(scope, paymentRow);
    if (transactionReference && transactionReference !== pending.providerReference) {
      throw validationError({
        transaction_reference: ['The transaction reference does not match this order.'],
      });
    }
    // an order without an order number is ours (the shop's have one): this service settles it directly
    const settled = await this.#payments.settleLoaded(
      scope,
      pending,
      order_number === null ? this : undefined,
    );
    if (settled.settledHere && settled.status === 'completed' && settled.outcome) {
      return { orderId, status: 'paid', ...(settled.outcome as PaidOrder) };
    }
    let paymentStatus = settled.status;
    let status: OrderStatus | undefined;
    if (paymentStatus === null || paymentStatus === 'completed') {
      const row = await boundRow<{ status: OrderStatus; payment_status: Payment['status'] }>(
        scope,
        sql`select o.status, p.status as payment_status from customer_order o join payment p on p.id = o.payment_id
            where o.tenant_id = ${t} and o.id = ${orderId}`,
      );
      paymentStatus = row!.payment_status;
      status = row!.status;
    }
    if (paymentStatus === 'pending') {
      throw new DomainError('PAYMENT_PENDING', 'Payment has not been completed yet', {
        fields: { transaction_reference: ['The payment provider reports this payment as pending.'] },
      });
    }
    if (paymentStatus === 'failed') {
      throw new DomainError('PAYMENT_FAILED', 'Payment failed', {
        fields: { transaction_reference: ['The payment provider reports this payment as failed.'] },
      });
    }
    const totals = await this.#commissions.totalsForOrder(scope, orderId);
    return { orderId, status: status!, commissionsCreated: totals.count, totalCommission: totals.total };
  }

  /**
   * Sent with the payment's claim: the order moved to paid, returning its lines, each with its sale's
   * chain (who earns), so the commissions need no other read.
   */
  withClaim(tx: Scope, payment: Payment) {
    return paidWithClaim(tx, payment.subjectId, sql`${this.paidItems(tx)} as items`);
  }

  /**
   * What `completed` reads of an order moved to paid (`o`), as an expression of a `returning` list:
   * its lines as JSON, each with its sale's chain.
   */
  paidItems(tx: Scope) {
    const t = tx.tenant.id;
    const chain = this.#commissions.chainJson(tx, sql.ref('i.sponsor_id'), sql.ref('i.stockist_id'));
    return sql`(select coalesce(json_agg(json_build_object('id', i.id, 'order_id', i.order_id,
                   'product_id', i.product_id, 'quantity', i.quantity, 'amount', i.amount::text,
                   'sponsor_id', i.sponsor_id, 'stockist_id', i.stockist_id, 'chain', ${chain}) order by i.id), '[]'::json)
                 from order_item i where i.tenant_id = ${t} and i.order_id = o.id)`;
  }

  /**
   * Moves the order to paid (done already when `claimRows`, from `withClaim`, are given) and posts
   * each line's commissions; what it posted, or null when the order had moved already.
   */
  async completed(
    tx: Scope,
    payment: Payment,
    _report?: unknown,
    claimRows?: unknown[],
  ): Promise<PaidOrder | null> {
    const moved = claimRows as { items: (ItemRow & { chain?: SaleChainRow[] })[] }[] | undefined;
    const items: (ItemRow & { chain?: SaleChainRow[] })[] | null = moved
      ? (moved[0]?.items ?? null)
      : await this.#leavePending(tx, payment.subjectId!, 'paid');
    if (!items?.length) return null;
    const paid: PaidOrder = { commissionsCreated: 0, totalCommission: 0 };
    for (const item of items) {
      const lines = await this.#commissions.postSale(
        tx,
        {
          orderId: item.order_id,
          itemId: item.id,
          amount: toSafeInteger(item.amount),
          sponsorAccountId: item.sponsor_id,
          stockistAccountId: item.stockist_id,
        },
        item.chain,
      );
      // a line posted before (never, for an order that was pending until now) is not known here
      if (lines === null) return null;
      paid.commissionsCreated += lines.length;
      paid.totalCommission += lines.reduce((sum, l) => sum + l.amount, 0);
    }
    return paid;
  }

  async failed(tx: Scope, payment: Payment): Promise<void> {
    const items = await this.#leavePending(tx, payment.subjectId!, 'payment_failed');
    for (const item of items ?? []) {
      await this.#catalog.releaseStock(tx, item.product_id, item.quantity);
    }
  }

  /**
   * Moves a pending order on and lists its lines, in one statement; null when it had already moved
   * (the row lock orders concurrent callers) or has no lines.
   */
  async #leavePending(
    tx: Scope,
    orderId: number,
    status: 'paid' | 'payment_failed',
  ): Promise<ItemRow[] | null> {
    const t = tx.tenant.id;
    const items = await boundRows<ItemRow>(
      tx,
      sql`with moved as (update customer_order set status = ${status}, paid_at = ${status === 'paid' ? tx.now : null}
                         where tenant_id = ${t} and id = ${orderId} and status = 'pending_payment' returning id)
          select i.id, i.order_id, i.product_id, i.quantity, i.amount, i.sponsor_id, i.stockist_id
          from order_item i join moved on moved.id = i.order_id where i.tenant_id = ${t} order by i.id`,
    );
    return items.length > 0 ? items : null;
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
