// The ansania storefront endpoints (product list, add to cart) by hand on `pg`: the statements of
// StorefrontService.list and CartsService.addItem + contents, with bind parameters.

import { countLimit, variantFilterSql } from '@komisi/api';
import type pg from 'pg';
import { CART_LINES_SQL, type LineRow } from './bare-checkout.ts';
import { HttpError } from './bare-http.ts';

const LOW_STOCK = 5;
const stockStatus = (stock: number) =>
  stock <= 0 ? 'out_of_stock' : stock <= LOW_STOCK ? 'low_stock' : 'in_stock';
const rating = (sum: number, count: number) => (count > 0 ? Math.round((sum * 10) / count) / 10 : 0);
const whole = (raw: string | undefined, fallback: number, min: number, max: number) => {
  const n = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new HttpError(400, 'invalid number');
  return n;
};

const ORDER_BY: Record<string, string> = {
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
  compare_price: string | null;
  is_featured: boolean;
  review_count: number;
  rating_sum: number;
  selling_price: string;
  stock: number;
  total: number;
  images: string[];
}

const list = (raw: string | undefined) =>
  (raw ?? '')
    .split(',')
    .map((v) => v.trim().toLowerCase())
    .filter((v) => v.length > 0);

export async function shopProducts(pool: pg.Pool, tenantId: number, q: Record<string, string | undefined>) {
  const page = whole(q.page, 1, 1, Number.MAX_SAFE_INTEGER);
  const limit = whole(q.limit, 20, 1, 100);
  const params: unknown[] = [];
  const $ = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const words = (q.search ?? '').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const tsQuery = words.length
    ? words
        .slice(0, 8)
        .map((w) => `${w}:*`)
        .join(' & ')
    : null;
  const where = [`p.tenant_id = ${$(tenantId)}`, 'p.slug is not null'];
  const category = q.category?.trim();
  if (category) {
    where.push(
      `p.category_id = (select c.id from product_category c where c.tenant_id = ${$(tenantId)} and c.slug = ${$(category.toLowerCase())})`,
    );
  }
  // the same key expression as ours (imported: it must hash exactly as the trigger does)
  const variants = variantFilterSql({
    colors: list(q.color),
    finishings: list(q.finishing),
    sizes: list(q.size),
    inStock: q.in_stock === 'true' || q.in_stock === '1',
  });
  if (variants) {
    let next = 0;
    where.push(variants.sql.replace(/\?/g, () => $(variants.params[next++])));
  }
  if (q.price_min !== undefined && q.price_min !== '')
    where.push(`p.selling_price >= ${$(whole(q.price_min, 0, 0, Number.MAX_SAFE_INTEGER))}`);
  if (q.price_max !== undefined && q.price_max !== '')
    where.push(`p.selling_price <= ${$(whole(q.price_max, 0, 0, Number.MAX_SAFE_INTEGER))}`);
  // one bound search term, used by the filter and the rank
  const term = tsQuery ? $(tsQuery) : null;
  if (term) where.push(`p.search_vector @@ to_tsquery('simple', ${term})`);
  const rank = term ? `ts_rank(p.search_vector, to_tsquery('simple', ${term}))` : 'null::real';
  const orderBy = ORDER_BY[q.sort ?? (tsQuery ? 'relevance' : 'newest')];
  if (!orderBy) throw new HttpError(400, 'invalid sort');
  const filter = where.join(' and ');
  const { rows } = await pool.query<CardRow>(
    `with page as (
       select p.id, p.slug, p.name, p.short_description, p.compare_price, p.is_featured,
         p.review_count, p.rating_sum, p.sold_count, p.created_at, p.selling_price,
         p.visible_stock as stock,
         p.rating_sum::numeric / nullif(p.review_count, 0) as avg_rating,
         ${rank} as search_rank
       from product p where ${filter}
       order by ${orderBy}
       limit ${$(limit)} offset ${$((page - 1) * limit)}
     )
     select page.*,
       (select count(*)::int from (select 1 from product p where ${filter} limit ${$(countLimit((page - 1) * limit))}) counted) as total,
       coalesce(
         (select json_agg(i.url order by i.is_primary desc, i.position, i.id) from product_image i where i.product_id = page.id),
         '[]'::json) as images
     from page order by ${orderBy}`,
    params,
  );
  let total = rows[0]?.total;
  if (total === undefined) {
    const filterParams = params.slice(0, -3); // without limit, offset and the count's limit, bound last
    const count = await pool.query<{ total: number }>(
      `select count(*)::int as total from (select 1 from product p where ${filter} limit $${filterParams.length + 1}) counted`,
      [...filterParams, countLimit((page - 1) * limit)],
    );
    total = count.rows[0]?.total ?? 0;
  }
  const rest = total % limit;
  return {
    products: rows.map((r) => ({
      id: r.id,
      slug: r.slug,
      name: r.name,
      short_description: r.short_description,
      selling_price: Number(r.selling_price),
      compare_price: r.compare_price === null ? null : Number(r.compare_price),
      images: r.images,
      rating: rating(r.rating_sum, r.review_count),
      total_reviews: r.review_count,
      is_featured: r.is_featured,
      stock_status: stockStatus(r.stock),
    })),
    pagination: {
      page,
      limit,
      total,
      totalPages: Math.max(1, (total - rest) / limit + (rest > 0 ? 1 : 0)),
    },
  };
}

/** POST /cart/items for a signed-in customer: the transaction of addItem, then the cart's contents. */
export async function cartAdd(pool: pg.Pool, tenantId: number, accountId: number, body: unknown) {
  const input = body as { product_variant_id?: unknown; quantity?: unknown };
  const variantId = Number(input.product_variant_id);
  const quantity = input.quantity === undefined ? 1 : Number(input.quantity);
  if (!Number.isInteger(variantId) || variantId < 1 || !Number.isInteger(quantity) || quantity < 1)
    throw new HttpError(422, 'invalid input');
  const client = await pool.connect();
  let cart: { id: number; voucher_code: string | null };
  try {
    await client.query('begin');
    try {
      const now = new Date();
      const { rows: variant } = await client.query<{ id: number; stock: number; is_visible: boolean }>(
        'select id, stock, is_visible from product_variant where tenant_id = $1 and id = $2',
        [tenantId, variantId],
      );
      if (!variant[0]?.is_visible) throw new HttpError(422, 'Product variant not found');
      const { rows: carts } = await client.query<{ id: number; voucher_code: string | null }>(
        `insert into cart (tenant_id, account_id, created_at, updated_at) values ($1, $2, $3, $4)
         on conflict (account_id) do update set updated_at = excluded.updated_at
         returning id, account_id, voucher_code`,
        [tenantId, accountId, now, now],
      );
      cart = carts[0]!;
      const cartId = cart.id;
      const { rows: line } = await client.query<{ quantity: number }>(
        'select quantity from cart_item where tenant_id = $1 and cart_id = $2 and variant_id = $3',
        [tenantId, cartId, variantId],
      );
      const inCart = line[0]?.quantity ?? 0;
      if (inCart + quantity > variant[0].stock) throw new HttpError(400, 'Insufficient stock');
      await client.query(
        `insert into cart_item (tenant_id, cart_id, variant_id, quantity, added_at) values ($1, $2, $3, $4, $5)
         on conflict (cart_id, variant_id) do update set quantity = excluded.quantity`,
        [tenantId, cartId, variantId, inCart + quantity, now],
      );
      await client.query('commit');
    } catch (e) {
      await client.query('rollback');
      throw e;
    }
  } finally {
    client.release();
  }
  // the cart row the upsert returned; its lines read after the commit
  const { rows } = await pool.query<LineRow>(CART_LINES_SQL, [tenantId, cart.id]);
  // (a stored voucher code would be re-evaluated here; the bench carts hold none)
  const items = rows.map((r) => {
    const price = Number(r.price);
    return {
      id: r.id,
      product: { id: r.product_id, name: r.product_name, slug: r.product_slug, image: r.image },
      variant: { id: r.variant_id, sku: r.sku, color: r.color, finishing: r.finishing, size: r.size },
      quantity: r.quantity,
      price,
      subtotal: price * r.quantity,
      stock_available: r.is_visible ? r.stock : 0,
    };
  });
  const subtotal = items.reduce((s, i) => s + i.subtotal, 0);
  return {
    cart: {
      id: cart.id,
      items,
      subtotal,
      discount_amount: 0,
      voucher: null,
      total: subtotal,
      voucher_issue: null,
    },
  };
}
