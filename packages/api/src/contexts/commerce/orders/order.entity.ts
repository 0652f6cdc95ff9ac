import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { Account } from '../../identity/account.entity.ts';
import { tenantColumn } from '../../tenancy/tenant.entity.ts';

/**
 * One orders table for every profile. MLM orders (dtehm) use pending_payment → paid | payment_failed;
 * shop orders (checkout) follow the domain's shop status machine (`canTransition`).
 */
export const ORDER_STATUSES = [
  'pending_payment',
  'paid',
  'payment_failed',
  'processing',
  'shipped',
  'delivered',
  'cancelled',
  'refunded',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const Order = defineEntity({
  name: 'Order',
  tableName: 'customer_order',
  properties: {
    id: p.integer().primary().autoincrement(),
    tenant: tenantColumn(),
    account: () => p.manyToOne(Account).mapToPk().fieldName('account_id'),
    status: p.enum(ORDER_STATUSES).default('pending_payment'),
    totalAmount: p.bigint('number'),
    currency: p.string().length(3),
    paymentMethod: p.string().length(32),
    paymentId: p.integer().nullable(),
    customerName: p.string(),
    customerPhone: p.string().length(32).nullable(),
    customerAddress: p.string().length(500).nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    paidAt: p.datetime().nullable(),
    // Checkout (shop) orders: the number customers see, the price breakdown and the shipment.
    orderNumber: p.string().length(40).nullable(),
    subtotal: p.bigint('number').nullable(),
    discount: p.bigint('number').default(0),
    shippingCost: p.bigint('number').default(0),
    shippingDiscount: p.bigint('number').default(0),
    voucherCode: p.string().length(40).nullable(),
    paymentChannel: p.string().length(40).nullable(),
    shippingRecipient: p.string().nullable(),
    shippingPhone: p.string().length(32).nullable(),
    shippingProvince: p.string().length(100).nullable(),
    shippingCourier: p.string().length(20).nullable(),
    shippingService: p.string().length(20).nullable(),
    trackingNumber: p.string().length(60).nullable(),
    customerNote: p.string().length(500).nullable(),
    /** qurban orders: on whose behalf the sacrifice is made, and where the meat is distributed */
    beneficiaryName: p.string().length(200).nullable(),
    distributionLocation: p.string().length(300).nullable(),
    cancelReason: p.string().length(500).nullable(),
    cancelledAt: p.datetime().nullable(),
    /** what the shop owes the customer back (a paid order cancelled, or paid after cancelling) */
    refundDue: p.bigint('number').default(0),
    /** when the shop refunded the order (admin refund; `refundDue` holds the amount) */
    refundedAt: p.datetime().nullable(),
    /** the affiliate whose voucher the order used (voucher-code affiliates) */
    affiliate: () => p.manyToOne(Account).mapToPk().nullable().fieldName('affiliate_account_id'),
  },
  uniques: [{ properties: ['tenant', 'orderNumber'] }],
  indexes: [
    { name: 'customer_order_account_idx', properties: ['tenant', 'account', 'createdAt'] },
    { name: 'customer_order_affiliate_idx', properties: ['tenant', 'affiliate', 'paidAt'] },
    {
      // the admin console's sales per day (reporting): a tenant's paid orders by when they were paid
      name: 'customer_order_paid_idx',
      expression:
        'create index "customer_order_paid_idx" on "customer_order" ("tenant_id", "paid_at") where paid_at is not null',
    },
    {
      // the expiry job's scan: unpaid shop orders by age
      name: 'customer_order_unpaid_idx',
      expression:
        'create index "customer_order_unpaid_idx" on "customer_order" ("tenant_id", "created_at") where status = \'pending_payment\' and order_number is not null',
    },
  ],
});
export type Order = InferEntity<typeof Order>;
