import { DomainError, fieldError, type PageWindow, pageWindow } from '@komisi/domain';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { inTransaction, type Scope, toSafeInteger } from '../../kernel/scope.ts';
import { Category } from './category.entity.ts';
import { Product } from './product.entity.ts';
import { ProductVariant } from './product-variant.entity.ts';

export interface ShopProductQuery {
  page: number;
  limit: number;
  /** part of the product's name or slug, or of one of its variants' SKUs */
  search?: string;
}

/** A product as the admin list shows it: with its variants' count, stock and price range. */
export interface ShopProductRow {
  product: Product;
  variantCount: number;
  totalStock: number;
  minPrice: number | null;
  maxPrice: number | null;
}

/** A product's own fields (its variants carry what is sold: price, options, stock). */
export interface ProductFields {
  name: string;
  /** the storefront's address of it; unique in the shop */
  slug: string;
  description: string | null;
  /** minor units: the base price, shown when it has no visible variant */
  price: number;
  categoryId: number | null;
}

export interface NewVariant {
  sku: string;
  color: string | null;
  finishing: string | null;
  size: string | null;
  /** minor units */
  price: number;
  /** the units on hand when it is added; later changes go through `adjustStock` */
  stock: number;
  isVisible: boolean;
}

export interface VariantChanges {
  /** minor units */
  price?: number;
  isVisible?: boolean;
}

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const conflict = (field: string, message: string) =>
  new DomainError('CONFLICT', message, { fields: { [field]: [message] } });

/** The writes, a concurrent one that took the slug or SKU after our check answered as CONFLICT. */
async function raced<T>(field: string, message: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    if (e instanceof UniqueConstraintViolationException) throw conflict(field, message);
    throw e;
  }
}

const productState = (p: Product) => ({
  name: p.name,
  slug: p.slug ?? null,
  description: p.description ?? null,
  price: p.price,
  categoryId: p.category ?? null,
});

/** A variant as its audit entry shows it. */
const variantState = (v: ProductVariant) => ({
  sku: v.sku,
  price: v.price,
  stock: v.stock,
  isVisible: v.isVisible,
});

/**
 * The shop's catalog as its administrators keep it: products with their variants, variants' prices
 * and visibility, and stock counted in or out with a reason. A stock change is one conditional
 * update, like checkout's `ShopStockService.take`: the row lock orders it with concurrent checkouts,
 * and neither can take stock below zero (the table's check refuses it too).
 */
export class ShopCatalogAdminService {
  async list(scope: Scope, q: ShopProductQuery): Promise<{ products: ShopProductRow[]; window: PageWindow }> {
    pageWindow(0, q.page, q.limit); // validates page and limit before any query
    const where = ['p.tenant_id = ?'];
    const params: unknown[] = [scope.tenant.id];
    const search = q.search?.trim();
    if (search) {
      const like = likePattern(search);
      where.push(`(p.name ilike ? or p.slug ilike ? or exists (select 1 from product_variant sv
        where sv.tenant_id = p.tenant_id and sv.product_id = p.id and sv.sku ilike ?))`);
      params.push(like, like, like);
    }
    const filter = where.join(' and ');
    const [counted] = await scope.em.execute<{ n: number }[]>(
      `select count(*)::int as n from product p where ${filter}`,
      params,
    );
    const window = pageWindow(counted?.n ?? 0, q.page, q.limit);
    const rows = await scope.em.execute<Record<string, unknown>[]>(
      `select p.*, v.variant_count, v.total_stock, v.min_price, v.max_price
       from product p
       cross join lateral (select count(*)::int as variant_count, coalesce(sum(pv.stock), 0)::int as total_stock,
                                  min(pv.price)::text as min_price, max(pv.price)::text as max_price
                           from product_variant pv where pv.tenant_id = p.tenant_id and pv.product_id = p.id) v
       where ${filter} order by p.created_at desc, p.id desc limit ? offset ?`,
      [...params, window.limit, window.offset],
    );
    const price = (v: unknown) => (v == null ? null : toSafeInteger(v));
    return {
      products: rows.map(({ variant_count, total_stock, min_price, max_price, ...row }) => ({
        product: scope.em.map(Product, row),
        variantCount: toSafeInteger(variant_count),
        totalStock: toSafeInteger(total_stock),
        minPrice: price(min_price),
        maxPrice: price(max_price),
      })),
      window,
    };
  }

  /** The product with its variants (by id). */
  async detail(scope: Scope, productId: number): Promise<{ product: Product; variants: ProductVariant[] }> {
    const product = await scope.em.findOne(Product, { id: productId }, { refresh: true });
    if (!product) throw new DomainError('NOT_FOUND', 'Product not found');
    const variants = await scope.em.find(
      ProductVariant,
      { product: productId },
      { orderBy: { id: 'asc' }, refresh: true },
    );
    return { product, variants };
  }

  /**
   * Counts `change` units in (positive) or out (negative) of the variant's stock, for `reason`
   * (kept in the action's audit entry with the stock before and after). One conditional update: a
   * change that would leave less than zero, against whatever checkout took meanwhile, is refused.
   */
  adjustStock(scope: Scope, variantId: number, change: number, reason: string): Promise<ProductVariant> {
    return inTransaction(scope, async (tx) => {
      const [moved] = await tx.em.execute<{ stock: number }[]>(
        `update product_variant set stock = stock + ?
         where tenant_id = ? and id = ? and stock + ? >= 0 returning stock`,
        [change, tx.tenant.id, variantId, change],
      );
      if (!moved) {
        const stock = await this.#stockOf(tx, variantId);
        throw fieldError('change', `would leave the stock below zero (${stock} in stock)`);
      }
      const variant = await tx.em.findOneOrFail(ProductVariant, { id: variantId }, { refresh: true });
      tx.audit?.change({
        subject: { type: 'product_variant', id: String(variantId) },
        before: { stock: moved.stock - change },
        after: { stock: moved.stock, change, reason },
      });
      return variant;
    });
  }

  /** Changes the variant's price or visibility (what is given); its stock moves only by `adjustStock`. */
  updateVariant(scope: Scope, variantId: number, changes: VariantChanges): Promise<ProductVariant> {
    return inTransaction(scope, async (tx) => {
      const variant = await tx.em.findOne(ProductVariant, { id: variantId }, { refresh: true });
      if (!variant) throw new DomainError('NOT_FOUND', 'Variant not found');
      const before = variantState(variant);
      // a plain update of the columns changed: the stock column is never written back from memory
      const set: Record<string, unknown> = {};
      if (changes.price !== undefined) set.price = changes.price;
      if (changes.isVisible !== undefined) set.isVisible = changes.isVisible;
      if (Object.keys(set).length > 0) {
        await tx.em.nativeUpdate(ProductVariant, { id: variantId, tenant: tx.tenant.id }, set);
      }
      const after = await tx.em.findOneOrFail(ProductVariant, { id: variantId }, { refresh: true });
      tx.audit?.change({
        subject: { type: 'product_variant', id: String(variantId) },
        before,
        after: variantState(after),
      });
      return after;
    });
  }

  /** A new product (no variants yet: it is sold once one is added). A taken slug: CONFLICT. */
  createProduct(scope: Scope, fields: ProductFields): Promise<Product> {
    return inTransaction(scope, async (tx) => {
      await this.#assertProductFree(tx, fields.slug, null);
      await this.#assertCategory(tx, fields.categoryId);
      return raced('slug', 'slug is already taken', async () => {
        const product = tx.em.create(Product, {
          tenant: tx.tenant.id,
          name: fields.name,
          slug: fields.slug,
          description: fields.description,
          price: fields.price,
          category: fields.categoryId,
        });
        await tx.em.flush();
        tx.audit?.change({
          subject: { type: 'product', id: String(product.id) },
          before: null,
          after: productState(product),
        });
        return product;
      });
    });
  }

  /** Changes the product's fields given. A slug another product has: CONFLICT. */
  updateProduct(scope: Scope, productId: number, changes: Partial<ProductFields>): Promise<Product> {
    return inTransaction(scope, async (tx) => {
      const product = await tx.em.findOne(Product, { id: productId }, { refresh: true });
      if (!product) throw new DomainError('NOT_FOUND', 'Product not found');
      if (changes.slug !== undefined) await this.#assertProductFree(tx, changes.slug, productId);
      if (changes.categoryId !== undefined) await this.#assertCategory(tx, changes.categoryId);
      const before = productState(product);
      return raced('slug', 'slug is already taken', async () => {
        if (changes.name !== undefined) product.name = changes.name;
        if (changes.slug !== undefined) product.slug = changes.slug;
        if (changes.description !== undefined) product.description = changes.description;
        if (changes.price !== undefined) product.price = changes.price;
        if (changes.categoryId !== undefined) product.category = changes.categoryId;
        await tx.em.flush();
        tx.audit?.change({
          subject: { type: 'product', id: String(productId) },
          before,
          after: productState(product),
        });
        return product;
      });
    });
  }

  /** A new variant of the product with its opening stock. A SKU another variant has: CONFLICT. */
  createVariant(scope: Scope, productId: number, fields: NewVariant): Promise<ProductVariant> {
    return inTransaction(scope, async (tx) => {
      const product = await tx.em.findOne(Product, { id: productId });
      if (!product) throw new DomainError('NOT_FOUND', 'Product not found');
      const [taken] = await tx.em.execute<{ id: number }[]>(
        'select id from product_variant where tenant_id = ? and sku = ?',
        [tx.tenant.id, fields.sku],
      );
      if (taken) throw conflict('sku', 'sku is already taken');
      return raced('sku', 'sku is already taken', async () => {
        const variant = tx.em.create(ProductVariant, { tenant: tx.tenant.id, product: productId, ...fields });
        await tx.em.flush();
        tx.audit?.change({
          subject: { type: 'product_variant', id: String(variant.id) },
          before: null,
          after: variantState(variant),
        });
        return variant;
      });
    });
  }

  async #assertProductFree(scope: Scope, slug: string, self: number | null): Promise<void> {
    const [taken] = await scope.em.execute<{ id: number }[]>(
      'select id from product where tenant_id = ? and slug = ? and id <> ?',
      [scope.tenant.id, slug, self ?? 0],
    );
    if (taken) throw conflict('slug', 'slug is already taken');
  }

  async #assertCategory(scope: Scope, categoryId: number | null): Promise<void> {
    if (categoryId === null) return;
    if (!(await scope.em.findOne(Category, { id: categoryId }))) {
      throw fieldError('category_id', 'is not a category of this shop');
    }
  }

  async #stockOf(scope: Scope, variantId: number): Promise<number> {
    const [row] = await scope.em.execute<{ stock: number }[]>(
      'select stock from product_variant where tenant_id = ? and id = ?',
      [scope.tenant.id, variantId],
    );
    if (!row) throw new DomainError('NOT_FOUND', 'Variant not found');
    return row.stock;
  }
}
