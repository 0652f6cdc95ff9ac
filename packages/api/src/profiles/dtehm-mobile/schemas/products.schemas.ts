import { z } from 'zod';
import { dateTime, id, money, page, pagination_from_to, perPage } from './primitives.schemas.ts';

// 3. Products
export const productListInput = z.object({
  page,
  per_page: perPage,
  category_id: id.optional(),
  search: z.string().trim().max(200).optional(),
  sort_by: z.enum(['name', 'price', 'created_at']).default('created_at'),
  sort_order: z.enum(['asc', 'desc']).default('desc'),
});
const productSummary = z.object({
  id: z.number().int(),
  name: z.string(),
  description: z.string().nullable(),
  price: money,
  feature_photo: z.string().nullable(),
  category_id: z.number().int().nullable(),
  category_name: z.string().nullable(),
  stock_quantity: z.number().int(),
  in_stock: z.boolean(),
  created_at: dateTime,
});
export const productListOutput = z.object({
  products: z.array(productSummary),
  pagination: pagination_from_to,
});

export const productDetailInput = z.object({ id });
export const productDetailOutput = productSummary.extend({
  specifications: z.string().nullable(),
  images: z.array(z.string()),
  related_products: z.array(
    z.object({ id: z.number().int(), name: z.string(), price: money, feature_photo: z.string().nullable() }),
  ),
});

export const categoriesOutput = z.array(
  z.object({
    id: z.number().int(),
    name: z.string(),
    description: z.string().nullable(),
    product_count: z.number().int(),
  }),
);
