// Request and response shapes of the ansania-ecommerce spec's cart and voucher endpoints.
import { VOUCHER_DISCOUNT_TYPES } from '@komisi/domain';
import { z } from 'zod';
import { coercedNumber, INT32, INT64, MONEY_MAX, trimmed } from '../shared/request-fields.schemas.ts';
import { amountOutput, countOutput, idOutput } from '../shared/response-fields.schemas.ts';
import { id } from './ansania.schemas.ts';

const money = amountOutput;
const isoDateTime = z.string().meta({ example: '2026-02-01T00:00:00Z' });

const quantity = coercedNumber({ message: 'must be a number' })
  .int('must be a whole number')
  .min(1, 'must be at least 1')
  .max(10_000, 'must be at most 10000')
  .meta(INT32);
const voucherCode = trimmed(z.string().min(1, 'is required').max(40)).meta({ example: 'WELCOME10' });

export const addCartItemInput = z.object({ product_variant_id: id, quantity });
export const updateCartItemInput = z.object({ id, quantity });
export const cartItemIdInput = z.object({ id });
export const voucherCodeInput = z.object({ code: voucherCode });
export const validateVoucherInput = z.object({
  code: voucherCode,
  cart_total: coercedNumber({ message: 'must be a number' })
    .int('must be a whole number')
    .min(0, 'must not be negative')
    .max(MONEY_MAX)
    .meta(INT64),
});

export const voucherDiscountOutput = z.object({
  code: z.string(),
  discount_type: z.enum(VOUCHER_DISCOUNT_TYPES),
  discount_value: z
    .number()
    .meta({ description: 'percentage: percent (10 = 10%); fixed and free_shipping: IDR' }),
  discount_amount: money,
});

const cartItemOutput = z.object({
  id: idOutput,
  product: z.object({
    id: idOutput,
    name: z.string(),
    slug: z.string().nullable(),
    image: z.string().nullable(),
  }),
  variant: z.object({
    id: idOutput,
    sku: z.string(),
    color: z.string().nullable(),
    finishing: z.string().nullable(),
    size: z.string().nullable(),
  }),
  quantity: countOutput,
  price: money,
  subtotal: money,
  stock_available: countOutput,
});

export const cartShape = z.object({
  id: idOutput.nullable().meta({ description: 'null while the caller has no cart' }),
  items: z.array(cartItemOutput),
  subtotal: money,
  discount_amount: money,
  voucher: voucherDiscountOutput.nullable(),
  total: money,
  voucher_issue: z
    .object({ voucher_code: z.string(), code: z.string(), message: z.string() })
    .nullable()
    .meta({ description: 'the applied voucher code when it does not apply to the cart right now, and why' }),
});

export const cartOutput = z.object({ cart: cartShape });
export const appliedVoucherOutput = z.object({ voucher: voucherDiscountOutput, cart: cartShape });

export const availableVouchersOutput = z.object({
  vouchers: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      description: z.string().nullable(),
      discount_type: z.enum(VOUCHER_DISCOUNT_TYPES),
      discount_value: z.number(),
      max_discount_amount: money.nullable(),
      min_purchase_amount: money,
      start_date: isoDateTime.nullable(),
      end_date: isoDateTime.nullable(),
      usage_remaining: countOutput.nullable().meta({ description: 'uses left for you; null when unlimited' }),
    }),
  ),
});

export const validVoucherOutput = z.object({ valid: z.literal(true), voucher: voucherDiscountOutput });
