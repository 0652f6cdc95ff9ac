import type { OperationExamples } from '../../shared/operation-examples.ts';
import { ORDER_DETAIL, ORDER_NUMBER } from './shop.examples.ts';

const CUSTOMER = { id: 1, name: 'John Doe', email: 'user@example.com', phone: '+628123456789' };

const TIMELINE = [
  { status: 'pending_payment', note: null, actor_id: null, created_at: '2026-02-03T10:00:00.000Z' },
  { status: 'paid', note: null, actor_id: null, created_at: '2026-02-03T10:05:00.000Z' },
  { status: 'processing', note: 'Packing', actor_id: 2, created_at: '2026-02-03T13:00:00.000Z' },
];

const SHIPPED = {
  order: {
    ...ORDER_DETAIL,
    status: 'shipped',
    shipping: { ...ORDER_DETAIL.shipping, tracking_number: 'JNT0012345678' },
    refunded_at: null,
    customer: CUSTOMER,
    timeline: [
      ...TIMELINE,
      { status: 'shipped', note: 'Picked up by J&T', actor_id: 2, created_at: '2026-02-04T09:00:00.000Z' },
    ],
  },
};

export const adminOrdersExamples: OperationExamples = {
  'GET /admin/orders': {
    request: { page: 1, limit: 20, status: 'processing' },
    response: {
      orders: [
        {
          id: 1,
          order_number: ORDER_NUMBER,
          created_at: '2026-02-03T10:00:00.000Z',
          paid_at: '2026-02-03T10:05:00.000Z',
          status: 'processing',
          payment_status: 'paid',
          total_amount: 7025000,
          refund_due: 0,
          tracking_number: null,
          customer: CUSTOMER,
        },
      ],
      pagination: { page: 1, limit: 20, total: 1, totalPages: 1 },
    },
  },
  'GET /admin/orders/{order_number}': {
    request: { order_number: ORDER_NUMBER },
    response: { order: { ...ORDER_DETAIL, refunded_at: null, customer: CUSTOMER, timeline: TIMELINE } },
  },
  'PUT /admin/orders/{order_number}/status': {
    request: {
      order_number: ORDER_NUMBER,
      status: 'shipped',
      note: 'Picked up by J&T',
      tracking_number: 'JNT0012345678',
    },
    response: SHIPPED,
  },
  'PUT /admin/orders/{order_number}/tracking': {
    request: { order_number: ORDER_NUMBER, tracking_number: 'JNT0012345679', note: 'New waybill' },
    response: {
      order: {
        ...SHIPPED.order,
        shipping: { ...SHIPPED.order.shipping, tracking_number: 'JNT0012345679' },
        timeline: [
          ...SHIPPED.order.timeline,
          {
            status: 'tracking_updated',
            note: 'New waybill (was JNT0012345678)',
            actor_id: 2,
            created_at: '2026-02-04T11:00:00.000Z',
          },
        ],
      },
    },
  },
  'POST /admin/orders/{order_number}/refund': {
    request: { order_number: ORDER_NUMBER, reason: 'Table arrived damaged' },
    response: {
      order: {
        ...SHIPPED.order,
        status: 'refunded',
        payment_status: 'refunded',
        refund_due: 7025000,
        refunded_at: '2026-02-06T08:00:00.000Z',
        timeline: [
          ...SHIPPED.order.timeline,
          {
            status: 'refunded',
            note: 'Table arrived damaged',
            actor_id: 2,
            created_at: '2026-02-06T08:00:00.000Z',
          },
        ],
      },
    },
  },
};
