import type { PageWindow, ShopListStatus } from '@komisi/domain';
import type {
  AdminOrderDetail,
  AdminOrderSummary,
} from '../../contexts/commerce/orders/admin-orders.service.ts';
import type { Order } from '../../contexts/commerce/orders/order.entity.ts';
import type { OrderItem } from '../../contexts/commerce/orders/order-item.entity.ts';
import type { TimelineEvent } from '../../contexts/commerce/orders/order-timeline.ts';
import { paymentStatusOf, type ShopOrderDetail } from '../../contexts/commerce/orders/shop-orders.service.ts';
import type { Account } from '../../contexts/identity/account.entity.ts';
import type { QutabOrderStatus } from './qutab.schemas.ts';

// Qurban orders are shop orders: the document's words for the shared statuses. Animals are
// distributed rather than shipped, and an order is completed rather than delivered.
const QUTAB_STATUS: Record<string, QutabOrderStatus> = {
  pending_payment: 'pending',
  paid: 'paid',
  processing: 'processing',
  shipped: 'distributed',
  delivered: 'completed',
  cancelled: 'cancelled',
  refunded: 'refunded',
  payment_failed: 'failed',
};

export const qutabStatus = (status: string): QutabOrderStatus => QUTAB_STATUS[status] ?? 'pending';

/** The stored status a qutab list filter means ('failed' orders are stored cancelled, see decisions). */
export const storedStatus: Record<QutabOrderStatus, ShopListStatus | 'refunded'> = {
  pending: 'pending_payment',
  paid: 'paid',
  processing: 'processing',
  distributed: 'shipped',
  completed: 'delivered',
  cancelled: 'cancelled',
  failed: 'cancelled',
  refunded: 'refunded',
};

export const presentUser = (a: Pick<Account, 'id' | 'name' | 'email'>) => ({
  id: String(a.id),
  name: a.name,
  email: a.email,
});

export const presentProfile = (a: Account) => ({
  id: String(a.id),
  name: a.name,
  email: a.email,
  phone: a.phone ?? null,
  address: a.address ?? null,
});

/** A payment that failed cancels the order (reason `payment_failed`); the document calls that failed. */
const shownStatus = (status: string, reason: string | null | undefined): QutabOrderStatus =>
  status === 'cancelled' && reason === 'payment_failed' ? 'failed' : qutabStatus(status);

const statusOf = (order: Order) => shownStatus(order.status, order.cancelReason);

export function presentOrder(order: Order, items: OrderItem[]) {
  const item = items[0];
  return {
    id: order.orderNumber ?? String(order.id),
    product_id: item ? String(item.product) : '',
    product_name: item?.productName ?? '',
    quantity: items.reduce((n, i) => n + i.quantity, 0),
    total_amount: order.totalAmount,
    status: statusOf(order),
    created_at: order.createdAt.toISOString(),
    payment_method: order.paymentMethod,
    recipient_name: order.beneficiaryName ?? null,
    recipient_location: order.distributionLocation ?? null,
  };
}

export function presentOrderDetail({ order, items, payment }: ShopOrderDetail) {
  return {
    ...presentOrder(order, items),
    subtotal: order.subtotal ?? order.totalAmount,
    discount: order.discount,
    coupon_code: order.voucherCode ?? null,
    paid_at: order.paidAt?.toISOString() ?? null,
    payment_status: paymentStatusOf(order),
    payment_url: order.status === 'pending_payment' ? (payment?.paymentUrl ?? null) : null,
  };
}

export const presentPagination = (w: PageWindow) => ({
  page: w.current_page,
  limit: w.per_page,
  total: w.total,
  total_pages: w.last_page,
});

const presentCustomer = (a: Account | null) =>
  a ? { id: String(a.id), name: a.name, email: a.email ?? null } : null;

/** An order in the administrator's list: who ordered, for whom, how much, where it stands. */
export function presentAdminOrder({ order, customer }: AdminOrderSummary) {
  return {
    id: order.orderNumber ?? String(order.id),
    total_amount: order.totalAmount,
    status: statusOf(order),
    created_at: order.createdAt.toISOString(),
    payment_method: order.paymentMethod,
    recipient_name: order.beneficiaryName ?? null,
    recipient_location: order.distributionLocation ?? null,
    coupon_code: order.voucherCode ?? null,
    customer: presentCustomer(customer),
  };
}

/** One order for the administrator: the customer's view of it, who ordered, and its tracking. */
export function presentAdminOrderDetail(detail: AdminOrderDetail) {
  return {
    ...presentOrderDetail(detail),
    customer: presentCustomer(detail.customer),
    tracking: presentTracking(detail.order, detail.timeline).tracking,
  };
}

export function presentTracking(order: Order, timeline: TimelineEvent[]) {
  return {
    order_id: order.orderNumber ?? String(order.id),
    status: statusOf(order),
    tracking: timeline.map((e) => {
      const status = shownStatus(e.status, e.note);
      // the failure's reason is the status itself, not a note
      return { status, note: status === 'failed' ? null : e.note, created_at: e.at.toISOString() };
    }),
  };
}
