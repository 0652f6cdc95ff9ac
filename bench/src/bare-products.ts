// GET /products/list by hand on `pg`: the same statements, in the same order, as our catalog
// service (bind parameters instead of inlined literals), and the same response body.
import { countLimit } from '@komisi/api';
import type pg from 'pg';
import { HttpError, intParam, localDateTime, pageWindow } from './bare-http.ts';

const SORT = { name: 'lower(p.name)', price: 'p.price', created_at: 'p.created_at' } as const;
export const SUMMARY = `p.id, p.name, p.description, p.price, p.feature_photo as "featurePhoto",
  p.category_id as "categoryId", c.name as "categoryName", p.stock_quantity as "stockQuantity",
  p.created_at as "createdAt"`;

export interface SummaryRow {
  id: number;
  name: string;
  description: string | null;
  price: string;
  featurePhoto: string | null;
  categoryId: number | null;
  categoryName: string | null;
  stockQuantity: number;
  createdAt: Date;
}

const presentProduct = (p: SummaryRow) => ({
  id: p.id,
  name: p.name,
  description: p.description,
  price: Number(p.price),
  feature_photo: p.featurePhoto,
  category_id: p.categoryId,
  category_name: p.categoryName,
  stock_quantity: p.stockQuantity,
  in_stock: p.stockQuantity > 0,
  created_at: localDateTime(p.createdAt),
});

export async function productList(pool: pg.Pool, tenantId: number, q: Record<string, string | undefined>) {
  const page = intParam(q.page, 1);
  const perPage = intParam(q.per_page, 20, 100);
  const sortBy = (q.sort_by ?? 'created_at') as keyof typeof SORT;
  if (!(sortBy in SORT)) throw new HttpError(400, 'invalid sort_by');
  const dir = q.sort_order === 'asc' ? 'asc' : 'desc';
  const offset = (page - 1) * perPage;
  const params: unknown[] = [];
  const $ = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  // the filter twice (count, then page), each with its own parameters, as our bound SQL sends it
  const filter = () => {
    const where = [`p.tenant_id = ${$(tenantId)}`];
    if (q.category_id) where.push(`p.category_id = ${$(intParam(q.category_id, 0))}`);
    const words = (q.search ?? '').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
    if (words.length)
      where.push(
        `p.search_vector @@ to_tsquery('simple', ${$(
          words
            .slice(0, 8)
            .map((w) => `${w}:*`)
            .join(' & '),
        )})`,
      );
    return where.join(' and ');
  };
  // matches are counted up to the page's offset + COUNT_AHEAD, as ours
  const counted = () => `(select 1 from product p where ${filter()} limit ${$(countLimit(offset))}) counted`;
  const { rows } = await pool.query<SummaryRow & { total: number }>(
    `select ${SUMMARY}, (select count(*)::int from ${counted()}) as total
     from product p left join product_category c on c.id = p.category_id
     where ${filter()}
     order by ${SORT[sortBy]} ${dir}, p.id ${dir}
     limit ${$(perPage)} offset ${$(offset)}`,
    params,
  );
  let total = rows[0]?.total;
  if (total === undefined) {
    params.length = 0;
    const count = await pool.query<{ total: number }>(
      `select count(*)::int as total from ${counted()}`,
      params,
    );
    total = count.rows[0]?.total ?? 0;
  }
  const { offset: _o, ...pagination } = pageWindow(total, page, perPage);
  return { products: rows.map(presentProduct), pagination };
}
