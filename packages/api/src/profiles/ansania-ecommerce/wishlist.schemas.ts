// Request and response shapes of the ansania-ecommerce spec: wishlist.
import { z } from 'zod';
import { INT32 } from '../shared/request-fields.schemas.ts';
import { amountOutput, countOutput, idOutput } from '../shared/response-fields.schemas.ts';
import { id, stockStatus } from './catalog.schemas.ts';

export const wishlistItem = z.object({
  id: idOutput,
  product: z.object({
    id: idOutput,
    name: z.string(),
    slug: z.string(),
    price: amountOutput.meta({ description: 'The saved variant\u2019s price, else the selling price' }),
    image: z.string().nullable(),
    stock_status: stockStatus,
  }),
  variant: z
    .object({
      id: idOutput,
      color: z.string().nullable(),
      finishing: z.string().nullable(),
      size: z.string().nullable(),
    })
    .nullable(),
  added_at: z.string().meta({ example: '2026-02-01T10:00:00.000Z' }),
});

export const wishlistInput = z.object({}).optional();
export const wishlistOutput = z.object({ items: z.array(wishlistItem) });

export const addWishlistInput = z.object({
  product_id: id,
  product_variant_id: id.nullable().optional(),
});
export const addWishlistOutput = z.object({ item: wishlistItem });

export const wishlistItemIdInput = z.object({ id });

export const moveToCartInput = z.object({
  id,
  quantity: z
    .number({ message: 'must be a whole number of at least 1' })
    .int()
    .min(1)
    .max(999)
    .meta(INT32)
    .default(1),
  product_variant_id: id
    .optional()
    .meta({ description: 'Needed when the item was saved without a variant and the product has several' }),
});
export const moveToCartOutput = z.object({
  message: z.string(),
  cart_id: idOutput,
  product_variant_id: idOutput,
  quantity: countOutput,
});
