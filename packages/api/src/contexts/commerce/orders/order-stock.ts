import type { Scope } from '../../../kernel/scope.ts';
import type { ProductQuantity, VariantQuantity } from '../../catalog/shop-stock.service.ts';

/** What an order moves in the catalog: its quantities per variant (stock) and per product (sold count). */
export interface OrderQuantities {
  variants: VariantQuantity[];
  products: ProductQuantity[];
}

/**
 * The order's lines as the quantities the catalog's `ShopStockService` puts back or counts (read in
 * the caller's transaction; a line without a variant holds no stock).
 */
export async function orderQuantities(tx: Scope, orderId: number): Promise<OrderQuantities> {
  const lines = await tx.em.execute<{ product_id: number; variant_id: number | null; quantity: number }[]>(
    'select product_id, variant_id, quantity from order_item where tenant_id = ? and order_id = ?',
    [tx.tenant.id, orderId],
  );
  return {
    variants: lines.flatMap((l) =>
      l.variant_id === null ? [] : [{ variantId: l.variant_id, quantity: l.quantity }],
    ),
    products: lines.map((l) => ({ productId: l.product_id, quantity: l.quantity })),
  };
}
