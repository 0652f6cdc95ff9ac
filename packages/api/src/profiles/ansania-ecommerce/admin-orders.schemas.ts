// Request and response shapes of the ansania admin order endpoints (not in the shop's spec: ours).
import { FULFILMENT_STATUSES, SHOP_ORDER_STATUSES } from '@komisi/domain';
import { z } from 'zod';
import { trimmed } from '../shared/request-fields.schemas.ts';
import { amountOutput, idOutput } from '../shared/response-fields.schemas.ts';
import { limit, page, pagination } from './catalog.schemas.ts';
import { orderDetailOutput, orderId, orderNumberInput } from './checkout.schemas.ts';

const money = amountOutput;
const isoDateTime = z.string().meta({ example: '2026-02-03T10:00:00Z' });
const paymentStatus = z.enum(['unpaid', 'paid', 'failed', 'refunded']);
const customer = z.object({
  id: idOutput,
  name: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
});

// GET /admin/orders
export const adminListOrdersInput = z
  .object({
    page,
    limit: limit(20),
    status: z.enum(SHOP_ORDER_STATUSES).optional(),
  })
  .optional()
  .transform((v) => v ?? { page: 1, limit: 20, status: undefined });

export const adminOrderListOutput = z.object({
  orders: z.array(
    z.object({
      id: orderId,
      order_number: z.string(),
      created_at: isoDateTime,
      paid_at: isoDateTime.nullable(),
      status: z.string(),
      payment_status: paymentStatus,
      total_amount: money,
      refund_due: money,
      tracking_number: z.string().nullable(),
      customer,
    }),
  ),
  pagination,
});

// GET /admin/orders/{order_number}
export const adminOrderNumberInput = orderNumberInput;
export const adminOrderDetailOutput = z.object({
  order: orderDetailOutput.shape.order.extend({
    refunded_at: isoDateTime.nullable(),
    customer,
    timeline: z
      .array(
        z.object({
          status: z.string(),
          note: z.string().nullable(),
          actor_id: idOutput.nullable().meta({ description: 'who made the change; null: the system' }),
          created_at: isoDateTime,
        }),
      )
      .meta({ description: 'every status the order reached, oldest first' }),
  }),
});

// PUT /admin/orders/{order_number}/status
export const updateOrderStatusInput = orderNumberInput.extend({
  status: z.enum(FULFILMENT_STATUSES),
  note: trimmed(z.string().max(500)).nullable().optional(),
  tracking_number: trimmed(z.string().max(60)).nullable().optional().meta({
    description: 'required when `status` is `shipped`, refused otherwise',
    example: 'JNT0012345678',
  }),
});

// POST /admin/orders/{order_number}/refund
export const refundOrderInput = orderNumberInput.extend({
  reason: trimmed(z.string().min(1, 'is required').max(500)),
});

// PUT /admin/orders/{order_number}/tracking
export const setTrackingInput = orderNumberInput.extend({
  tracking_number: trimmed(z.string().min(1, 'is required').max(60)).meta({ example: 'JNT0012345679' }),
  note: trimmed(z.string().max(400)).nullable().optional(),
});
