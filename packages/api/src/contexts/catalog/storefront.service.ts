import { DomainError, pageWindow, prefixTsQuery, type StorefrontSort } from '@komisi/domain';
import { type Scope, toSafeInteger } from '../../kernel/scope.ts';
import { countLimit } from './counted-total.ts';
import { variantFilterSql } from './variant-filter.ts';

/**
 * The storefront catalog (ansania-ecommerce): products with a slug, sold through variants.
 * A product's selling price is its lowest visible variant price and its stock the sum of its
 * visible variants' stock; a trigger on product_variant keeps both on the product row
 * (`selling_price`, `visible_stock`), so lists over 100k products aggregate nothing.
 */

/** Total visible stock at or below this is "low_stock" (docs/decisions.md, ansania-ecommerce). */
export const LOW_STOCK_THRESHOLD = 5;

export type StockStatus = 'in_stock' | 'low_stock' | 'out_of_stock';

export function stockStatus(stock: number): StockStatus {
  if (stock <= 0) return 'out_of_stock';
  return stock <= LOW_STOCK_THRESHOLD ? 'low_stock' : 'in_stock';
}

/** Average rating to one decimal (half up), 0 without reviews; SQL filters round the same way. */
export function averageRating(ratingSum: number, reviewCount: number): number {
  return reviewCount > 0 ? Math.round((ratingSum * 10) / reviewCount) / 10 : 0;
}

export interface StorefrontQuery {
  page: number;
  limit: number;
  /** default: by relevance when searching, otherwise newest */
  sort?: StorefrontSort | undefined;
  categorySlug?: string | undefined;
  /** each list matches when any visible variant has one of the values (case-insensitive) */
  colors?: string[] | undefined;
  finishings?: string[] | undefined;
  sizes?: string[] | undefined;
  priceMin?: number | undefined;
  priceMax?: number | undefined;
  ratingMin?: number | undefined;
  search?: string | undefined;
  /** true: only products with a visible variant in stock (matching the variant filters) */
  inStock?: boolean | undefined;
}

export interface ProductCard {
  id: number;
  slug: string;
  name: string;
  shortDescription: string | null;
  sellingPrice: number;
  comparePrice: number | null;
  images: string[];
  rating: number;
  reviewCount: number;
  isFeatured: boolean;
  stockStatus: StockStatus;
}

export interface ProductDetail {
  id: number;
  slug: string;
  name: string;
  description: string | null;
  shortDescription: string | null;
  sellingPrice: number;
  comparePrice: number | null;
  images: { id: number; url: string; alt: string | null; isPrimary: boolean }[];
  variants: {
    id: number;
    sku: string;
    color: string | null;
    finishing: string | null;
    size: string | null;
    price: number;
    stock: number;
    isVisible: boolean;
  }[];
  categories: { id: number; name: string; slug: string | null }[];
  rating: number;
  reviewCount: number;
  weightGrams: number | null;
  dimensions: { length: number; width: number; height: number } | null;
}

/** Image URLs of a product, primary first. */
const imageOrder = 'i.is_primary desc, i.position, i.id';

// Bare output-column names only: the same ORDER BY then sorts the page and the query around it.
const ORDER_BY: Record<StorefrontSort | 'relevance', string> = {
  newest: 'created_at desc, id desc',
  price_asc: 'selling_price asc, id asc',
  price_desc: 'selling_price desc, id desc',
  popular: 'sold_count desc, id desc',
  rating: 'avg_rating desc nulls last, review_count desc, id desc',
  relevance: 'search_rank desc, created_at desc, id desc',
};

interface CardRow {
  id: number;
  slug: string;
  name: string;
  short_description: string | null;
  compare_price: string | number | null;
  is_featured: boolean;
  review_count: number;
  rating_sum: number;
  selling_price: string | number;
  stock: number;
  total: number;
  images: string[];
}

export class StorefrontService {
  /**
   * One page of product cards: one statement (page, total and images), plus a count past the end.
   * The total counts matches up to the page's offset + COUNT_AHEAD (counted-total.ts).
   */
  async list(scope: Scope, q: StorefrontQuery) {
    const window = pageWindow(0, q.page, q.limit); // validates page and limit before any query
    const where = ['p.tenant_id = ?', 'p.slug is not null'];
    const params: unknown[] = [scope.tenant.id];

    if (q.categorySlug) {
      where.push(
        'p.category_id = (select c.id from product_category c where c.tenant_id = ? and c.slug = ?)',
      );
      params.push(scope.tenant.id, q.categorySlug.trim().toLowerCase());
    }

    const variants = variantFilterSql({
      colors: q.colors,
      finishings: q.finishings,
      sizes: q.sizes,
      inStock: q.inStock,
    });
    if (variants) {
      where.push(variants.sql);
      params.push(...variants.params);
    }

    if (q.priceMin !== undefined) {
      where.push('p.selling_price >= ?');
      params.push(q.priceMin);
    }
    if (q.priceMax !== undefined) {
      where.push('p.selling_price <= ?');
      params.push(q.priceMax);
    }
    if (q.ratingMin !== undefined) {
      // the rating as shown (one decimal), so a card showing 4.0 passes rating_min=4
      where.push('p.review_count > 0 and round(p.rating_sum::numeric / p.review_count, 1) >= ?');
      params.push(q.ratingMin);
    }

    const tsQuery = q.search ? prefixTsQuery(q.search) : null;
    const selectParams: unknown[] = [];
    let rank = 'null::real';
    if (tsQuery) {
      where.push(`p.search_vector @@ to_tsquery('simple', ?)`);
      params.push(tsQuery);
      rank = `ts_rank(p.search_vector, to_tsquery('simple', ?))`;
      selectParams.push(tsQuery);
    }
    const orderBy = ORDER_BY[q.sort ?? (tsQuery ? 'relevance' : 'newest')];
    const filter = where.join(' and ');

    // The total is its own subquery, not a window over the page: each part then gets its own plan
    // (an ordered index walk that stops after one page; a bitmap scan that counts), where a window
    // count would make the ordered walk visit every match.
    const rows = await scope.em.execute<CardRow[]>(
      `with page as (
         select p.id, p.slug, p.name, p.short_description, p.compare_price, p.is_featured,
           p.review_count, p.rating_sum, p.sold_count, p.created_at, p.selling_price,
           p.visible_stock as stock,
           p.rating_sum::numeric / nullif(p.review_count, 0) as avg_rating,
           ${rank} as search_rank
         from product p where ${filter}
         order by ${orderBy}
         limit ? offset ?
       )
       select page.*,
         (select count(*)::int from (select 1 from product p where ${filter} limit ?) counted) as total,
         coalesce(
           (select json_agg(i.url order by ${imageOrder}) from product_image i where i.product_id = page.id),
           '[]'::json) as images
       from page order by ${orderBy}`,
      [...selectParams, ...params, window.limit, window.offset, ...params, countLimit(window.offset)],
    );
    let total = rows[0]?.total;
    if (total === undefined) {
      const [count] = await scope.em.execute<{ total: number }[]>(
        `select count(*)::int as total from (select 1 from product p where ${filter} limit ?) counted`,
        [...params, countLimit(window.offset)],
      );
      total = count?.total ?? 0;
    }
    return { products: rows.map(toCard), window: pageWindow(total, q.page, q.limit) };
  }

  /** A product by slug with its images, visible variants and category: one statement. */
  async bySlug(scope: Scope, slug: string): Promise<ProductDetail> {
    const [row] = await scope.em.execute<
      {
        id: number;
        slug: string;
        name: string;
        description: string | null;
        short_description: string | null;
        selling_price: string | number;
        compare_price: string | number | null;
        review_count: number;
        rating_sum: number;
        weight_grams: number | null;
        dimensions: ProductDetail['dimensions'];
        category_id: number | null;
        category_name: string | null;
        category_slug: string | null;
        images: { id: number; url: string; alt: string | null; is_primary: boolean }[];
        variants: {
          id: number;
          sku: string;
          color: string | null;
          finishing: string | null;
          size: string | null;
          price: number;
          stock: number;
          is_visible: boolean;
        }[];
      }[]
    >(
      `select p.id, p.slug, p.name, p.description, p.short_description, p.selling_price,
         p.compare_price, p.review_count, p.rating_sum, p.weight_grams, p.dimensions,
         c.id as category_id, c.name as category_name, c.slug as category_slug,
         coalesce((select json_agg(json_build_object('id', i.id, 'url', i.url, 'alt', i.alt, 'is_primary', i.is_primary)
                     order by ${imageOrder})
                   from product_image i where i.product_id = p.id), '[]'::json) as images,
         coalesce((select json_agg(json_build_object('id', x.id, 'sku', x.sku, 'color', x.color,
                       'finishing', x.finishing, 'size', x.size, 'price', x.price, 'stock', x.stock,
                       'is_visible', x.is_visible) order by x.id)
                   from product_variant x where x.product_id = p.id and x.is_visible), '[]'::json) as variants
       from product p
       left join product_category c on c.id = p.category_id
       where p.tenant_id = ? and p.slug = ?`,
      [scope.tenant.id, slug],
    );
    if (!row) throw new DomainError('NOT_FOUND', 'Product not found');
    return {
      id: row.id,
      slug: row.slug,
      name: row.name,
      description: row.description,
      shortDescription: row.short_description,
      sellingPrice: toSafeInteger(row.selling_price),
      comparePrice: row.compare_price === null ? null : toSafeInteger(row.compare_price),
      images: row.images.map((i) => ({ id: i.id, url: i.url, alt: i.alt, isPrimary: i.is_primary })),
      variants: row.variants.map((x) => ({
        id: x.id,
        sku: x.sku,
        color: x.color,
        finishing: x.finishing,
        size: x.size,
        price: toSafeInteger(x.price),
        stock: x.stock,
        isVisible: x.is_visible,
      })),
      categories:
        row.category_id === null
          ? []
          : [{ id: row.category_id, name: row.category_name ?? '', slug: row.category_slug }],
      rating: averageRating(row.rating_sum, row.review_count),
      reviewCount: row.review_count,
      weightGrams: row.weight_grams,
      dimensions: row.dimensions,
    };
  }
}

function toCard(r: CardRow): ProductCard {
  return {
    id: r.id,
    slug: r.slug,
    name: r.name,
    shortDescription: r.short_description,
    sellingPrice: toSafeInteger(r.selling_price),
    comparePrice: r.compare_price === null ? null : toSafeInteger(r.compare_price),
    images: r.images,
    rating: averageRating(r.rating_sum, r.review_count),
    reviewCount: r.review_count,
    isFeatured: r.is_featured,
    stockStatus: stockStatus(r.stock),
  };
}
