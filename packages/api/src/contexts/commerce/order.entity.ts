import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { Account } from '../identity/account.entity.ts';
import { tenantColumn } from '../tenancy/tenant.entity.ts';

export const ORDER_STATUSES = ['pending_payment', 'paid', 'payment_failed'] as const;
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
  },
  indexes: [{ name: 'customer_order_account_idx', properties: ['tenant', 'account', 'createdAt'] }],
});
export type Order = InferEntity<typeof Order>;
