import { DomainError, type PageWindow, pageWindow, type ShopListStatus } from '@komisi/domain';
import type { Scope } from '../../../kernel/scope.ts';
import { Account } from '../../identity/account.entity.ts';
import { Payment } from '../../payments/payment.entity.ts';
import { SHOP_TIME_ZONE } from '../checkout/order-numbers.ts';
import { renderInvoicePdf } from '../invoice/invoice.pdf.ts';
import { Order } from './order.entity.ts';
import { OrderItem } from './order-item.entity.ts';
import { type TimelineEvent, timelineOf } from './order-timeline.ts';

export type PaymentState = 'unpaid' | 'paid' | 'failed' | 'refunded';

/** unpaid until paid; refunded once refunded; failed when the payment failed; a paid order cancelled stays paid. */
export function paymentStatusOf(order: Pick<Order, 'status' | 'paidAt' | 'cancelReason'>): PaymentState {
  if (order.status === 'refunded') return 'refunded';
  if (order.status === 'payment_failed') return 'failed';
  if (order.status === 'cancelled') {
    if (order.paidAt) return 'paid';
    return order.cancelReason === 'payment_failed' ? 'failed' : 'unpaid';
  }
  return order.status === 'pending_payment' ? 'unpaid' : 'paid';
}

export interface ShopOrderDetail {
  order: Order;
  items: OrderItem[];
  payment: Payment | null;
}

/** An order with its items (in order) and its payment, if one was opened. */
export async function orderDetail(scope: Scope, order: Order): Promise<ShopOrderDetail> {
  const items = await scope.em.find(OrderItem, { order: order.id }, { orderBy: { id: 'asc' } });
  const payment = order.paymentId ? await scope.em.findOne(Payment, { id: order.paymentId }) : null;
  return { order, items, payment };
}

/** The customer's shop orders (the ones with an order number): list, detail and invoice. */
export class ShopOrdersService {
  async list(
    scope: Scope,
    accountId: number,
    q: {
      page: number;
      limit: number;
      status?: ShopListStatus | 'refunded' | undefined;
      /** with status cancelled: only orders whose payment failed (true) or only the others (false) */
      paymentFailed?: boolean | undefined;
      sort: 'newest' | 'oldest';
    },
  ): Promise<{ orders: { order: Order; items: OrderItem[] }[]; window: PageWindow }> {
    pageWindow(0, q.page, q.limit); // validates page and limit before any query
    const failed = 'payment_failed';
    const where = {
      account: accountId,
      orderNumber: { $ne: null },
      ...(q.status && { status: q.status }),
      ...(q.paymentFailed === true && { cancelReason: failed }),
      ...(q.paymentFailed === false && { $or: [{ cancelReason: null }, { cancelReason: { $ne: failed } }] }),
    };
    const total = await scope.em.count(Order, where);
    const window = pageWindow(total, q.page, q.limit);
    const dir = q.sort === 'oldest' ? 'asc' : 'desc';
    const orders = await scope.em.find(Order, where, {
      orderBy: { createdAt: dir, id: dir },
      limit: window.limit,
      offset: window.offset,
    });
    const items = orders.length
      ? await scope.em.find(
          OrderItem,
          { order: { $in: orders.map((o) => o.id) } },
          { orderBy: { id: 'asc' } },
        )
      : [];
    return {
      orders: orders.map((order) => ({ order, items: items.filter((i) => i.order === order.id) })),
      window,
    };
  }

  /** The customer's own order by number; anyone else's is not found. */
  async detail(scope: Scope, accountId: number, orderNumber: string): Promise<ShopOrderDetail> {
    const order = await scope.em.findOne(Order, { account: accountId, orderNumber });
    if (!order) throw new DomainError('NOT_FOUND', 'Order not found');
    return orderDetail(scope, order);
  }

  /** The order's status history, oldest first (find the order with `detail` first: it checks the owner). */
  timeline(scope: Scope, orderId: number): Promise<TimelineEvent[]> {
    return timelineOf(scope, orderId);
  }

  async invoicePdf(scope: Scope, accountId: number, orderNumber: string): Promise<Buffer> {
    const { order, items, payment } = await this.detail(scope, accountId, orderNumber);
    const buyer = await scope.em.findOneOrFail(Account, { id: accountId });
    return renderInvoicePdf({
      seller: { name: scope.tenant.name, address: 'DKI Jakarta, Indonesia' },
      orderNumber: order.orderNumber!,
      issuedAt: order.createdAt,
      paidAt: order.paidAt ?? null,
      timeZone: SHOP_TIME_ZONE,
      customer: { name: buyer.name, email: buyer.email, phone: buyer.phone ?? null },
      shippingAddress: {
        recipientName: order.shippingRecipient ?? order.customerName,
        phone: order.shippingPhone ?? '',
        lines: order.customerAddress ? [order.customerAddress] : [],
      },
      items: items.map((i) => ({
        name: i.productName,
        variant: i.variantName ?? null,
        sku: i.sku ?? null,
        quantity: i.quantity,
        unitPrice: i.unitPrice,
        subtotal: i.amount,
      })),
      summary: {
        subtotal: order.subtotal ?? order.totalAmount,
        discount: order.discount,
        voucherCode: order.voucherCode ?? null,
        shippingCost: order.shippingCost,
        shippingDiscount: order.shippingDiscount,
        total: order.totalAmount,
      },
      payment: {
        method: order.paymentMethod,
        channel: order.paymentChannel ?? null,
        transactionId: payment?.providerReference ?? null,
        status: paymentStatusOf(order),
      },
      shipping: {
        courier: (order.shippingCourier ?? '').toUpperCase(),
        service: order.shippingService ?? '',
        trackingNumber: order.trackingNumber ?? null,
      },
    });
  }
}
