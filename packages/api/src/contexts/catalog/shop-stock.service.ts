import type { Scope } from '../../kernel/scope.ts';

/** So many of one variant (its stock). */
export interface VariantQuantity {
  variantId: number;
  quantity: number;
}

/** So many of one product (its sold count). */
export interface ProductQuantity {
  productId: number;
  quantity: number;
}

/** `x(id, quantity)`: lines given as one JSON parameter (`quantitiesParam`), summed per id. */
const SUMMED = `(select id, sum(quantity)::int as quantity
  from jsonb_to_recordset(?::jsonb) as l(id int, quantity int) group by id) x`;

const quantitiesParam = (lines: { id: number; quantity: number }[]) => JSON.stringify(lines);

/**
 * The shop's stock as orders move it: variants' stock and products' sold counts. Every write is one
 * statement that cannot go below zero, so concurrent orders, cancellations and refunds need no retries.
 * (An order takes its variants' stock in the statement that records it: `OrderWriter`.)
 */
export class ShopStockService {
  /** The variant's stock now; 0 for a variant that is gone. */
  async stockOf(scope: Scope, variantId: number): Promise<number> {
    const [variant] = await scope.em.execute<{ stock: number }[]>(
      'select stock from product_variant where tenant_id = ? and id = ?',
      [scope.tenant.id, variantId],
    );
    return variant?.stock ?? 0;
  }

  /** Puts quantities back on their variants' stock (an order cancelled, or refunded before shipping). */
  async putBack(tx: Scope, lines: readonly VariantQuantity[]): Promise<void> {
    if (lines.length === 0) return;
    await tx.em.execute(
      `update product_variant v set stock = v.stock + x.quantity from ${SUMMED}
       where v.id = x.id and v.tenant_id = ?`,
      [quantitiesParam(lines.map((l) => ({ id: l.variantId, quantity: l.quantity }))), tx.tenant.id],
    );
  }

  /** Counts quantities into (+1, sold) or out of (-1, cancelled or refunded) their products' sold_count. */
  async countSold(tx: Scope, lines: readonly ProductQuantity[], sign: 1 | -1): Promise<void> {
    if (lines.length === 0) return;
    await tx.em.execute(
      `update product p set sold_count = greatest(p.sold_count + ? * x.quantity, 0) from ${SUMMED}
       where p.id = x.id and p.tenant_id = ?`,
      [sign, quantitiesParam(lines.map((l) => ({ id: l.productId, quantity: l.quantity }))), tx.tenant.id],
    );
  }
}
