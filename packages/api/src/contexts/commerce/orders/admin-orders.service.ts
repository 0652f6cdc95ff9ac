import {
  assertTransition,
  DomainError,
  type FulfilmentStatus,
  fieldError,
  isShopOrderStatus,
  type PageWindow,
  pageWindow,
  type ShopOrderStatus,
} from '@komisi/domain';
import { type EntityData, LockMode } from '@mikro-orm/core';
import { inTransaction, type Scope } from '../../../kernel/scope.ts';
import type { ShopStockService } from '../../catalog/shop-stock.service.ts';
import { Account } from '../../identity/account.entity.ts';
import type { VouchersService } from '../vouchers/vouchers.service.ts';
import { Order } from './order.entity.ts';
import type { OrderHooks } from './order-hooks.ts';
import { orderQuantities } from './order-stock.ts';
import { recordStatus, type TimelineEvent, timelineOf } from './order-timeline.ts';
import { orderDetail, type ShopOrderDetail } from './shop-orders.service.ts';

/** A refund from these puts the stock back: the goods never left the warehouse. */
const NOT_SHIPPED: readonly ShopOrderStatus[] = ['paid', 'processing'];
/** Orders whose goods went out with a courier: their tracking number may be corrected. */
const TRACKED: readonly ShopOrderStatus[] = ['shipped', 'delivered'];

export interface StatusMove {
  status: FulfilmentStatus;
  note: string | null;
  /** required when moving to shipped (unless `trackingOptional`), refused otherwise */
  trackingNumber: string | null;
  /** goods that are handed over rather than posted (qurban distribution) have no tracking number */
  trackingOptional?: boolean;
}

export interface AdminOrderSummary {
  order: Order;
  customer: Account | null;
}

export interface AdminOrderDetail extends ShopOrderDetail {
  customer: Account | null;
  timeline: TimelineEvent[];
}

/**
 * The shop's side of its orders (those with an order number): every customer's orders, the
 * fulfilment moves and refunds. Each change locks the order row, checks the domain's status machine,
 * applies itself by a conditional update and writes the timeline in the same transaction, so of
 * concurrent changes only those still allowed after the one before apply.
 */
export class AdminOrdersService {
  readonly #vouchers: VouchersService;
  readonly #stock: ShopStockService;
  readonly #hooks: OrderHooks | null;

  constructor(deps: { vouchers: VouchersService; stock: ShopStockService; hooks?: OrderHooks | null }) {
    this.#vouchers = deps.vouchers;
    this.#stock = deps.stock;
    this.#hooks = deps.hooks ?? null;
  }

  async list(
    scope: Scope,
    q: { page: number; limit: number; status?: ShopOrderStatus | undefined },
  ): Promise<{ orders: AdminOrderSummary[]; window: PageWindow }> {
    pageWindow(0, q.page, q.limit); // validates page and limit before any query
    const where = { orderNumber: { $ne: null }, ...(q.status && { status: q.status }) };
    const total = await scope.em.count(Order, where);
    const window = pageWindow(total, q.page, q.limit);
    const orders = await scope.em.find(Order, where, {
      orderBy: { createdAt: 'desc', id: 'desc' },
      limit: window.limit,
      offset: window.offset,
    });
    const accountIds = [...new Set(orders.map((o) => o.account))];
    const accounts = accountIds.length ? await scope.em.find(Account, { id: { $in: accountIds } }) : [];
    const byId = new Map(accounts.map((a) => [a.id, a]));
    return { orders: orders.map((order) => ({ order, customer: byId.get(order.account) ?? null })), window };
  }

  async detail(scope: Scope, orderNumber: string): Promise<AdminOrderDetail> {
    // refresh: a change made in a transaction a moment ago must show, whatever this scope cached.
    const order = await scope.em.findOne(Order, { orderNumber }, { refresh: true });
    if (!order) throw notFound();
    const detail = await orderDetail(scope, order);
    const customer = await scope.em.findOne(Account, { id: order.account });
    return { ...detail, customer, timeline: await timelineOf(scope, order.id) };
  }

  /** processing, shipped (with its tracking number) or delivered, as the status machine allows. */
  async move(scope: Scope, actorId: number, orderNumber: string, input: StatusMove): Promise<void> {
    const trackingNumber = input.trackingNumber?.trim() || null;
    if (input.status === 'shipped' && !trackingNumber && !input.trackingOptional) {
      throw fieldError('tracking_number', 'is required when the status is shipped');
    }
    if (input.status !== 'shipped' && input.trackingNumber !== null) {
      throw fieldError('tracking_number', 'is only accepted when the status is shipped');
    }
    await inTransaction(scope, async (tx) => {
      const order = await lockShopOrder(tx, orderNumber);
      const from = shopStatus(order);
      assertTransition(from, input.status);
      await applyMove(tx, order, from, {
        status: input.status,
        ...(trackingNumber && { trackingNumber }),
      });
      await recordStatus(tx, order.id, input.status, input.note, actorId);
    });
  }

  /**
   * Corrects the tracking number of an order on its way or delivered (a mistyped number, a new waybill
   * after a courier swap). The status stays; the timeline gets a `tracking_updated` event naming the old
   * number, so the change has a who and a when like every other.
   */
  async setTracking(
    scope: Scope,
    actorId: number,
    orderNumber: string,
    trackingNumber: string,
    note: string | null,
  ): Promise<void> {
    const next = trackingNumber.trim();
    if (!next) throw fieldError('tracking_number', 'is required');
    await inTransaction(scope, async (tx) => {
      const order = await lockShopOrder(tx, orderNumber);
      const status = shopStatus(order);
      if (!TRACKED.includes(status)) {
        throw new DomainError('INVALID_STATE', `An order that is ${status} has no shipment to track`, {
          details: { status },
        });
      }
      const previous = order.trackingNumber ?? null;
      if (previous === next) return;
      await applyMove(tx, order, status, { trackingNumber: next });
      const was = `was ${previous ?? 'none'}`;
      await recordStatus(tx, order.id, 'tracking_updated', note ? `${note} (${was})` : was, actorId);
    });
  }

  /**
   * Refunds a paid order (paid, processing, shipped or delivered): the total becomes `refundDue` (the
   * shop pays it back at the gateway; no gateway refund is made here), the voucher use is voided, the
   * sale leaves `sold_count` and the affiliate commission is reversed. Stock comes back only when the
   * order had not shipped; shipped goods come back, if at all, through a return the shop handles.
   */
  async refund(scope: Scope, actorId: number, orderNumber: string, reason: string): Promise<void> {
    await inTransaction(scope, async (tx) => {
      const order = await lockShopOrder(tx, orderNumber);
      const from = shopStatus(order);
      assertTransition(from, 'refunded');
      await applyMove(tx, order, from, {
        status: 'refunded',
        refundDue: order.totalAmount,
        refundedAt: tx.now,
      });
      const quantities = await orderQuantities(tx, order.id);
      if (NOT_SHIPPED.includes(from)) await this.#stock.putBack(tx, quantities.variants);
      await this.#vouchers.release(tx, order.id);
      await this.#stock.countSold(tx, quantities.products, -1);
      await this.#hooks?.onOrderReversed(tx, order.id);
      await recordStatus(tx, order.id, 'refunded', reason, actorId);
    });
  }
}

const notFound = () => new DomainError('NOT_FOUND', 'Order not found');

/** The shop order, its row locked until the transaction ends (concurrent changes queue here). */
async function lockShopOrder(tx: Scope, orderNumber: string): Promise<Order> {
  const order = await tx.em.findOne(
    Order,
    { orderNumber },
    { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
  );
  if (!order) throw notFound();
  return order;
}

function shopStatus(order: Order): ShopOrderStatus {
  if (!isShopOrderStatus(order.status)) {
    throw new DomainError('INVALID_STATE', `An order that is ${order.status} cannot be changed`, {
      details: { status: order.status },
    });
  }
  return order.status;
}

/** The change applies only if the order is still in `from`; under the row lock it always is. */
async function applyMove(tx: Scope, order: Order, from: ShopOrderStatus, changes: EntityData<Order>) {
  const changed = await tx.em.nativeUpdate(Order, { id: order.id, status: from }, changes);
  if (changed !== 1) {
    throw new DomainError('INVALID_STATE', 'The order was changed meanwhile; reload it and try again', {
      details: { status: from },
    });
  }
}
