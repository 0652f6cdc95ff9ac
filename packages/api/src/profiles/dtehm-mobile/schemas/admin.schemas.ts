import { z } from 'zod';
import { INT32, INT64, MONEY_MAX, trimmed } from '../../shared/request-fields.schemas.ts';
import { countOutput, idOutput } from '../../shared/response-fields.schemas.ts';
import { id, page, pagination, perPage } from './primitives.schemas.ts';
import { productDetailOutput } from './products.schemas.ts';

// Admin catalog
export const createCategoryInput = z.object({
  name: z.string().trim().min(1).max(255),
  description: z.string().trim().max(5000).optional(),
});
export const categoryOutput = z.object({
  id: idOutput,
  name: z.string(),
  description: z.string().nullable(),
});

// GET /admin/categories (ours, in the spec's conventions: page/per_page and its pagination block)
export const adminCategoriesInput = z.object({
  page,
  per_page: perPage,
  search: trimmed(z.string().max(100)).optional().meta({ description: 'part of the name, any case' }),
});
export const adminCategoriesOutput = z.object({
  categories: z.array(categoryOutput.extend({ product_count: countOutput })),
  pagination,
});
// DELETE /admin/categories/{id}
export const categoryIdInput = z.object({ id });

/** Image addresses the app will load: http(s) only (no `javascript:` or `data:` URLs). */
const webUrl = z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).max(1000);

const productFields = {
  name: z.string().trim().min(1).max(255),
  description: z.string().max(20_000).nullable().optional(),
  specifications: z.string().max(20_000).nullable().optional(),
  price: z
    .number()
    .int('must be a whole amount in the currency minor unit')
    .min(0)
    .max(MONEY_MAX)
    .meta(INT64),
  category_id: id.nullable().optional(),
  feature_photo: webUrl.nullable().optional(),
  images: z.array(webUrl).max(20).optional(),
  stock_quantity: z.number().int().min(0).max(1e9).meta(INT32).optional(),
};
export const createProductInput = z.object(productFields);
export const updateProductInput = z.object({ id, ...z.object(productFields).partial().shape });

export const emptyInput = z.object({}).optional();
export const okOutput = z.object({ ok: z.literal(true) });

/** What admin product writes return: the product as its detail page shows it, without related items. */
export const adminProductOutput = productDetailOutput.omit({ related_products: true });
