import type { OperationExamples } from '../../shared/operation-examples.ts';
import { JOHN, LAPTOP, PAGE_INFO, SPONSOR, STOCKIST } from './people.examples.ts';

// A sale of one laptop (850,000 UGX) whose sponsor has four generations above her: the stockist
// line (8%) and GN1–GN5 (3% + 2.5% + 2% + 1.5% + 1% = 10%), the spec's summary figures.
const UPLINE = [
  { level: 'GN1', rate: 3, amount: 25500, member: SPONSOR },
  {
    level: 'GN2',
    rate: 2.5,
    amount: 21250,
    member: { id: 8, name: 'Grace Nakato', member_id: 'DTEHM20240871' },
  },
  {
    level: 'GN3',
    rate: 2,
    amount: 17000,
    member: { id: 6, name: 'Peter Okello', member_id: 'DTEHM20240412' },
  },
  {
    level: 'GN4',
    rate: 1.5,
    amount: 12750,
    member: { id: 4, name: 'Sarah Auma', member_id: 'DTEHM20240108' },
  },
  { level: 'GN5', rate: 1, amount: 8500, member: { id: 1, name: 'DTEHM Root', member_id: 'DTEHM20240001' } },
];

const PHOTO = LAPTOP.feature_photo;
const SALE = { product_id: 1, quantity: 1, sponsor_id: 'DTEHM20250001', stockist_id: 'DTEHM20250002' };

export const ordersExamples: OperationExamples = {
  'POST /orders/calculate-commission': {
    request: SALE,
    response: {
      product: { id: 1, name: 'Premium Laptop', price: 850000, quantity: 1, total: 850000 },
      sponsor: SPONSOR,
      stockist: STOCKIST,
      commissions: [{ level: 'Stockist', rate: 8, amount: 68000, member: STOCKIST }, ...UPLINE],
      summary: {
        product_price: 850000,
        stockist_commission: 68000,
        network_commission: 85000,
        total_commission: 153000,
        balance: 697000,
        commission_percentage: 18,
      },
    },
  },
  'POST /orders/create': {
    request: { ...SALE, payment_method: 'pesapal', callback_url: 'myapp://order-payment-callback' },
    response: {
      order_id: 789,
      ordered_item_id: 890,
      total_amount: 850000,
      payment_url: 'https://pay.pesapal.com/iframe/PesapalIframe3/Index?OrderTrackingId=PESAPAL-789012',
      tracking_id: 'PESAPAL-789012',
    },
  },
  'POST /orders/confirm-payment': {
    request: { order_id: 789, transaction_reference: 'PESAPAL-789012', status: 'success' },
    response: { order_id: 789, status: 'Paid', commissions_created: 6, total_commission: 153000 },
  },
  'GET /orders/my-orders': {
    request: { page: 1, per_page: 20, status: 'Paid' },
    response: {
      orders: [
        {
          id: 789,
          order_date: '2025-01-30 14:00:00',
          total_amount: 850000,
          status: 'Paid',
          payment_method: 'pesapal',
          items: [{ product_name: 'Premium Laptop', product_image: PHOTO, quantity: 1, amount: 850000 }],
        },
      ],
      pagination: PAGE_INFO,
    },
  },
  'GET /orders/detail/{id}': {
    request: { id: 789 },
    response: {
      id: 789,
      order_date: '2025-01-30 14:00:00',
      total_amount: 850000,
      status: 'Paid',
      payment_method: 'pesapal',
      payment_reference: 'PESAPAL-789012',
      customer_name: JOHN.name,
      customer_phone: JOHN.phone_number,
      customer_address: JOHN.address,
      items: [
        {
          id: 890,
          product: { id: 1, name: 'Premium Laptop', image: PHOTO, price: 850000 },
          quantity: 1,
          amount: 850000,
          sponsor: { name: SPONSOR.name, member_id: SPONSOR.member_id },
          stockist: { name: STOCKIST.name, member_id: STOCKIST.member_id },
        },
      ],
    },
  },
};
