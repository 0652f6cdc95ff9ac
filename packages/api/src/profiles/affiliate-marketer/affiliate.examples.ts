import { auditLogExamples } from '../shared/audit-log.examples.ts';
import type { OperationExamples } from '../shared/operation-examples.ts';
import { affiliateMarketerConsoleExamples } from './examples/console.examples.ts';

// The spec's figures are written with cents (1250.50); the store's currency is IDR, which has
// none, so the examples show the same figures as whole rupiah (× 1,000).
const CHAIR = { productId: 1, productName: 'Premium Chair' };
const DESK = { productId: 2, productName: 'Office Desk' };
const KEYBOARD = { productId: 5, productName: 'Ergonomic Keyboard' };

const AFFILIATE = {
  id: 42,
  name: 'Rina Wijaya',
  email: 'rina@example.com',
  role: 'AFFILIATE_MARKETER',
  voucherCode: 'RINA10',
  discountPercent: 10,
  commissionPercent: 5,
  createdAt: '2026-01-05T03:00:00.000Z',
} as const;

export const affiliateMarketerExamples: OperationExamples = {
  'GET /affiliate/commission': {
    response: { totalCommission: 1250500, totalOrders: 45, totalAmountSold: 25010000 },
  },
  'GET /affiliate/stats': {
    response: {
      totalOrders: 45,
      totalAmountSold: 25010000,
      totalCommission: 1250500,
      productsSold: [
        { ...CHAIR, quantity: 15, totalAmount: 4500000 },
        { ...DESK, quantity: 8, totalAmount: 3200000 },
        { ...KEYBOARD, quantity: 22, totalAmount: 1100000 },
      ],
    },
  },
  'GET /affiliate/reports/monthly': {
    request: { month: 3, year: 2024 },
    response: {
      month: 3,
      year: 2024,
      totalCommission: 450750,
      totalAmountSold: 9015000,
      totalOrders: 12,
      productsSold: [
        { ...CHAIR, quantity: 5, totalAmount: 1500000 },
        { ...DESK, quantity: 3, totalAmount: 1200000 },
      ],
    },
  },
  'GET /admin/affiliates': {
    request: { page: 1, limit: 20, search: 'rina' },
    response: {
      affiliates: [AFFILIATE],
      pagination: { page: 1, limit: 20, total: 1, totalPages: 1 },
    },
  },
  'POST /admin/affiliates': {
    request: {
      name: 'Rina Wijaya',
      email: 'rina@example.com',
      password: 'password123',
      voucher_code: 'RINA10',
      discount_percent: 10,
      commission_percent: 5,
    },
    response: AFFILIATE,
  },
  'PUT /admin/affiliates/{id}': {
    request: { id: 42, commission_percent: 7.5 },
    response: { ...AFFILIATE, commissionPercent: 7.5 },
  },
  ...affiliateMarketerConsoleExamples,
  ...auditLogExamples,
};
