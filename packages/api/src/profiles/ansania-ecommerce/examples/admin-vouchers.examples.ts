import type { OperationExamples } from '../../shared/operation-examples.ts';

const RAMADAN = {
  id: 4,
  code: 'RAMADAN25',
  name: 'Ramadan 25%',
  description: '25% off furniture during Ramadan, at most Rp 500.000',
  discount_type: 'percentage',
  discount_value: 25,
  max_discount_amount: 500000,
  min_purchase_amount: 1000000,
  start_date: '2026-02-18T00:00:00Z',
  end_date: '2026-03-19T23:59:59Z',
  usage_limit: 500,
  per_customer_limit: 1,
  used_count: 0,
  usage_remaining: 500,
  is_active: true,
  is_public: true,
  state: 'scheduled',
  affiliate_id: null,
  created_at: '2026-02-03T10:00:00Z',
};

const UNUSED = { used_count: 0, voided_count: 0, paid_orders: 0, total_discount: 0 };

const WELCOME10 = {
  id: 1,
  code: 'WELCOME10',
  name: 'Welcome Discount 10%',
  description: 'Get 10% off for your first order',
  discount_type: 'percentage',
  discount_value: 10,
  max_discount_amount: 100000,
  min_purchase_amount: 500000,
  start_date: '2026-02-01T00:00:00Z',
  end_date: '2026-02-28T23:59:59Z',
  usage_limit: null,
  per_customer_limit: 1,
  used_count: 2,
  usage_remaining: null,
  is_active: true,
  is_public: true,
  state: 'active',
  affiliate_id: null,
  created_at: '2026-01-25T08:00:00Z',
};

const WELCOME10_REPORT = {
  ...WELCOME10,
  usage: { used_count: 2, voided_count: 1, paid_orders: 2, total_discount: 200000 },
  recent_orders: [
    {
      order_number: 'ORD-20260203-001',
      status: 'processing',
      total_amount: 6325000,
      discount_amount: 100000,
      redemption_status: 'active',
      customer: { id: 1, name: 'John Doe', email: 'user@example.com' },
      created_at: '2026-02-03T10:00:00Z',
    },
  ],
};

export const adminVouchersExamples: OperationExamples = {
  'GET /admin/vouchers': {
    request: { page: 1, limit: 20, status: 'active', search: 'welcome', sort: 'newest' },
    response: { vouchers: [WELCOME10], pagination: { page: 1, limit: 20, total: 1, totalPages: 1 } },
  },
  'GET /admin/vouchers/{id}': {
    request: { id: 1 },
    response: { voucher: WELCOME10_REPORT },
  },
  'POST /admin/vouchers': {
    request: {
      code: 'ramadan25',
      name: 'Ramadan 25%',
      description: '25% off furniture during Ramadan, at most Rp 500.000',
      discount_type: 'percentage',
      discount_value: 25,
      max_discount_amount: 500000,
      min_purchase_amount: 1000000,
      start_date: '2026-02-18T00:00:00Z',
      end_date: '2026-03-19T23:59:59Z',
      usage_limit: 500,
      per_customer_limit: 1,
      is_public: true,
    },
    response: { voucher: { ...RAMADAN, usage: UNUSED, recent_orders: [] } },
  },
  'PUT /admin/vouchers/{id}': {
    request: { id: 1, end_date: '2026-03-31T23:59:59Z', usage_limit: 1000 },
    response: {
      voucher: {
        ...WELCOME10_REPORT,
        end_date: '2026-03-31T23:59:59Z',
        usage_limit: 1000,
        usage_remaining: 998,
      },
    },
  },
  'POST /admin/vouchers/{id}/deactivate': {
    request: { id: 1 },
    response: { voucher: { ...WELCOME10_REPORT, is_active: false, state: 'inactive' } },
  },
  'POST /admin/vouchers/{id}/reactivate': {
    request: { id: 1 },
    response: { voucher: WELCOME10_REPORT },
  },
};
