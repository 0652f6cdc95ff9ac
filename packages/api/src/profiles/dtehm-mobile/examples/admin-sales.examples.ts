import type { OperationExamples } from '../../shared/operation-examples.ts';
import { JOHN, PAGE_INFO, SPONSOR, STOCKIST } from './people.examples.ts';

const PHOTO = 'https://cdn.dtehm.example/products/laptop.jpg';
const BUYER = { id: JOHN.id, name: JOHN.name, member_id: JOHN.dtehm_member_id };
const SPONSOR_NAME = { name: SPONSOR.name, member_id: SPONSOR.member_id };
const STOCKIST_NAME = { name: STOCKIST.name, member_id: STOCKIST.member_id };

export const adminSalesExamples: OperationExamples = {
  'GET /admin/orders': {
    request: { page: 1, per_page: 20, status: 'Paid', start_date: '2025-01-01', end_date: '2025-01-31' },
    response: {
      orders: [
        {
          id: 789,
          order_date: '2025-01-30 14:00:00',
          total_amount: 850000,
          status: 'Paid',
          payment_method: 'pesapal',
          customer: BUYER,
          items: [
            {
              product_name: 'Premium Laptop',
              product_image: PHOTO,
              quantity: 1,
              amount: 850000,
              sponsor: SPONSOR_NAME,
              stockist: STOCKIST_NAME,
            },
          ],
          commissions_created: 2,
          total_commission: 93500,
        },
      ],
      pagination: PAGE_INFO,
    },
  },
  'GET /admin/orders/{id}': {
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
      customer: BUYER,
      paid_at: '2025-01-30 14:05:00',
      items: [
        {
          id: 890,
          product: { id: 1, name: 'Premium Laptop', image: PHOTO, price: 850000 },
          quantity: 1,
          amount: 850000,
          sponsor: SPONSOR_NAME,
          stockist: STOCKIST_NAME,
        },
      ],
      commissions: [
        { id: 123, level: 'Stockist', rate: 8, amount: 68000, member: STOCKIST, status: 'completed' },
        { id: 124, level: 'GN1', rate: 3, amount: 25500, member: SPONSOR, status: 'completed' },
      ],
    },
  },
  'GET /admin/commissions': {
    request: { page: 1, per_page: 20, commission_type: 'stockist', member_id: STOCKIST.member_id },
    response: {
      commissions: [
        {
          id: 123,
          amount: 68000,
          level: 'Stockist',
          description: 'Stockist Commission from Order #789',
          order_id: '789',
          reference_type: 'order',
          reference_id: 890,
          date: '2025-01-30 14:05:00',
          status: 'completed',
          member: STOCKIST,
        },
      ],
      summary: { total_commissions: 68000, currency: 'UGX' },
      pagination: PAGE_INFO,
    },
  },
};
