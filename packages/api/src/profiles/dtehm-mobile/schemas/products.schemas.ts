import { z } from 'zod';
import { countOutput, idOutput } from '../../shared/response-fields.schemas.ts';
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
  id: idOutput,
  name: z.string(),
  description: z.string().nullable(),
  price: money,
  feature_photo: z.string().nullable(),
  category_id: idOutput.nullable(),
  category_name: z.string().nullable(),
  stock_quantity: countOutput,
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
    z.object({ id: idOutput, name: z.string(), price: money, feature_photo: z.string().nullable() }),
  ),
});

export const categoriesOutput = z.array(
  z.object({
    id: idOutput,
    name: z.string(),
    description: z.string().nullable(),
    product_count: countOutput,
  }),
);
