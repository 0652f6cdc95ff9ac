// Request and response shapes of the qutab-platform spec: customer auth, profile, orders, tracking.
import { z } from 'zod';
import { boundedInt, type DigitsId, pageNumber, rowId, trimmed } from '../shared/request-fields.schemas.ts';
import { amountOutput, countOutput } from '../shared/response-fields.schemas.ts';

const text = (min: number, max: number) => trimmed(z.string().min(min).max(max));
const email = trimmed(z.email().max(254));
const phone = trimmed(
  z.string().regex(/^\+?[0-9][0-9 -]{6,18}[0-9]$/, 'must be a phone number like 081234567890'),
);
export const password = z.string().min(8, 'must be at least 8 characters').max(200);
const isoDateTime = z.string().meta({ example: '2026-01-10T10:00:00.000Z' });
const money = amountOutput.meta({ description: 'Rupiah (whole)' });

export const emptyInput = z.object({}).optional();
export const messageOutput = z.object({ message: z.string() });

// ---------------------------------------------------------------- auth
export const userSummary = z.object({ id: z.string(), name: z.string(), email: z.string() });
export const sessionOutput = z.object({
  access_token: z.string(),
  token_type: z.literal('Bearer'),
  expires_in: countOutput.meta({ description: 'Seconds until the access token expires' }),
  refresh_token: z
    .string()
    .meta({ description: 'Not in the document: trade it at /auth/refresh for new tokens' }),
  user: userSummary,
});
export const refreshInput = z.object({ refresh_token: z.string().min(1).max(500) });
export const registerInput = z.object({ name: text(1, 255), email, phone, password });
export const loginInput = z.object({ email: text(3, 254), password: z.string().min(1).max(200) });
export const forgotPasswordInput = z.object({ email });
/** A confirmation, when sent, must repeat the password. */
const confirmed = (password: string, confirmation: string) => (v: Record<string, unknown>) =>
  v[confirmation] === undefined || v[confirmation] === v[password];

export const resetPasswordInput = z
  .object({
    token: z.string().min(20).max(200),
    password,
    password_confirmation: z.string().max(200).optional(),
  })
  .refine(confirmed('password', 'password_confirmation'), {
    message: 'does not match the password',
    path: ['password_confirmation'],
  });

// ---------------------------------------------------------------- profile
export const profileOutput = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
});
/** Only the editable fields; anything else sent (email, roles, ...) is ignored. */
export const updateProfileInput = z.object({
  name: text(1, 255).optional(),
  phone: phone.optional(),
  address: trimmed(z.string().max(500)).nullable().optional(),
});
export const changePasswordInput = z
  .object({
    current_password: z.string().min(1).max(200),
    new_password: password,
    new_password_confirmation: z.string().max(200).optional(),
  })
  .refine(confirmed('new_password', 'new_password_confirmation'), {
    message: 'does not match the new password',
    path: ['new_password_confirmation'],
  });

// ---------------------------------------------------------------- products (not in the spec: what orders name)
export const productOutput = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  price: money,
  stock: countOutput,
  image: z.string().nullable(),
});
export const productListOutput = z.object({ products: z.array(productOutput) });

// ---------------------------------------------------------------- orders
export const QUTAB_ORDER_STATUSES = [
  'pending',
  'paid',
  'processing',
  'distributed',
  'completed',
  'cancelled',
  'failed',
  'refunded',
] as const;
export type QutabOrderStatus = (typeof QUTAB_ORDER_STATUSES)[number];

export const orderOutput = z.object({
  id: z.string().meta({ description: 'Order ID (the order number)' }),
  product_id: z.string(),
  product_name: z.string(),
  quantity: countOutput.meta({ description: 'Number of animals (or shares)' }),
  total_amount: money,
  status: z.enum(QUTAB_ORDER_STATUSES),
  created_at: isoDateTime,
  payment_method: z.string(),
  recipient_name: z.string().nullable().meta({ description: 'Qurban recipient name' }),
  recipient_location: z.string().nullable().meta({ description: 'Distribution location' }),
});
export const orderDetailOutput = orderOutput.extend({
  subtotal: money,
  discount: money,
  coupon_code: z.string().nullable(),
  paid_at: isoDateTime.nullable(),
  payment_status: z.enum(['unpaid', 'paid', 'failed', 'refunded']),
  payment_url: z.string().nullable().meta({ description: 'Where to pay while the order is pending' }),
});
/** `{ page, limit, total, total_pages }` of every paged list */
export const pagination = z.object({
  page: countOutput,
  limit: countOutput,
  total: countOutput,
  total_pages: countOutput,
});
export const pageInput = z.object({
  page: pageNumber().default(1),
  limit: boundedInt(1, 100).default(20),
});

export const orderListInput = pageInput.extend({ status: z.enum(QUTAB_ORDER_STATUSES).optional() });
export const orderListOutput = z.object({
  orders: z.array(orderOutput),
  pagination,
});
export const orderIdInput = z.object({ id: z.string().trim().min(1).max(40) });
export const createOrderInput = z.object({
  // the products list gives ids as digit strings: sent back as they are, they work
  product_id: rowId<DigitsId>({ message: 'must be a product id' }),
  quantity: boundedInt(1, 100, { message: 'must be a number' }),
  recipient_name: text(1, 200),
  recipient_location: text(1, 300),
  payment_method: text(1, 32),
  coupon_code: trimmed(z.string().max(40)).nullable().optional(),
  notes: trimmed(z.string().max(500)).nullable().optional(),
  callback_url: z.url().max(1000).nullable().optional(),
});

export const trackingOutput = z.object({
  order_id: z.string(),
  status: z.enum(QUTAB_ORDER_STATUSES),
  tracking: z.array(
    z.object({
      status: z.enum(QUTAB_ORDER_STATUSES),
      note: z.string().nullable(),
      created_at: isoDateTime,
    }),
  ),
});

// ---------------------------------------------------------------- admin
export const adminOrderListInput = orderListInput;
const adminCustomer = z
  .object({ id: z.string(), name: z.string(), email: z.string().nullable() })
  .nullable()
  .meta({ description: 'who ordered (null: the account is gone)' });
export const adminOrderSummaryOutput = z.object({
  id: z.string().meta({ description: 'Order ID (the order number)' }),
  total_amount: money,
  status: z.enum(QUTAB_ORDER_STATUSES),
  created_at: isoDateTime,
  payment_method: z.string(),
  recipient_name: z.string().nullable(),
  recipient_location: z.string().nullable(),
  coupon_code: z.string().nullable(),
  customer: adminCustomer,
});
export const adminOrderListOutput = z.object({ orders: z.array(adminOrderSummaryOutput), pagination });
export const adminOrderDetailOutput = orderDetailOutput.extend({
  customer: adminCustomer,
  tracking: trackingOutput.shape.tracking,
});
export const adminMoveInput = z.object({
  id: z.string().trim().min(1).max(40),
  status: z.enum(['processing', 'distributed', 'completed']),
  note: trimmed(z.string().max(500)).nullable().optional(),
});
export const adminRefundInput = z.object({ id: z.string().trim().min(1).max(40), reason: text(1, 500) });
export const jobRunInput = z.object({ name: z.string().trim().min(1).max(100) });
export const jobRunOutput = z.object({
  name: z.string(),
  status: z.enum(['succeeded', 'failed', 'skipped']).meta({ description: 'skipped: it was already running' }),
  processed: countOutput,
});
