import type { OperationExamples } from '../../shared/operation-examples.ts';
import { CUSTOMER, ORDER, ORDER_DETAIL, ORDER_NUMBER, PAGE, TRACKING } from './people.examples.ts';

const AFFILIATE = {
  id: '3',
  name: 'Darmawan Putra',
  email: 'darmawan@example.com',
  whatsapp: '081298765432',
};

const REVIEW = {
  id: '6',
  bank_name: 'BCA',
  account_number: '1234567890',
  account_holder_name: 'Darmawan Putra',
  verification_status: 'pending',
  ktp_url: 'https://qutab.id/files/38?exp=1768040000&sig=Qm9v4kT2ZpLr8XcW1yB5nA3e',
  version: 2,
  affiliate: AFFILIATE,
  submitted_at: '2026-01-04T08:00:00.000Z',
} as const;

const PAYOUT = {
  id: '14',
  amount: 1000000,
  status: 'pending',
  requested_at: '2026-01-20T08:15:00.000Z',
  processed_at: null,
  bank_name: 'BCA',
  account_number: '******7890',
  notes: null,
  affiliate_id: '3',
  account_number_full: '1234567890',
  account_holder_name: 'Darmawan Putra',
  transfer_reference: null,
} as const;

const PROCESSED_AT = '2026-01-20T13:00:00.000Z';

export const adminMoneyExamples: OperationExamples = {
  'GET /admin/bank-accounts/pending': {
    request: { page: 1, limit: 20 },
    response: { bank_accounts: [REVIEW], pagination: PAGE },
  },
  'POST /admin/bank-accounts/{id}/verify': {
    request: { id: 6, version: 2 },
    response: { ...REVIEW, verification_status: 'verified', version: 3 },
  },
  'POST /admin/bank-accounts/{id}/reject': {
    request: { id: 6, reason: 'Nama di KTP tidak sama dengan nama pemilik rekening', version: 2 },
    response: { ...REVIEW, verification_status: 'rejected', version: 3 },
  },
  'GET /admin/payouts': {
    request: { page: 1, limit: 20, status: 'pending' },
    response: { payouts: [PAYOUT], pagination: PAGE },
  },
  'POST /admin/payouts/{id}/approve': {
    request: { id: 14, note: 'Transfer dijadwalkan hari ini' },
    response: { ...PAYOUT, status: 'processing', notes: 'Transfer dijadwalkan hari ini' },
  },
  'POST /admin/payouts/{id}/paid': {
    request: { id: 14, transfer_reference: 'BCA-0120-5531' },
    response: {
      ...PAYOUT,
      status: 'paid',
      processed_at: PROCESSED_AT,
      notes: 'Transfer dijadwalkan hari ini',
      transfer_reference: 'BCA-0120-5531',
    },
  },
  'POST /admin/payouts/{id}/reject': {
    request: { id: 14, reason: 'Rekening tujuan ditolak bank' },
    response: {
      ...PAYOUT,
      status: 'failed',
      processed_at: PROCESSED_AT,
      notes: 'Rekening tujuan ditolak bank',
    },
  },
  'GET /admin/orders': {
    request: { status: 'paid', page: 1, limit: 20 },
    response: {
      orders: [
        {
          id: ORDER.id,
          total_amount: ORDER.total_amount,
          status: ORDER.status,
          created_at: ORDER.created_at,
          payment_method: ORDER.payment_method,
          recipient_name: ORDER.recipient_name,
          recipient_location: ORDER.recipient_location,
          coupon_code: ORDER_DETAIL.coupon_code,
          customer: CUSTOMER,
        },
      ],
      pagination: PAGE,
    },
  },
  'GET /admin/orders/{id}': {
    request: { id: ORDER_NUMBER },
    response: { ...ORDER_DETAIL, customer: CUSTOMER, tracking: TRACKING },
  },
  'PUT /admin/orders/{id}/status': {
    request: { id: ORDER_NUMBER, status: 'processing', note: 'Hewan dipilih dan dikarantina' },
    response: {
      order_id: ORDER_NUMBER,
      status: 'processing',
      tracking: [
        ...TRACKING,
        {
          status: 'processing',
          note: 'Hewan dipilih dan dikarantina',
          created_at: '2026-01-11T08:00:00.000Z',
        },
      ],
    },
  },
  'POST /admin/orders/{id}/refund': {
    request: { id: ORDER_NUMBER, reason: 'Pelanggan membatalkan sebelum penyembelihan' },
    response: {
      order_id: ORDER_NUMBER,
      status: 'refunded',
      tracking: [
        ...TRACKING,
        {
          status: 'refunded',
          note: 'Pelanggan membatalkan sebelum penyembelihan',
          created_at: '2026-01-11T08:00:00.000Z',
        },
      ],
    },
  },
  'POST /admin/jobs/{name}/run': {
    request: { name: 'affiliate-commission-release' },
    response: { name: 'affiliate-commission-release', status: 'succeeded', processed: 4 },
  },
};
