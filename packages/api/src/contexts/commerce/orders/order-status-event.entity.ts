import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { Account } from '../../identity/account.entity.ts';
import { tenantColumn } from '../../tenancy/tenant.entity.ts';
import { Order } from './order.entity.ts';

/**
 * One status an order reached: its timeline (shop orders today; another profile's tracking history
 * later). The status is plain text, not the order's enum, so a profile may record steps of its own;
 * `actor` is the account that made the change (null for the system: payment settlement, expiry).
 */
export const OrderStatusEvent = defineEntity({
  name: 'OrderStatusEvent',
  tableName: 'order_status_event',
  properties: {
    id: p.integer().primary().autoincrement(),
    tenant: tenantColumn(),
    order: () => p.manyToOne(Order).mapToPk().fieldName('order_id'),
    status: p.string().length(40),
    note: p.string().length(500).nullable(),
    actor: () => p.manyToOne(Account).mapToPk().nullable().fieldName('actor_account_id'),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
  indexes: [{ name: 'order_status_event_order_idx', properties: ['order', 'createdAt'] }],
});
export type OrderStatusEvent = InferEntity<typeof OrderStatusEvent>;
