import type {
  AdminOrderDetail,
  AdminOrderSummary,
} from '../../contexts/commerce/orders/admin-orders.service.ts';
import { paymentStatusOf } from '../../contexts/commerce/orders/shop-orders.service.ts';
import type { Account } from '../../contexts/identity/account.entity.ts';
import { presentOrderDetail } from './checkout.presenters.ts';

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

const presentCustomer = (accountId: number, a: Account | null) => ({
  id: accountId,
  name: a?.name ?? null,
  email: a?.email ?? null,
  phone: a?.phone ?? null,
});

export const presentAdminOrderSummary = ({ order, customer }: AdminOrderSummary) => ({
  id: order.id,
  order_number: order.orderNumber!,
  created_at: order.createdAt.toISOString(),
  paid_at: iso(order.paidAt),
  status: order.status,
  payment_status: paymentStatusOf(order),
  total_amount: order.totalAmount,
  refund_due: order.refundDue,
  tracking_number: order.trackingNumber ?? null,
  customer: presentCustomer(order.account, customer),
});

export const presentAdminOrderDetail = (d: AdminOrderDetail) => ({
  order: {
    ...presentOrderDetail(d).order,
    refunded_at: iso(d.order.refundedAt),
    customer: presentCustomer(d.order.account, d.customer),
    timeline: d.timeline.map((e) => ({
      status: e.status,
      note: e.note,
      actor_id: e.actorId,
      created_at: e.at.toISOString(),
    })),
  },
});
