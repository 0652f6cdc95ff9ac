// Request and response shapes of the ansania-ecommerce spec's checkout and order endpoints.
import { COURIER_CODES, type CourierCode, SHOP_LIST_STATUSES } from '@komisi/domain';
import { z } from 'zod';
import { trimmed } from '../shared/request-fields.schemas.ts';
import { amountOutput, countOutput, idOutput } from '../shared/response-fields.schemas.ts';
import { id } from './ansania.schemas.ts';
import { limit, page, pagination } from './catalog.schemas.ts';

const money = amountOutput;
const isoDateTime = z.string().meta({ example: '2026-02-03T10:00:00Z' });
/** A courier code in any case (the spec writes `jnt` and `JNT`). */
const courier = z.preprocess<
  unknown,
  z.ZodEnum<{ [K in CourierCode]: K }>,
  CourierCode | Uppercase<CourierCode>
>((v) => (typeof v === 'string' ? v.trim().toLowerCase() : v), z.enum(COURIER_CODES));
const orderNumber = z.string().trim().min(1).max(40).meta({ example: 'ORD-20260203-001' });
/** Not in the spec's order shapes: what a review's `order_id` names (the order number works too). */
export const orderId = idOutput.meta({
  description: 'the order’s id, e.g. for `order_id` when reviewing a product',
  example: 1,
});

// POST /checkout/validate
export const checkoutIssue = z.object({
  item_id: idOutput.nullable(),
  type: z.enum(['empty_cart', 'unavailable', 'out_of_stock', 'insufficient_stock', 'voucher_invalid']),
  message: z.string(),
  available: countOutput.optional(),
  code: z.string().optional().meta({ description: 'voucher_invalid: the rule’s code, e.g. VOUCHER_EXPIRED' }),
});
export const validateCheckoutOutput = z.object({ valid: z.boolean(), issues: z.array(checkoutIssue) });

// POST /checkout/calculate-shipping
export const calculateShippingInput = z.object({ shipping_address_id: id, courier });
export const shippingOptionsOutput = z.object({
  shipping_options: z.array(
    z.object({ service: z.string(), description: z.string(), cost: money, etd: z.string() }),
  ),
});

// POST /checkout/create-order
export const createOrderInput = z.object({
  shipping_address_id: id,
  shipping_courier: courier,
  shipping_service: trimmed(z.string().min(1).max(20)).meta({ example: 'REG' }),
  payment_method: trimmed(z.string().min(1).max(32)).meta({ example: 'virtual_account' }),
  payment_channel: trimmed(z.string().min(1).max(40)).nullable().optional(),
  customer_note: trimmed(z.string().max(500)).nullable().optional(),
  callback_url: z.url().max(2000).nullable().optional(),
});
export const createOrderOutput = z.object({
  order: z.object({ id: orderId, order_number: z.string(), total_amount: money, status: z.string() }),
  payment: z.object({
    transaction_id: z.string(),
    payment_url: z.string(),
    payment_token: z.string().nullable(),
    expired_at: isoDateTime.nullable(),
  }),
});

// GET /orders
export const listOrdersInput = z
  .object({
    page,
    limit: limit(10),
    status: z.enum(SHOP_LIST_STATUSES).optional(),
    sort: z.enum(['newest', 'oldest']).default('newest'),
  })
  .optional()
  .transform((v) => v ?? { page: 1, limit: 10, sort: 'newest' as const, status: undefined });

const paymentStatus = z.enum(['unpaid', 'paid', 'failed', 'refunded']);
export const orderListOutput = z.object({
  orders: z.array(
    z.object({
      id: orderId,
      order_number: z.string(),
      created_at: isoDateTime,
      status: z.string(),
      payment_status: paymentStatus,
      total_amount: money,
      items_preview: z.array(
        z.object({ product_name: z.string(), quantity: countOutput, image: z.string().nullable() }),
      ),
    }),
  ),
  pagination,
});

// GET /orders/{order_number}
export const orderNumberInput = z.object({ order_number: orderNumber });
export const orderDetailOutput = z.object({
  order: z.object({
    id: orderId,
    order_number: z.string(),
    status: z.string(),
    payment_status: paymentStatus,
    created_at: isoDateTime,
    paid_at: isoDateTime.nullable(),
    cancelled_at: isoDateTime.nullable(),
    cancel_reason: z.string().nullable(),
    refund_due: money.meta({ description: 'what the shop owes back (a paid order that was cancelled)' }),
    customer_note: z.string().nullable(),
    items: z.array(
      z.object({
        product_name: z.string(),
        variant_name: z.string().nullable(),
        sku: z.string().nullable(),
        quantity: countOutput,
        price: money,
        subtotal: money,
        image: z.string().nullable(),
      }),
    ),
    shipping: z.object({
      recipient_name: z.string().nullable(),
      phone: z.string().nullable(),
      address: z.string().nullable(),
      courier: z.string().nullable(),
      service: z.string().nullable(),
      tracking_number: z.string().nullable(),
      cost: money,
    }),
    payment: z.object({
      method: z.string(),
      channel: z.string().nullable(),
      transaction_id: z.string().nullable(),
      amount: money,
    }),
    summary: z.object({
      subtotal: money,
      discount: money,
      voucher_code: z.string().nullable(),
      shipping_cost: money,
      shipping_discount: money,
      total: money,
    }),
  }),
});

// PUT /orders/{order_number}/cancel
export const cancelOrderInput = z.object({
  order_number: orderNumber,
  reason: trimmed(z.string().min(1, 'is required').max(500)),
});

// GET /orders/{order_number}/invoice
export const fileOutput = z.object({
  filename: z.string(),
  base64: z.string().meta({ description: 'REST answers the decoded bytes (application/pdf) instead' }),
});
