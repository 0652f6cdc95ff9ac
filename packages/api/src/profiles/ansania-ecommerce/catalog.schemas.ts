// Request and response shapes of the ansania-ecommerce spec: products and reviews.
import { type OrderRef, REVIEW_SORTS, STOREFRONT_SORTS } from '@komisi/domain';
import { z } from 'zod';
import {
  boundedInt,
  coercedNumber,
  INT4_MAX,
  INT32,
  INT64,
  MONEY_MAX,
  pageNumber,
  queryBoolean,
  rowId,
} from '../shared/request-fields.schemas.ts';
import { amountOutput, countOutput, idOutput } from '../shared/response-fields.schemas.ts';

const NOT_A_NUMBER = { message: 'must be a number' };
export const id = rowId(NOT_A_NUMBER);
export const page = pageNumber(NOT_A_NUMBER).default(1);
export const limit = (fallback: number) => boundedInt(1, 100, NOT_A_NUMBER).default(fallback);
const money = amountOutput.meta({ description: 'IDR (no minor unit)' });
const amount = coercedNumber(NOT_A_NUMBER).int().min(0).max(MONEY_MAX).meta(INT64);
const isoDateTime = z.string().meta({ example: '2026-01-15T10:00:00.000Z' });
const filterList = z
  .string()
  .max(300)
  .meta({ description: 'One value or several separated by commas (any matches; case-insensitive)' });

export const pagination = z.object({
  page: countOutput,
  limit: countOutput,
  total: countOutput,
  totalPages: countOutput,
});

export const stockStatus = z.enum(['in_stock', 'low_stock', 'out_of_stock']).meta({
  description: 'Sum of the visible variants\u2019 stock: 0 out_of_stock, 1\u20135 low_stock, more in_stock',
});

// GET /products
export const productListInput = z
  .object({
    page,
    limit: limit(20),
    sort: z
      .enum(STOREFRONT_SORTS)
      .meta({ description: 'Default: relevance when `search` is given, otherwise newest' })
      .optional(),
    category: z.string().trim().max(120).meta({ description: 'Category slug' }).optional(),
    color: filterList.optional(),
    finishing: filterList.optional(),
    size: filterList.optional(),
    price_min: amount.meta({ description: 'Minimum selling price (IDR)' }).optional(),
    price_max: amount.meta({ description: 'Maximum selling price (IDR)' }).optional(),
    rating_min: coercedNumber(NOT_A_NUMBER)
      .min(1)
      .max(5)
      .meta({ description: 'Minimum average rating as shown (1-5, one decimal)' })
      .optional(),
    search: z
      .string()
      .trim()
      .max(200)
      .meta({ description: 'Words (prefixes) to find in the name and description' })
      .optional(),
    in_stock: queryBoolean
      .meta({ description: 'true: only products with a visible variant in stock' })
      .optional(),
  })
  .refine((q) => q.price_min === undefined || q.price_max === undefined || q.price_min <= q.price_max, {
    message: 'must not be below price_min',
    path: ['price_max'],
  });

export const productCard = z.object({
  id: idOutput,
  slug: z.string(),
  name: z.string(),
  short_description: z.string().nullable(),
  selling_price: money,
  compare_price: money.nullable(),
  images: z.array(z.string()),
  rating: z.number(),
  total_reviews: countOutput,
  is_featured: z.boolean(),
  stock_status: stockStatus,
});
export const productListOutput = z.object({ products: z.array(productCard), pagination });

// GET /products/{slug}
export const productDetailInput = z.object({ slug: z.string().trim().min(1).max(160) });
export const productDetailOutput = z.object({
  product: z.object({
    id: idOutput,
    slug: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    short_description: z.string().nullable(),
    selling_price: money,
    compare_price: money.nullable(),
    images: z.array(
      z.object({
        id: idOutput,
        url: z.string(),
        alt: z.string().nullable(),
        is_primary: z.boolean(),
      }),
    ),
    variants: z.array(
      z.object({
        id: idOutput,
        sku: z.string(),
        color: z.string().nullable(),
        finishing: z.string().nullable(),
        size: z.string().nullable(),
        price: money,
        stock: countOutput,
        is_visible: z.boolean(),
      }),
    ),
    categories: z.array(z.object({ id: idOutput, name: z.string(), slug: z.string().nullable() })),
    rating: z.number(),
    total_reviews: countOutput,
    weight: countOutput.nullable().meta({ description: 'grams' }),
    dimensions: z
      .object({ length: z.number(), width: z.number(), height: z.number() })
      .nullable()
      .meta({ description: 'centimetres' }),
  }),
});

// GET /products/{id}/reviews
export const reviewListInput = z.object({
  id,
  page,
  limit: limit(10),
  sort: z.enum(REVIEW_SORTS).default('recent'),
});

export const review = z.object({
  id: idOutput,
  user: z.object({ name: z.string(), avatar: z.string().nullable() }),
  rating: countOutput,
  title: z.string().nullable(),
  comment: z.string().nullable(),
  images: z.array(z.string()),
  is_verified_purchase: z.boolean(),
  helpful_count: countOutput,
  created_at: isoDateTime,
});

export const reviewListOutput = z.object({
  reviews: z.array(review),
  summary: z.object({
    average_rating: z.number(),
    total_reviews: countOutput,
    rating_distribution: z.object({
      5: countOutput,
      4: countOutput,
      3: countOutput,
      2: countOutput,
      1: countOutput,
    }),
  }),
  pagination,
});

// POST /products/{id}/reviews
const isHttpUrl = (v: string) => {
  try {
    const url = new URL(v);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
};
/** Optional text: trimmed, and blank counts as null (the null check runs after the blank became null). */
const optionalText = (max: number) =>
  z
    .preprocess<unknown, z.ZodNullable<z.ZodString>, string | null>(
      (v) => (typeof v === 'string' ? v.trim() || null : v),
      z.string().max(max).nullable(),
    )
    .optional();

const ORDER_REF = 'must be an order id or order number';
const ORDER_NUMBER = /^[A-Za-z0-9][A-Za-z0-9-]{0,39}$/;
/** The order a review names: its `id` (an integer, or digits in a string) or its `order_number`. */
const orderRef = z
  // the bounds the transform enforces, shown on the number (checked there, so the message stays ORDER_REF)
  .union(
    [
      z
        .number()
        .int()
        .meta({ ...INT32, minimum: 1, maximum: INT4_MAX }),
      z.string(),
    ],
    {
      error: (issue) => (issue.input === undefined ? 'is required' : ORDER_REF),
    },
  )
  .transform((value, ctx): OrderRef => {
    const v = typeof value === 'string' ? value.trim() : value;
    if (typeof v === 'number' || /^\d+$/.test(v)) {
      const n = Number(v);
      if (n >= 1 && n <= INT4_MAX) return { id: n };
    } else if (ORDER_NUMBER.test(v)) return { orderNumber: v };
    ctx.addIssue({ code: 'custom', message: ORDER_REF });
    return z.NEVER;
  })
  .meta({
    description:
      'The order the product was bought in: its `id` (as every order response shows it) or its `order_number`',
    examples: [1, 'ORD-20260203-001'],
  });

export const createReviewInput = z.object({
  id,
  order_id: orderRef,
  rating: z.number({ message: 'must be a whole number from 1 to 5' }).int().min(1).max(5).meta(INT32),
  title: optionalText(200),
  comment: optionalText(5000),
  images: z
    .array(
      z
        .string()
        .trim()
        .max(1000)
        .refine(
          isHttpUrl,
          'must be an http(s) URL of a hosted image: image uploads (base64) are not supported yet',
        ),
    )
    .max(5, 'at most 5 images')
    .optional()
    .meta({ description: 'Up to 5 http(s) image URLs (base64 uploads are not supported yet)' }),
});
export const createReviewOutput = z.object({ review });
