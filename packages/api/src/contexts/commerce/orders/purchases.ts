import type { OrderRef } from '@komisi/domain';
import type { Scope } from '../../../kernel/scope.ts';

// A review needs an order that was paid (and not cancelled or refunded since).
export const REVIEWABLE_ORDER_STATUSES = ['paid', 'processing', 'shipped', 'delivered'] as const;

/**
 * The id of `order` when it is the account's own order, in a status that counts as bought, and
 * contains the product; null otherwise. The only place that decides what a "verified purchase" is
 * (catalog's reviews ask it: see `PurchaseCheck`).
 */
export async function purchasedIn(
  scope: Scope,
  accountId: number,
  productId: number,
  order: OrderRef,
): Promise<number | null> {
  const [column, value] = 'id' in order ? ['o.id', order.id] : ['o.order_number', order.orderNumber];
  const rows = await scope.em.execute<{ id: number }[]>(
    `select o.id from customer_order o
     where o.tenant_id = ? and ${column} = ? and o.account_id = ? and o.status in (?)
       and exists (select 1 from order_item i where i.order_id = o.id and i.product_id = ?)
     limit 1`,
    [scope.tenant.id, value, accountId, [...REVIEWABLE_ORDER_STATUSES], productId],
  );
  return rows[0]?.id ?? null;
}
