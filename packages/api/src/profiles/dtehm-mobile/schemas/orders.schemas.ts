import { z } from 'zod';
import { boundedInt } from '../../shared/request-fields.schemas.ts';
import { countOutput, idOutput } from '../../shared/response-fields.schemas.ts';
import {
  callbackUrl,
  clientStatus,
  dateTime,
  id,
  memberNumber,
  money,
  page,
  pagination,
  paymentMethod,
  perPage,
} from './primitives.schemas.ts';

// 4. Orders
const memberRef = z.object({
  id: idOutput,
  name: z.string(),
  member_id: z.string().nullable(),
});
export const quantity = boundedInt(1, 10_000);

/** An optional member number of an order; '' and null (what app forms send for "none") mean absent. */
const optionalParty = z.preprocess<unknown, z.ZodOptional<typeof memberNumber>, string | null | undefined>(
  (v) => (v === '' || v === null ? undefined : v),
  memberNumber.optional(),
);
/** Who earns the stockist line; which members qualify is the tenant's plan (`stockistEligibility`). */
const stockistParty = optionalParty.meta({
  description:
    'Member number of the stockist (earns the stockist line): any active member, or only members ' +
    'holding the stockist role when the tenant’s plan designates stockists',
  example: 'DTEHM20250002',
});

export const commissionPreviewInput = z.object({
  product_id: id,
  quantity: quantity.default(1),
  sponsor_id: optionalParty,
  stockist_id: stockistParty,
});
/** The sale fields both the preview and the order carry. */
export type SaleRequestInput = Pick<
  z.output<typeof commissionPreviewInput>,
  'product_id' | 'quantity' | 'sponsor_id' | 'stockist_id'
>;
export const commissionPreviewOutput = z.object({
  product: z.object({
    id: idOutput,
    name: z.string(),
    price: money,
    quantity: countOutput,
    total: money,
  }),
  sponsor: memberRef.nullable(),
  stockist: memberRef.nullable(),
  commissions: z.array(
    z.object({
      level: z.string().meta({ example: 'GN1' }),
      rate: z.number().meta({ description: 'percent', example: 2.5 }),
      amount: money,
      member: memberRef,
    }),
  ),
  summary: z.object({
    product_price: money,
    stockist_commission: money,
    network_commission: money,
    total_commission: money,
    balance: money,
    commission_percentage: z.number(),
  }),
});

export const createOrderInput = z.object({
  product_id: id,
  quantity: quantity.default(1),
  sponsor_id: optionalParty,
  stockist_id: stockistParty,
  payment_method: paymentMethod.default('pesapal'),
  callback_url: callbackUrl,
});
export const createOrderOutput = z.object({
  order_id: idOutput,
  ordered_item_id: idOutput,
  total_amount: money,
  payment_url: z.string(),
  tracking_id: z.string(),
});

export const ORDER_STATUS_LABELS = ['Pending Payment', 'Paid', 'Payment Failed'] as const;
const orderStatus = z.enum(ORDER_STATUS_LABELS);

export const confirmOrderInput = z.object({
  order_id: id,
  transaction_reference: z.string().trim().max(128).optional(),
  status: clientStatus,
});
export const confirmOrderOutput = z.object({
  order_id: idOutput,
  status: orderStatus,
  commissions_created: countOutput,
  total_commission: money,
});

export const myOrdersInput = z.object({ page, per_page: perPage, status: orderStatus.optional() });
export const myOrdersOutput = z.object({
  orders: z.array(
    z.object({
      id: idOutput,
      order_date: dateTime,
      total_amount: money,
      status: orderStatus,
      payment_method: z.string(),
      items: z.array(
        z.object({
          product_name: z.string(),
          product_image: z.string().nullable(),
          quantity: countOutput,
          amount: money,
        }),
      ),
    }),
  ),
  pagination,
});

const partyName = z.object({ name: z.string(), member_id: z.string().nullable() }).nullable();
export const orderDetailInput = z.object({ id });
export const orderDetailOutput = z.object({
  id: idOutput,
  order_date: dateTime,
  total_amount: money,
  status: orderStatus,
  payment_method: z.string(),
  payment_reference: z.string().nullable(),
  customer_name: z.string(),
  customer_phone: z.string().nullable(),
  customer_address: z.string().nullable(),
  items: z.array(
    z.object({
      id: idOutput,
      product: z.object({
        id: idOutput,
        name: z.string(),
        image: z.string().nullable(),
        price: money,
      }),
      quantity: countOutput,
      amount: money,
      sponsor: partyName,
      stockist: partyName,
    }),
  ),
});
