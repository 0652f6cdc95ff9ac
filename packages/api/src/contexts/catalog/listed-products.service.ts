import type { Scope } from '../../kernel/scope.ts';

/** A variant as the storefront shows it: whose it is and whether it is sold. */
export interface ListedVariant {
  productId: number;
  visible: boolean;
}

/** The storefront's products and variants as other parts of the shop check them (the wishlist). */
export class ListedProductsService {
  /** Whether the product is in the storefront (it has a slug). */
  async isListed(scope: Scope, productId: number): Promise<boolean> {
    const [product] = await scope.em.execute<{ id: number }[]>(
      'select id from product where tenant_id = ? and id = ? and slug is not null',
      [scope.tenant.id, productId],
    );
    return product !== undefined;
  }

  /** The variant's product and visibility, or null when there is no such variant. */
  async variant(scope: Scope, variantId: number): Promise<ListedVariant | null> {
    const [variant] = await scope.em.execute<{ product_id: number; is_visible: boolean }[]>(
      'select product_id, is_visible from product_variant where tenant_id = ? and id = ?',
      [scope.tenant.id, variantId],
    );
    return variant ? { productId: variant.product_id, visible: variant.is_visible } : null;
  }

  /** The product's visible variants, in id order. */
  async visibleVariantIds(scope: Scope, productId: number): Promise<number[]> {
    const rows = await scope.em.execute<{ id: number }[]>(
      'select id from product_variant where tenant_id = ? and product_id = ? and is_visible order by id',
      [scope.tenant.id, productId],
    );
    return rows.map((r) => r.id);
  }
}
