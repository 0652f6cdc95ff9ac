// Request and response shapes of the ansania admin voucher endpoints (not in the shop's spec: ours, with
// the spec's voucher field names and units).
import { VOUCHER_DISCOUNT_TYPES, VOUCHER_STATES } from '@komisi/domain';
import { z } from 'zod';
import { INT4_MAX, INT32, INT64, MONEY_MAX, trimmed } from '../shared/request-fields.schemas.ts';
import { amountOutput, countOutput, idOutput } from '../shared/response-fields.schemas.ts';
import { id } from './ansania.schemas.ts';
import { limit, page, pagination } from './catalog.schemas.ts';

const money = amountOutput;
const isoDateTime = z.string().meta({ example: '2026-02-01T00:00:00Z' });

const code = trimmed(z.string().min(1, 'is required').max(32, 'must be at most 32 characters')).meta({
  description: 'letters, digits, - and _; stored in capitals (`ramadan25` is `RAMADAN25`)',
  example: 'RAMADAN25',
});
const name = trimmed(z.string().min(1, 'is required').max(200));
const description = trimmed(z.string().max(1000)).nullable();
const discountValue = z
  .number({ message: 'must be a number' })
  .min(0, 'must not be negative')
  .max(MONEY_MAX)
  .meta({
    description:
      'percentage: percent, up to two decimals (10 = 10%); fixed: IDR off the items; free_shipping: the most ' +
      'shipping covered in IDR (0 = all of it)',
  });
const amount = z
  .number({ message: 'must be a number' })
  .int('must be a whole number')
  .min(0, 'must not be negative')
  .max(MONEY_MAX)
  .meta(INT64);
const count = z
  .number({ message: 'must be a number' })
  .int('must be a whole number')
  .min(0, 'must not be negative')
  .max(INT4_MAX)
  .meta(INT32);
const when = z.iso
  .datetime({ offset: true, message: 'must be a date and time like 2026-02-01T00:00:00Z' })
  .meta({ example: '2026-02-01T00:00:00Z' });

const voucherFields = {
  code,
  name,
  description: description.optional(),
  discount_type: z.enum(VOUCHER_DISCOUNT_TYPES),
  discount_value: discountValue,
  max_discount_amount: amount.nullable().optional().meta({ description: 'most taken off; null: no cap' }),
  min_purchase_amount: amount.optional().meta({ description: 'least item subtotal; default 0' }),
  start_date: when.nullable().optional().meta({ description: 'first moment it applies; null: at once' }),
  end_date: when.nullable().optional().meta({ description: 'last moment it applies; null: no end' }),
  usage_limit: count.nullable().optional().meta({ description: 'uses by all customers; null: no limit' }),
  per_customer_limit: count.nullable().optional().meta({ description: 'uses per customer; null: no limit' }),
  is_public: z
    .boolean({ message: 'must be true or false' })
    .optional()
    .meta({ description: 'listed in GET /vouchers/available (default true)' }),
};

// GET /admin/vouchers
const listFields = z.object({
  page,
  limit: limit(20),
  status: z
    .enum(['all', ...VOUCHER_STATES])
    .default('all')
    .meta({ description: 'the voucher’s state now (see `state`)' }),
  search: trimmed(z.string().max(100)).optional().meta({ description: 'part of the code or name' }),
  sort: z.enum(['newest', 'oldest', 'code', 'ending_soon', 'most_used']).default('newest'),
});
export const adminListVouchersInput = listFields.optional().transform((v) => v ?? listFields.parse({}));

const voucherShape = z.object({
  id: idOutput,
  code: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  discount_type: z.enum(VOUCHER_DISCOUNT_TYPES),
  discount_value: z
    .number()
    .meta({ description: 'percentage: percent (10 = 10%); fixed and free_shipping: IDR' }),
  max_discount_amount: money.nullable(),
  min_purchase_amount: money,
  start_date: isoDateTime.nullable(),
  end_date: isoDateTime.nullable(),
  usage_limit: countOutput.nullable(),
  per_customer_limit: countOutput.nullable(),
  used_count: countOutput.meta({
    description: 'uses counted against the limit (cancelled orders give theirs back)',
  }),
  usage_remaining: countOutput
    .nullable()
    .meta({ description: 'uses left under usage_limit; null: unlimited' }),
  is_active: z.boolean(),
  is_public: z.boolean(),
  state: z.enum(VOUCHER_STATES).meta({
    description:
      'inactive (switched off), expired (past end_date), scheduled (before start_date), used_up (usage_limit ' +
      'reached) or active',
  }),
  affiliate_id: idOutput.nullable().meta({ description: 'the voucher-code affiliate whose code it is' }),
  created_at: isoDateTime,
});

export const adminVoucherListOutput = z.object({ vouchers: z.array(voucherShape), pagination });

// GET /admin/vouchers/{id} (and what every change answers)
export const adminVoucherIdInput = z.object({ id });
export const adminVoucherOutput = z.object({
  voucher: voucherShape.extend({
    usage: z.object({
      used_count: countOutput,
      voided_count: countOutput.meta({
        description: 'uses given back: the order was cancelled, failed to pay or was refunded',
      }),
      paid_orders: countOutput.meta({ description: 'orders with it that were paid and not refunded' }),
      total_discount: money.meta({ description: 'discount (items and shipping) on those paid orders' }),
    }),
    recent_orders: z
      .array(
        z.object({
          order_number: z.string().nullable(),
          status: z.string(),
          total_amount: money,
          discount_amount: money,
          redemption_status: z.enum(['active', 'void']),
          customer: z.object({ id: idOutput, name: z.string(), email: z.string() }),
          created_at: isoDateTime,
        }),
      )
      .meta({ description: 'the latest ten orders that used it, newest first' }),
  }),
});

// POST /admin/vouchers
export const createVoucherInput = z.object({ ...voucherFields, is_active: z.boolean().optional() });

// PUT /admin/vouchers/{id}
export const updateVoucherInput = z
  .object({
    id,
    code: code.optional(),
    name: name.optional(),
    description: voucherFields.description,
    discount_type: voucherFields.discount_type.optional(),
    discount_value: discountValue.optional(),
    max_discount_amount: voucherFields.max_discount_amount,
    min_purchase_amount: voucherFields.min_purchase_amount,
    start_date: voucherFields.start_date,
    end_date: voucherFields.end_date,
    usage_limit: voucherFields.usage_limit,
    per_customer_limit: voucherFields.per_customer_limit,
    is_public: voucherFields.is_public,
  })
  .refine((v) => v.discount_value === undefined || v.discount_type !== undefined, {
    message: 'is required with discount_value (its unit depends on the type)',
    path: ['discount_type'],
  });

export type CreateVoucherInput = z.output<typeof createVoucherInput>;
export type UpdateVoucherInput = z.output<typeof updateVoucherInput>;
