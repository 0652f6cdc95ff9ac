import type { Scope } from '../../kernel/scope.ts';

// The catalog rows an order moves: its variants' stock and its products' sold counts. Every write is one
// statement that cannot go below zero, so concurrent orders, cancellations and refunds need no retries.

/**
 * Takes `quantity` from a visible variant's stock if that much is there: one conditional update, so
 * concurrent orders can never take more than there is. False when it was not taken.
 */
export async function takeVariantStock(tx: Scope, variantId: number, quantity: number): Promise<boolean> {
  const taken = await tx.em.execute<{ id: number }[]>(
    `update product_variant set stock = stock - ?
     where tenant_id = ? and id = ? and is_visible and stock >= ? returning id`,
    [quantity, tx.tenant.id, variantId, quantity],
  );
  return taken.length > 0;
}

/** Puts an order's quantities back on its variants' stock (cancellation; refund before shipping). */
export async function releaseOrderStock(tx: Scope, orderId: number): Promise<void> {
  await tx.em.execute(
    `update product_variant v set stock = v.stock + x.quantity
     from (select variant_id, sum(quantity)::int as quantity from order_item
           where tenant_id = ? and order_id = ? and variant_id is not null group by variant_id) x
     where v.id = x.variant_id and v.tenant_id = ?`,
    [tx.tenant.id, orderId, tx.tenant.id],
  );
}

/** Counts an order's quantities into (+1, paid) or out of (-1, cancelled or refunded) its products' sold_count. */
export async function addSoldCount(tx: Scope, orderId: number, sign: 1 | -1): Promise<void> {
  await tx.em.execute(
    `update product p set sold_count = greatest(p.sold_count + ? * x.quantity, 0)
     from (select product_id, sum(quantity)::int as quantity from order_item
           where tenant_id = ? and order_id = ? group by product_id) x
     where p.id = x.product_id and p.tenant_id = ?`,
    [sign, tx.tenant.id, orderId, tx.tenant.id],
  );
}
