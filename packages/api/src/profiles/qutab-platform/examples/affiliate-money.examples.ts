import type { OperationExamples } from '../../shared/operation-examples.ts';
import { BANK, PAGE } from './people.examples.ts';

const KTP_BASE64 = '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8U';

const ACCOUNT = {
  ...BANK,
  account_holder_name: 'Darmawan Putra',
  verification_status: 'verified',
  rejection_reason: null,
  ktp_submitted: true,
  submitted_at: '2026-01-04T08:00:00.000Z',
  verified_at: '2026-01-05T10:30:00.000Z',
} as const;

const SUBMITTED = { ...ACCOUNT, verification_status: 'pending', verified_at: null } as const;

const PAID_PAYOUT = {
  id: '9',
  amount: 2000000,
  status: 'paid',
  requested_at: '2026-01-11T09:00:00.000Z',
  processed_at: '2026-01-11T15:00:00.000Z',
  ...BANK,
  notes: 'BCA transfer 0111-8842',
} as const;

export const affiliateMoneyExamples: OperationExamples = {
  'GET /affiliate/bank-account': { response: ACCOUNT },
  'POST /affiliate/bank-account': {
    request: { bank_name: 'BCA', account_number: '1234567890', account_holder_name: 'Darmawan Putra' },
    response: { ...SUBMITTED, ktp_submitted: false, submitted_at: null },
  },
  'POST /affiliate/bank-account/verify': {
    // a file part on multipart; JSON and tRPC callers send the image as base64
    request: { ktp_image: KTP_BASE64 },
    response: SUBMITTED,
  },
  'POST /affiliate/payout/request': {
    request: { amount: 1000000 },
    response: {
      id: '14',
      amount: 1000000,
      status: 'pending',
      requested_at: '2026-01-20T08:15:00.000Z',
      processed_at: null,
      ...BANK,
      notes: null,
    },
  },
  'GET /affiliate/payout/history': {
    request: { page: 1, limit: 20 },
    response: { payouts: [PAID_PAYOUT], pagination: PAGE },
  },
};
