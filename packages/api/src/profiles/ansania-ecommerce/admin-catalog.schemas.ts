// Request and response shapes of the ansania admin catalog endpoints (not in the shop's spec: ours).
import { z } from 'zod';
import { INT32, MONEY_MAX, trimmed } from '../shared/request-fields.schemas.ts';
import { amountOutput, countOutput, idOutput } from '../shared/response-fields.schemas.ts';
import { id } from './ansania.schemas.ts';
import { limit, page, pagination } from './catalog.schemas.ts';

const money = amountOutput.meta({ description: 'IDR (no minor unit)' });
const isoDateTime = z.string().meta({ example: '2026-01-15T10:00:00Z' });

// GET /admin/products
const listFields = z.object({
  page,
  limit: limit(20),
  search: trimmed(z.string({ message: 'must be a string' }).max(100, 'must be at most 100 characters'))
    .optional()
    .meta({ description: 'part of the name or slug, or of a variant’s SKU' }),
});
export const adminListProductsInput = listFields.optional().transform((v) => v ?? listFields.parse({}));

const productShape = z.object({
  id: idOutput,
  name: z.string(),
  slug: z.string().nullable(),
  price: money.meta({ description: 'the base price (variants have their own)' }),
  category_id: idOutput.nullable(),
  created_at: isoDateTime,
});

export const adminProductListOutput = z.object({
  products: z.array(
    productShape.extend({
      variant_count: countOutput,
      total_stock: countOutput.meta({ description: 'units in stock over all its variants' }),
      min_price: money.nullable().meta({ description: 'lowest variant price; null: no variants' }),
      max_price: money.nullable(),
    }),
  ),
  pagination,
});

const variantShape = z.object({
  id: idOutput,
  product_id: idOutput,
  sku: z.string(),
  color: z.string().nullable(),
  finishing: z.string().nullable(),
  size: z.string().nullable(),
  price: money,
  stock: countOutput,
  is_visible: z.boolean(),
});

// GET /admin/products/{id}
export const adminProductIdInput = z.object({ id });
export const adminProductOutput = z.object({
  product: productShape.extend({ variants: z.array(variantShape).meta({ description: 'oldest first' }) }),
});

// POST /admin/variants/{id}/adjust-stock
export const adjustStockInput = z.object({
  id,
  change: z
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(-100_000, 'must be at least -100000')
    .max(100_000, 'must be at most 100000')
    .refine((v) => v !== 0, 'must not be 0')
    .meta({ ...INT32, description: 'units counted in (positive) or out (negative)', example: 12 }),
  reason: trimmed(
    z
      .string({ message: 'must be a string' })
      .min(1, 'is required')
      .max(500, 'must be at most 500 characters'),
  ).meta({
    description: 'why (a delivery, a count, damage); kept in the audit log',
    example: 'Delivery from the workshop',
  }),
});

const price = z
  .number({ message: 'must be a number' })
  .int('must be a whole number')
  .min(1, 'must be at least 1')
  .max(MONEY_MAX)
  .meta({ description: 'IDR', example: 3_500_000 });
const productName = trimmed(
  z.string({ message: 'must be a string' }).min(1, 'is required').max(255, 'must be at most 255 characters'),
).meta({ example: 'Oak Dining Table' });
const slug = trimmed(
  z
    .string({ message: 'must be a string' })
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case letters and digits joined by -')
    .max(160, 'must be at most 160 characters'),
).meta({
  description: 'the storefront address (`/products/{slug}`); unique in the shop',
  example: 'oak-dining-table',
});
const description = trimmed(z.string({ message: 'must be a string' }).max(10_000)).nullable();
const categoryId = z
  .number({ message: 'must be a number' })
  .int('must be a whole number')
  .min(1, 'must be at least 1')
  .max(2_147_483_647)
  .nullable()
  .meta({ ...INT32, example: 2 });

// POST /admin/products
export const createProductInput = z.object({
  name: productName,
  slug,
  description: description.optional(),
  price: price.meta({ description: 'the base price, shown while it has no visible variant' }),
  category_id: categoryId.optional(),
});

// PUT /admin/products/{id}
export const updateProductInput = z.object({
  id,
  name: productName.optional(),
  slug: slug.optional(),
  description: description.optional(),
  price: price.optional(),
  category_id: categoryId.optional(),
});

const option = trimmed(z.string({ message: 'must be a string' }).max(60, 'must be at most 60 characters'))
  .nullable()
  .optional();

// POST /admin/products/{id}/variants
export const createVariantInput = z.object({
  id: id.meta({ description: 'the product' }),
  sku: trimmed(
    z
      .string({ message: 'must be a string' })
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'must be letters, digits, ., - or _')
      .max(64, 'must be at most 64 characters'),
  ).meta({ description: 'unique in the shop', example: 'TABLE-OAK-XL' }),
  color: option,
  finishing: option,
  size: option,
  price,
  stock: z
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(0, 'must not be negative')
    .max(1_000_000, 'must be at most 1000000')
    .default(0)
    .meta({ ...INT32, description: 'units on hand now; later changes go through adjust-stock' }),
  is_visible: z.boolean({ message: 'must be true or false' }).default(true),
});

// PUT /admin/variants/{id}
export const updateVariantInput = z.object({
  id,
  price: z
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(MONEY_MAX)
    .optional()
    .meta({ description: 'IDR', example: 3_250_000 }),
  is_visible: z.boolean({ message: 'must be true or false' }).optional(),
});

export const adminVariantOutput = z.object({ variant: variantShape });
