import { z } from 'zod';
import { INT32, INT64, MONEY_MAX } from '../../shared/request-fields.schemas.ts';
import { idOutput } from '../../shared/response-fields.schemas.ts';
import { id } from './primitives.schemas.ts';
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
