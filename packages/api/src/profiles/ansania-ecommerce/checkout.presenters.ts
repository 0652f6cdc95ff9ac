import type { CheckoutIssue } from '../../contexts/commerce/checkout/checkout-issues.ts';
import type { WrittenOrder } from '../../contexts/commerce/checkout/order-writer.ts';
import type { Order } from '../../contexts/commerce/orders/order.entity.ts';
import type { OrderItem } from '../../contexts/commerce/orders/order-item.entity.ts';
import { paymentStatusOf, type ShopOrderDetail } from '../../contexts/commerce/orders/shop-orders.service.ts';
import type { Payment } from '../../contexts/payments/payment.entity.ts';

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
const upper = (s: string | null | undefined) => (s ? s.toUpperCase() : null);

export const presentIssue = (i: CheckoutIssue) => ({
  item_id: i.itemId,
  type: i.type,
  message: i.message,
  ...(i.available !== undefined && { available: i.available }),
  ...(i.code !== undefined && { code: i.code }),
});

export const presentPlacedOrder = (order: WrittenOrder, payment: Payment) => ({
  order: {
    id: order.id,
    order_number: order.orderNumber!,
    total_amount: order.totalAmount,
    status: order.status,
  },
  payment: {
    transaction_id: payment.providerReference,
    payment_url: payment.paymentUrl,
    payment_token: typeof payment.details.token === 'string' ? payment.details.token : null,
    expired_at: typeof payment.details.expiresAt === 'string' ? payment.details.expiresAt : null,
  },
});

export const presentOrderSummary = ({ order, items }: { order: Order; items: OrderItem[] }) => ({
  id: order.id,
  order_number: order.orderNumber!,
  created_at: order.createdAt.toISOString(),
  status: order.status,
  payment_status: paymentStatusOf(order),
  total_amount: order.totalAmount,
  items_preview: items.slice(0, 3).map((i) => ({
    product_name: i.productName,
    quantity: i.quantity,
    image: i.productImage ?? null,
  })),
});

export const presentOrderDetail = ({ order, items, payment }: ShopOrderDetail) => ({
  order: {
    id: order.id,
    order_number: order.orderNumber!,
    status: order.status,
    payment_status: paymentStatusOf(order),
    created_at: order.createdAt.toISOString(),
    paid_at: iso(order.paidAt),
    cancelled_at: iso(order.cancelledAt),
    cancel_reason: order.cancelReason ?? null,
    refund_due: order.refundDue,
    customer_note: order.customerNote ?? null,
    items: items.map((i) => ({
      product_name: i.productName,
      variant_name: i.variantName ?? null,
      sku: i.sku ?? null,
      quantity: i.quantity,
      price: i.unitPrice,
      subtotal: i.amount,
      image: i.productImage ?? null,
    })),
    shipping: {
      recipient_name: order.shippingRecipient ?? null,
      phone: order.shippingPhone ?? null,
      address: order.customerAddress ?? null,
      courier: upper(order.shippingCourier),
      service: order.shippingService ?? null,
      tracking_number: order.trackingNumber ?? null,
      cost: order.shippingCost,
    },
    payment: {
      method: order.paymentMethod,
      channel: upper(order.paymentChannel),
      transaction_id: payment?.providerReference ?? null,
      amount: order.totalAmount,
    },
    summary: {
      subtotal: order.subtotal ?? order.totalAmount,
      discount: order.discount,
      voucher_code: order.voucherCode ?? null,
      shipping_cost: order.shippingCost,
      shipping_discount: order.shippingDiscount,
      total: order.totalAmount,
    },
  },
});
