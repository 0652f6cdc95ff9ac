// Request and response shapes of koperasi-sinoman §4 (savings), in the document's field names.
import { DEPOSIT_TYPE_CODES } from '@komisi/domain';
import { z } from 'zod';
import {
  boundedInt,
  coercedNumber,
  INT64,
  isoDate,
  MONEY_MAX,
  pageNumber,
  trimmed,
} from '../shared/request-fields.schemas.ts';
import { amountOutput, countOutput, signedAmountOutput } from '../shared/response-fields.schemas.ts';

const isoDateTime = z.string().meta({ example: '2026-01-10T10:00:00.000Z' });
const money = amountOutput.meta({ description: 'Rupiah (whole)' });
const balance = signedAmountOutput.meta({ description: 'Rupiah (whole)' });
const text = (min: number, max: number) => trimmed(z.string().min(min).max(max));
const publicId = z.uuid({ message: 'must be an id (UUID)' });
const amount = coercedNumber({ message: 'must be a number' })
  .int('must be whole rupiah')
  .positive('Amount must be greater than 0')
  .max(MONEY_MAX)
  .meta(INT64);
const STATUSES = ['pending', 'processing', 'completed', 'failed', 'cancelled'] as const;
const CATEGORIES = ['deposit', 'withdrawal', 'interest', 'bonus'] as const;

export const emptyInput = z.object({}).optional();

// ---------------------------------------------------------------- accounts (§4.1)
const savingsType = z.object({
  id: z.string(),
  name: z.string(),
  code: z.enum(['SP', 'SW', 'SS']),
  description: z.string(),
  minimum_amount: money,
  is_withdrawable: z.boolean(),
  is_mandatory: z.boolean(),
});
const accountFields = {
  id: z.string(),
  account_number: z.string(),
  balance,
  virtual_account_number: z.string(),
  status: z.enum(['active', 'frozen', 'closed']),
  opened_date: isoDateTime,
};
export const accountsOutput = z.object({
  accounts: z.array(
    z.object({ ...accountFields, savings_type: savingsType, last_transaction_date: isoDateTime.nullable() }),
  ),
  total_balance: balance,
  summary: z.object({
    mandatory_savings: balance,
    voluntary_savings: balance,
    withdrawable_balance: balance,
  }),
});
export const accountInput = z.object({ account_id: publicId });
export const accountOutput = z.object({
  account: z.object({
    ...accountFields,
    savings_type: savingsType.extend({
      interest_rate: z.number().min(0).max(1).meta({ description: 'Yearly, as a fraction: 0.06 is 6%' }),
    }),
    last_interest_calculated_at: isoDateTime.nullable(),
    total_interest_earned: money,
    created_at: isoDateTime,
    updated_at: isoDateTime,
  }),
});

// ---------------------------------------------------------------- transactions (§4.2)
const transactionType = z.object({
  id: z.string().nullable(),
  name: z.string(),
  code: z.string(),
  category: z.enum(CATEGORIES),
});
export const depositInput = z.object({
  savings_account_id: publicId,
  transaction_type: z.enum(DEPOSIT_TYPE_CODES, {
    message: `must be one of ${DEPOSIT_TYPE_CODES.join(', ')}`,
  }),
  amount,
  description: text(1, 500).optional(),
  payment_method: trimmed(
    z.string().regex(/^[a-z][a-z0-9_]{1,31}$/, 'must be a payment method such as bank_transfer'),
  )
    .optional()
    .default('bank_transfer'),
});
export const depositOutput = z.object({
  transaction: z.object({
    id: z.string(),
    transaction_number: z.string(),
    savings_account_id: z.string(),
    transaction_type: transactionType,
    amount: money,
    description: z.string().nullable(),
    balance_before: balance,
    balance_after: balance,
    payment_method: z.string(),
    payment_reference: z.string(),
    status: z.enum(STATUSES),
    created_at: isoDateTime,
    payment_instructions: z.object({
      bank_name: z.string(),
      account_number: z.string(),
      account_name: z.string(),
      amount: money,
      unique_code: z.string().meta({ example: '001' }),
      total_amount: money,
      payment_deadline: isoDateTime,
      payment_url: z
        .string()
        .nullable()
        .meta({ description: 'Not in the document: the gateway’s payment page, when it has one' }),
    }),
  }),
});

const bankAccount = z.object({
  bank_name: text(2, 100),
  account_number: trimmed(z.string().regex(/^[0-9]{5,32}$/, 'must be 5 to 32 digits')),
  account_name: text(2, 200),
});
export const withdrawalInput = z.object({
  savings_account_id: publicId,
  amount,
  description: text(1, 500).optional(),
  bank_account: bankAccount,
});
export const withdrawalOutput = z.object({
  transaction: z.object({
    id: z.string(),
    transaction_number: z.string(),
    savings_account_id: z.string(),
    amount: money,
    description: z.string().nullable(),
    balance_before: balance,
    balance_after: balance,
    status: z.enum(STATUSES),
    created_at: isoDateTime,
    processing_time: z.string().meta({ example: '24 hours' }),
    withdrawal_info: z.object({
      bank_name: z.string(),
      account_number: z.string(),
      account_name: z.string(),
      estimated_completion: isoDateTime,
    }),
  }),
});

export const transactionsInput = z
  .object({
    account_id: publicId.optional(),
    type: z.enum(CATEGORIES).optional(),
    status: z.enum(STATUSES).optional(),
    start_date: isoDate.optional(),
    end_date: isoDate.optional(),
    page: pageNumber().default(1),
    limit: boundedInt(1, 100).default(20),
  })
  .refine((v) => !v.start_date || !v.end_date || v.start_date <= v.end_date, {
    path: ['end_date'],
    message: 'must be on or after start_date',
  });
export const transactionsOutput = z.object({
  transactions: z.array(
    z.object({
      id: z.string(),
      transaction_number: z.string(),
      savings_account: z.object({ id: z.string(), account_number: z.string(), savings_type: z.string() }),
      transaction_type: transactionType.omit({ id: true }),
      amount: money,
      description: z.string().nullable(),
      balance_before: balance,
      balance_after: balance,
      payment_method: z.string().nullable(),
      payment_reference: z.string().nullable(),
      status: z.enum(STATUSES),
      processed_at: isoDateTime.nullable(),
      created_at: isoDateTime,
    }),
  ),
  pagination: z.object({
    current_page: countOutput,
    total_pages: countOutput,
    total_items: countOutput,
    items_per_page: countOutput,
    has_next: z.boolean(),
    has_prev: z.boolean(),
  }),
});

export const transactionInput = z.object({ transaction_id: publicId });
export const transactionOutput = z.object({
  transaction: z.object({
    id: z.string(),
    transaction_number: z.string(),
    member: z.object({ id: z.string(), member_number: z.string(), full_name: z.string() }).nullable(),
    savings_account: z.object({
      id: z.string(),
      account_number: z.string(),
      savings_type: z.object({ name: z.string(), code: z.string() }),
    }),
    transaction_type: transactionType,
    amount: money,
    description: z.string().nullable(),
    balance_before: balance,
    balance_after: balance,
    payment_method: z.string().nullable(),
    payment_reference: z.string().nullable(),
    payment_gateway_response: z.record(z.string(), z.unknown()).nullable(),
    bank_account: z
      .object({ bank_name: z.string(), account_number: z.string(), account_name: z.string() })
      .nullable()
      .meta({ description: 'Not in the document: where a withdrawal is paid (null for other transactions)' }),
    status: z.enum(STATUSES),
    processed_at: isoDateTime.nullable(),
    processed_by: z.object({ id: z.string(), name: z.string() }).nullable(),
    notes: z.string().nullable(),
    created_at: isoDateTime,
    updated_at: isoDateTime,
  }),
});

// ---------------------------------------------------------------- administration (not in the document)
export const decideWithdrawalInput = z
  .object({
    transaction_id: publicId,
    status: z.enum(['completed', 'rejected'], { message: 'must be completed or rejected' }),
    notes: text(1, 1000).optional(),
    transfer_reference: text(1, 64)
      .optional()
      .meta({ description: 'The bank transfer’s reference, kept as `payment_reference` (`completed` only)' }),
  })
  .refine((v) => v.status === 'completed' || v.transfer_reference === undefined, {
    path: ['transfer_reference'],
    message: 'only a completed withdrawal has a transfer reference',
  });

export const withdrawalListInput = z
  .object({
    status: z.enum(STATUSES).optional(),
    search: text(1, 100)
      .optional()
      .meta({ description: 'Words of the member’s name, email or member number (each a prefix)' }),
    start_date: isoDate.optional().meta({ description: 'First local day of the request (inclusive)' }),
    end_date: isoDate.optional().meta({ description: 'Last local day of the request (inclusive)' }),
    page: pageNumber().default(1),
    limit: boundedInt(1, 100).default(20),
  })
  .refine((v) => !v.start_date || !v.end_date || v.start_date <= v.end_date, {
    path: ['end_date'],
    message: 'must be on or after start_date',
  });
export const withdrawalListOutput = z.object({
  withdrawals: z.array(
    z.object({
      id: z.string(),
      transaction_number: z.string(),
      member: z.object({ id: z.string(), member_number: z.string(), full_name: z.string() }).nullable(),
      savings_account: z.object({
        id: z.string(),
        account_number: z.string(),
        savings_type: z.object({ name: z.string(), code: z.string() }),
      }),
      amount: money,
      description: z.string().nullable(),
      bank_account: z
        .object({ bank_name: z.string(), account_number: z.string(), account_name: z.string() })
        .nullable(),
      status: z.enum(STATUSES),
      payment_reference: z
        .string()
        .nullable()
        .meta({ description: 'The transfer reference, once completed' }),
      notes: z.string().nullable(),
      requested_at: isoDateTime,
      processed_at: isoDateTime.nullable(),
    }),
  ),
  summary: z.object({
    waiting_withdrawals: countOutput.meta({ description: 'Pending or processing, whatever the filters' }),
    waiting_amount: money,
  }),
  pagination: z.object({
    current_page: countOutput,
    total_pages: countOutput,
    total_items: countOutput,
    items_per_page: countOutput,
    has_next: z.boolean(),
    has_prev: z.boolean(),
  }),
});
