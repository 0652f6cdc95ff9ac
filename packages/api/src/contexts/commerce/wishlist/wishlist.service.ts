import { DomainError, fieldError } from '@komisi/domain';
import { inTransaction, type Scope, toSafeInteger } from '../../../kernel/scope.ts';
import type { ListedProductsService } from '../../catalog/listed-products.service.ts';
import { type StockStatus, stockStatus } from '../../catalog/storefront.service.ts';
import type { CartsService } from '../cart/carts.service.ts';

export interface WishlistEntry {
  id: number;
  product: {
    id: number;
    name: string;
    slug: string;
    /** the saved variant's price, else the product's selling price */
    price: number;
    /** primary image */
    image: string | null;
    /** of the saved variant (out of stock once hidden), else of the product */
    stockStatus: StockStatus;
  };
  variant: { id: number; color: string | null; finishing: string | null; size: string | null } | null;
  addedAt: Date;
}

interface EntryRow {
  id: number;
  created_at: Date;
  product_id: number;
  name: string;
  slug: string;
  selling_price: string | number;
  product_stock: number;
  image: string | null;
  variant_id: number | null;
  color: string | null;
  finishing: string | null;
  size: string | null;
  variant_price: string | number | null;
  variant_stock: number | null;
  variant_visible: boolean | null;
}

function toEntry(r: EntryRow): WishlistEntry {
  const variant = r.variant_id !== null;
  return {
    id: r.id,
    product: {
      id: r.product_id,
      name: r.name,
      slug: r.slug,
      price: toSafeInteger(variant ? r.variant_price : r.selling_price),
      image: r.image,
      stockStatus: stockStatus(variant ? (r.variant_visible ? (r.variant_stock ?? 0) : 0) : r.product_stock),
    },
    variant: variant ? { id: r.variant_id!, color: r.color, finishing: r.finishing, size: r.size } : null,
    addedAt: new Date(r.created_at),
  };
}

/** What moving to the cart needs of the carts service. */
export type CartAdder = Pick<CartsService, 'addItem'>;

/** A customer's saved products (optionally a chosen variant); one row per product and variant. */
export class WishlistService {
  readonly #products: ListedProductsService;

  constructor(products: ListedProductsService) {
    this.#products = products;
  }

  /** Newest first; one statement. */
  async list(scope: Scope, accountId: number): Promise<WishlistEntry[]> {
    return (await this.#entries(scope, accountId)).map(toEntry);
  }

  /** The caller's own item; anyone else's is reported as not found. */
  async own(scope: Scope, accountId: number, id: number): Promise<WishlistEntry> {
    const [row] = await this.#entries(scope, accountId, id);
    if (!row) throw new DomainError('NOT_FOUND', 'Wishlist item not found');
    return toEntry(row);
  }

  /**
   * Saves a storefront product, optionally one of its visible variants. Saving the same product
   * and variant again is a 409 CONFLICT whose details carry the existing item's id.
   */
  async add(
    scope: Scope,
    accountId: number,
    productId: number,
    variantId?: number | null,
  ): Promise<WishlistEntry> {
    if (!(await this.#products.isListed(scope, productId))) {
      throw new DomainError('NOT_FOUND', 'Product not found');
    }
    if (variantId != null) {
      const variant = await this.#products.variant(scope, variantId);
      if (!variant || variant.productId !== productId || !variant.visible) {
        throw fieldError('product_variant_id', 'must be a variant of the given product');
      }
    }
    // the unique (account, product, variant) index decides duplicates, also under concurrency
    const [inserted] = await scope.em.execute<{ id: number }[]>(
      `insert into wishlist_item (tenant_id, account_id, product_id, variant_id, created_at)
       values (?, ?, ?, ?, ?) on conflict do nothing returning id`,
      [scope.tenant.id, accountId, productId, variantId ?? null, scope.now],
    );
    if (!inserted) {
      const [existing] = await scope.em.execute<{ id: number }[]>(
        `select id from wishlist_item
         where tenant_id = ? and account_id = ? and product_id = ? and coalesce(variant_id, 0) = ?`,
        [scope.tenant.id, accountId, productId, variantId ?? 0],
      );
      throw new DomainError('CONFLICT', 'This item is already in your wishlist', {
        details: { id: existing?.id ?? null },
      });
    }
    return this.own(scope, accountId, inserted.id);
  }

  async remove(scope: Scope, accountId: number, id: number): Promise<void> {
    const rows = await scope.em.execute<{ id: number }[]>(
      'delete from wishlist_item where tenant_id = ? and account_id = ? and id = ? returning id',
      [scope.tenant.id, accountId, id],
    );
    if (rows.length === 0) throw new DomainError('NOT_FOUND', 'Wishlist item not found');
  }

  /**
   * Puts the item's variant in the customer's cart and takes the item off the wishlist, in one
   * transaction (the cart's stock rules apply). An item saved without a variant needs
   * `variantId` (a visible variant of its product) unless the product has exactly one.
   */
  async moveToCart(
    scope: Scope,
    carts: CartAdder,
    accountId: number,
    id: number,
    quantity: number,
    variantId?: number | undefined,
  ): Promise<{ cartId: number; variantId: number; quantity: number }> {
    return inTransaction(scope, async (tx) => {
      const [item] = await tx.em.execute<{ product_id: number; variant_id: number | null }[]>(
        `select product_id, variant_id from wishlist_item
         where tenant_id = ? and account_id = ? and id = ? for update`,
        [tx.tenant.id, accountId, id],
      );
      if (!item) throw new DomainError('NOT_FOUND', 'Wishlist item not found');
      const visible = await this.#products.visibleVariantIds(tx, item.product_id);
      const chosen = variantId ?? item.variant_id ?? (visible.length === 1 ? visible[0]! : null);
      if (chosen === null) {
        throw fieldError('product_variant_id', 'is required: this item was saved without a variant');
      }
      if (!visible.includes(chosen)) {
        throw fieldError('product_variant_id', 'must be an available variant of the saved product');
      }
      const { cartId } = await carts.addItem(tx, { accountId }, chosen, quantity);
      await tx.em.execute('delete from wishlist_item where tenant_id = ? and id = ?', [tx.tenant.id, id]);
      return { cartId, variantId: chosen, quantity };
    });
  }

  // The items joined to catalog's product, variant and image rows: the wishlist page is one statement.
  #entries(scope: Scope, accountId: number, id?: number): Promise<EntryRow[]> {
    return scope.em.execute<EntryRow[]>(
      `select w.id, w.created_at, p.id as product_id, p.name, p.slug,
         p.selling_price, p.visible_stock as product_stock,
         (select i.url from product_image i where i.product_id = p.id
          order by i.is_primary desc, i.position, i.id limit 1) as image,
         x.id as variant_id, x.color, x.finishing, x.size, x.price as variant_price,
         x.stock as variant_stock, x.is_visible as variant_visible
       from wishlist_item w
       join product p on p.id = w.product_id
       left join product_variant x on x.id = w.variant_id
       where w.tenant_id = ? and w.account_id = ?${id === undefined ? '' : ' and w.id = ?'}
       order by w.created_at desc, w.id desc`,
      id === undefined ? [scope.tenant.id, accountId] : [scope.tenant.id, accountId, id],
    );
  }
}
