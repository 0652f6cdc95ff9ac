// Request and response shapes of the affiliate-marketer spec (camelCase bodies) and its admin endpoints.
import { z } from 'zod';
import { coercedNumber, INT32, rowId, trimmed } from '../shared/request-fields.schemas.ts';
import { amountOutput, countOutput, idOutput, totalOutput } from '../shared/response-fields.schemas.ts';

const NOT_A_NUMBER = (field: string) => `${field} must be a number conforming to the specified constraints`;

/** A query number: '3' → 3; anything else names the field, NestJS style. */
const queryInt = (field: string, min: number, max: number) =>
  coercedNumber({ message: NOT_A_NUMBER(field) })
    .int({ message: NOT_A_NUMBER(field) })
    .min(min, { message: `${field} must not be less than ${min}` })
    .max(max, { message: `${field} must not be greater than ${max}` })
    .meta(INT32)
    .optional();

export const emptyInput = z.object({}).optional();

export const monthlyReportInput = z
  .object({
    month: queryInt('month', 1, 12).meta({ description: 'Month (1-12); defaults to the current month' }),
    year: queryInt('year', 2000, 9999).meta({ description: 'Year, e.g. 2024; defaults to the current year' }),
  })
  .optional();

const money = amountOutput.meta({ description: 'In currency units (IDR has no decimals)' });

export const commissionOutput = z.object({
  totalCommission: money,
  totalOrders: countOutput,
  totalAmountSold: money,
});

export const productSold = z.object({
  productId: idOutput,
  productName: z.string().optional(),
  quantity: totalOutput,
  totalAmount: money,
});

export const statsOutput = z.object({
  totalOrders: countOutput,
  totalAmountSold: money,
  totalCommission: money,
  productsSold: z.array(productSold),
});

export const monthlyReportOutput = z.object({
  month: z.number().int().min(1).max(12).meta(INT32),
  year: z.number().int().min(2000).max(9999).meta(INT32),
  totalCommission: money,
  totalAmountSold: money,
  totalOrders: countOutput,
  productsSold: z.array(productSold),
});

// --- admin ---

/** 0–100 with at most two decimals, e.g. 12.5 (stored as 1250 basis points). */
const percent = z
  .number({ message: 'must be a number' })
  .min(0, { message: 'must not be less than 0' })
  .max(100, { message: 'must not be greater than 100' })
  // the same rule as the domain's percentToBps, which turns the value into basis points
  .refine((v) => Math.round(Math.abs(v) * 100) / 100 === Math.abs(v), {
    message: 'must have at most two decimals',
  });

const affiliateFields = {
  name: trimmed(z.string({ message: 'must be a string' }).min(1, 'should not be empty').max(255)),
  email: trimmed(z.email({ message: 'must be an email' }).max(254)),
  password: z.string({ message: 'must be a string' }).min(8, 'must be at least 8 characters').max(200),
  voucher_code: trimmed(
    z
      .string({ message: 'must be a string' })
      .regex(/^[A-Za-z0-9_-]{3,40}$/, 'must be 3–40 letters, digits, - or _'),
  ),
  discount_percent: percent,
  commission_percent: percent,
};

export const createAffiliateInput = z.object(affiliateFields);

export const updateAffiliateInput = z.object({
  id: rowId({ message: 'must be a number' }),
  name: affiliateFields.name.optional(),
  email: affiliateFields.email.optional(),
  password: affiliateFields.password.optional(),
  voucher_code: affiliateFields.voucher_code.optional(),
  discount_percent: percent.optional(),
  commission_percent: percent.optional(),
});

export const affiliateOutput = z.object({
  id: idOutput,
  name: z.string(),
  email: z.string(),
  role: z.literal('AFFILIATE_MARKETER'),
  voucherCode: z.string().nullable(),
  discountPercent: z.number().nullable(),
  commissionPercent: z.number().nullable(),
  createdAt: z.string().meta({ example: '2026-01-01T00:00:00.000Z' }),
});

// GET /admin/affiliates (the console's list; the spec's list conventions: camelCase, page and limit)
const listFields = z.object({
  page: queryInt('page', 1, 100_000),
  limit: queryInt('limit', 1, 100),
  search: trimmed(z.string({ message: 'must be a string' }).max(100, 'must be at most 100 characters'))
    .optional()
    .meta({ description: 'part of the name, the email or the voucher code' }),
});
export const listAffiliatesInput = listFields.optional().transform((v) => v ?? {});

export const affiliateListOutput = z.object({
  affiliates: z.array(affiliateOutput),
  pagination: z.object({
    page: countOutput,
    limit: countOutput,
    total: countOutput,
    totalPages: countOutput,
  }),
});
