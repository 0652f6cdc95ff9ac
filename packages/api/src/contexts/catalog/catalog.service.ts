import { DomainError, pageWindow, prefixTsQuery, validationError } from '@komisi/domain';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { boundRow, boundRows, sql } from '../../kernel/bound-sql.ts';
import { inTransaction, type Scope, toSafeInteger } from '../../kernel/scope.ts';
import { Category } from './category.entity.ts';
import { countLimit } from './counted-total.ts';
import { Product } from './product.entity.ts';

export interface SaleItem {
  id: number;
  name: string;
  price: number;
}

export interface ProductQuery {
  page: number;
  perPage: number;
  categoryId?: number | undefined;
  search?: string | undefined;
  sortBy: 'name' | 'price' | 'created_at';
  sortOrder: 'asc' | 'desc';
}

export interface ProductSummary {
  id: number;
  name: string;
  description: string | null;
  price: number;
  featurePhoto: string | null;
  categoryId: number | null;
  categoryName: string | null;
  stockQuantity: number;
  createdAt: Date;
}

export interface ProductInput {
  name: string;
  description?: string | null | undefined;
  specifications?: string | null | undefined;
  price: number;
  categoryId?: number | null | undefined;
  featurePhoto?: string | null | undefined;
  images?: string[] | undefined;
  stockQuantity?: number | undefined;
}

// Names sort case-insensitively whatever the database collation ('apple' next to 'Apricot', not after 'Zebra').
const SORT_COLUMNS = { name: 'lower(p.name)', price: 'p.price', created_at: 'p.created_at' } as const;

const SUMMARY_COLUMNS = `p.id, p.name, p.description, p.price, p.feature_photo as "featurePhoto",
  p.category_id as "categoryId", c.name as "categoryName", p.stock_quantity as "stockQuantity",
  p.created_at as "createdAt"`;

type SummaryRow = Omit<ProductSummary, 'price'> & { price: string | number };
const toSummary = (r: SummaryRow): ProductSummary => ({ ...r, price: toSafeInteger(r.price) });

export type ProductDetail = Awaited<ReturnType<CatalogService['detail']>>;

export class CatalogService {
  /**
   * One page of products: one statement (plus a count when paging past the end). The total counts
   * matches up to the page's offset + COUNT_AHEAD (counted-total.ts): a search over a large catalog
   * then costs about what its page costs; the page itself walks an index in the sort order
   * (product_tenant_price_idx, product_tenant_name_idx) and stops after perPage matches.
   */
  async list(scope: Scope, q: ProductQuery) {
    const where = [sql`p.tenant_id = ${scope.tenant.id}`];
    if (q.categoryId !== undefined) where.push(sql`p.category_id = ${q.categoryId}`);
    const tsQuery = q.search ? prefixTsQuery(q.search) : null;
    if (tsQuery) where.push(sql`p.search_vector @@ to_tsquery('simple', ${tsQuery})`);
    const offset = (q.page - 1) * q.perPage;
    const filter = sql.join(where, sql` and `);
    const dir = sql.raw(q.sortOrder === 'desc' ? 'desc' : 'asc');
    // the total as its own subquery (not a window): the page can then stop after perPage rows
    const rows = await boundRows<SummaryRow & { total: number }>(
      scope,
      sql`select ${sql.raw(SUMMARY_COLUMNS)},
         (select count(*)::int from (select 1 from product p where ${filter} limit ${countLimit(offset)}) counted) as total
       from product p left join product_category c on c.id = p.category_id
       where ${filter}
       order by ${sql.raw(SORT_COLUMNS[q.sortBy])} ${dir}, p.id ${dir}
       limit ${q.perPage} offset ${offset}`,
    );
    let total = rows[0]?.total;
    if (total === undefined) {
      const count = await boundRow<{ total: number }>(
        scope,
        sql`select count(*)::int as total from (select 1 from product p where ${filter} limit ${countLimit(offset)}) counted`,
      );
      total = count?.total ?? 0;
    }
    return { products: rows.map(toSummary), window: pageWindow(total, q.page, q.perPage) };
  }

  /** What a sale needs of a product (its name and price), in one bound statement; null when there is none. */
  async saleItem(scope: Scope, id: number): Promise<SaleItem | null> {
    const row = await boundRow<{ id: number; name: string; price: string }>(
      scope,
      sql`select id, name, price from product where tenant_id = ${scope.tenant.id} and id = ${id}`,
    );
    return row ? { id: row.id, name: row.name, price: toSafeInteger(row.price) } : null;
  }

  async detail(scope: Scope, id: number) {
    const [row] = await scope.em.execute<
      (SummaryRow & { specifications: string | null; images: string[] })[]
    >(
      `select ${SUMMARY_COLUMNS}, p.specifications, p.images
       from product p left join product_category c on c.id = p.category_id
       where p.tenant_id = ? and p.id = ?`,
      [scope.tenant.id, id],
    );
    if (!row) throw new DomainError('NOT_FOUND', 'Product not found');
    const related =
      row.categoryId === null
        ? []
        : await scope.em.execute<{ id: number; name: string; price: string; featurePhoto: string | null }[]>(
            `select id, name, price, feature_photo as "featurePhoto" from product
             where tenant_id = ? and category_id = ? and id <> ? order by created_at desc, id desc limit 4`,
            [scope.tenant.id, row.categoryId, id],
          );
    return {
      ...toSummary(row),
      specifications: row.specifications,
      images: row.images,
      related: related.map((r) => ({ ...r, price: toSafeInteger(r.price) })),
    };
  }

  async categories(scope: Scope) {
    return scope.em.execute<{ id: number; name: string; description: string | null; productCount: number }[]>(
      `select c.id, c.name, c.description, count(p.id)::int as "productCount"
       from product_category c left join product p on p.category_id = c.id
       where c.tenant_id = ? group by c.id order by lower(c.name), c.name`,
      [scope.tenant.id],
    );
  }

  /** A page of the categories for administrators: any part of the name, alphabetical, with product counts. */
  async categoryPage(scope: Scope, q: { search?: string | undefined; page: number; perPage: number }) {
    const where = ['c.tenant_id = ?'];
    const params: unknown[] = [scope.tenant.id];
    if (q.search) {
      where.push(`c.name ilike ? escape '\\'`);
      params.push(`%${q.search.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`);
    }
    const filter = where.join(' and ');
    const [{ total } = { total: 0 }] = await scope.em.execute<{ total: number }[]>(
      `select count(*)::int as total from product_category c where ${filter}`,
      params,
    );
    const categories = await scope.em.execute<
      { id: number; name: string; description: string | null; productCount: number }[]
    >(
      `select c.id, c.name, c.description,
         (select count(*)::int from product p where p.category_id = c.id) as "productCount"
       from product_category c where ${filter}
       order by lower(c.name), c.name, c.id limit ? offset ?`,
      [...params, q.perPage, (q.page - 1) * q.perPage],
    );
    return { categories, window: pageWindow(total, q.page, q.perPage) };
  }

  /**
   * Removes a category no product is in; one that still holds products is refused (a conflict) rather than
   * leaving them uncategorised behind the administrator's back. The category row is locked first,
   * so a product cannot be put into it meanwhile.
   */
  async deleteCategory(scope: Scope, id: number) {
    return inTransaction(scope, async (tx) => {
      const [category] = await tx.em.execute<{ id: number; name: string; description: string | null }[]>(
        'select id, name, description from product_category where tenant_id = ? and id = ? for update',
        [tx.tenant.id, id],
      );
      if (!category) throw new DomainError('NOT_FOUND', 'Category not found');
      const [{ products } = { products: 0 }] = await tx.em.execute<{ products: number }[]>(
        'select count(*)::int as products from product where tenant_id = ? and category_id = ?',
        [tx.tenant.id, id],
      );
      if (products > 0)
        throw new DomainError(
          'CONFLICT',
          `The category still has ${products} product${products === 1 ? '' : 's'}: move them to another category first.`,
        );
      await tx.em.execute('delete from product_category where tenant_id = ? and id = ?', [tx.tenant.id, id]);
      tx.audit?.change({
        subject: { type: 'product_category', id: String(id) },
        before: category,
        after: null,
      });
      return category;
    });
  }

  /**
   * Names are unique per tenant regardless of case and padding ('Electronics' = ' electronics ').
   * A transaction-scoped advisory lock on the folded name serialises concurrent creations, so
   * the check cannot race; the unique index still backs exact duplicates.
   */
  async createCategory(scope: Scope, input: { name: string; description?: string | null | undefined }) {
    const name = input.name.trim();
    const duplicate = () => validationError({ name: ['A category with this name already exists.'] });
    try {
      return await inTransaction(scope, async (tx) => {
        await tx.em.execute('select pg_advisory_xact_lock(?, hashtext(lower(?)))', [tx.tenant.id, name]);
        const [taken] = await tx.em.execute<{ id: number }[]>(
          'select id from product_category where tenant_id = ? and lower(name) = lower(?) limit 1',
          [tx.tenant.id, name],
        );
        if (taken) throw duplicate();
        const category = tx.em.create(Category, {
          tenant: tx.tenant.id,
          name,
          description: input.description ?? null,
          createdAt: tx.now,
        });
        await tx.em.flush();
        return category;
      });
    } catch (e) {
      if (e instanceof UniqueConstraintViolationException) throw duplicate();
      throw e;
    }
  }

  async #assertCategory(scope: Scope, categoryId: number | null | undefined) {
    if (categoryId == null) return;
    if (!(await scope.em.count(Category, { id: categoryId }))) {
      throw validationError({ category_id: ['The selected category does not exist.'] });
    }
  }

  async createProduct(scope: Scope, input: ProductInput) {
    await this.#assertCategory(scope, input.categoryId);
    const product = scope.em.create(Product, {
      tenant: scope.tenant.id,
      category: input.categoryId ?? null,
      name: input.name,
      description: input.description ?? null,
      specifications: input.specifications ?? null,
      price: input.price,
      featurePhoto: input.featurePhoto ?? null,
      images: input.images ?? [],
      stockQuantity: input.stockQuantity ?? 0,
      createdAt: scope.now,
    });
    await scope.em.flush();
    return this.detail(scope, product.id);
  }

  async updateProduct(scope: Scope, id: number, input: Partial<ProductInput>) {
    const product = await scope.em.findOne(Product, { id });
    if (!product) throw new DomainError('NOT_FOUND', 'Product not found');
    await this.#assertCategory(scope, input.categoryId);
    scope.em.assign(product, {
      ...(input.name !== undefined && { name: input.name }),
      ...(input.description !== undefined && { description: input.description }),
      ...(input.specifications !== undefined && { specifications: input.specifications }),
      ...(input.price !== undefined && { price: input.price }),
      ...(input.categoryId !== undefined && { category: input.categoryId }),
      ...(input.featurePhoto !== undefined && { featurePhoto: input.featurePhoto }),
      ...(input.images !== undefined && { images: input.images }),
      ...(input.stockQuantity !== undefined && { stockQuantity: input.stockQuantity }),
    });
    await scope.em.flush();
    return this.detail(scope, id);
  }

  /** Takes stock for a sale; fails instead of overselling (the update checks and decrements at once). */
  async reserveStock(scope: Scope, productId: number, quantity: number): Promise<void> {
    const rows = await scope.em.execute<{ id: number }[]>(
      `update product set stock_quantity = stock_quantity - ?
       where tenant_id = ? and id = ? and stock_quantity >= ? returning id`,
      [quantity, scope.tenant.id, productId, quantity],
    );
    if (rows.length === 0) {
      throw new DomainError('INSUFFICIENT_STOCK', 'Insufficient stock for this product', {
        fields: { quantity: ['The requested quantity is not in stock.'] },
      });
    }
  }

  async releaseStock(scope: Scope, productId: number, quantity: number): Promise<void> {
    await scope.em.execute(
      'update product set stock_quantity = stock_quantity + ? where tenant_id = ? and id = ?',
      [quantity, scope.tenant.id, productId],
    );
  }
}
