import type { OperationExamples } from '../../shared/operation-examples.ts';
import { ORDER_DETAIL, ORDER_NUMBER, TABLE_IMAGE, TRANSACTION_ID } from './shop.examples.ts';

/** The first bytes of the invoice PDF, base64 (tRPC callers; REST sends the PDF itself). */
const PDF_BASE64 = 'JVBERi0xLjMKJf////8KOCAwIG9iago8PAovVHlwZSAvRXh0R1N0YXRlCi9jYSAxCj4+CmVuZG9iago=';

export const ordersExamples: OperationExamples = {
  'POST /checkout/validate': {
    request: {},
    response: {
      valid: false,
      issues: [
        {
          item_id: 1,
          type: 'insufficient_stock',
          message: 'Only 1 left in stock',
          available: 1,
        },
      ],
    },
  },
  'POST /checkout/calculate-shipping': {
    request: { shipping_address_id: 1, courier: 'jnt' },
    response: {
      shipping_options: [
        { service: 'REG', description: 'Regular Service', cost: 25000, etd: '2-3 days' },
        { service: 'YES', description: 'One Day Service', cost: 50000, etd: '1 day' },
      ],
    },
  },
  'POST /checkout/create-order': {
    request: {
      shipping_address_id: 1,
      shipping_courier: 'jnt',
      shipping_service: 'REG',
      payment_method: 'virtual_account',
      payment_channel: 'bca',
      customer_note: 'Please pack carefully',
    },
    response: {
      order: { id: 1, order_number: ORDER_NUMBER, total_amount: 7025000, status: 'pending_payment' },
      payment: {
        transaction_id: TRANSACTION_ID,
        payment_url: 'https://app-sandbox.doku.com/link/p-7b6e2c1d9f',
        payment_token: 'token123',
        expired_at: '2026-02-04T10:00:00Z',
      },
    },
  },
  'GET /orders': {
    request: { page: 1, limit: 10, status: 'processing', sort: 'newest' },
    response: {
      orders: [
        {
          id: 1,
          order_number: ORDER_NUMBER,
          created_at: '2026-02-03T10:00:00.000Z',
          status: 'processing',
          payment_status: 'paid',
          total_amount: 7025000,
          items_preview: [{ product_name: 'Oak Dining Table', quantity: 2, image: TABLE_IMAGE }],
        },
      ],
      pagination: { page: 1, limit: 10, total: 1, totalPages: 1 },
    },
  },
  'GET /orders/{order_number}': {
    request: { order_number: ORDER_NUMBER },
    response: { order: ORDER_DETAIL },
  },
  'PUT /orders/{order_number}/cancel': {
    request: { order_number: ORDER_NUMBER, reason: 'Changed my mind' },
    response: {
      order: {
        ...ORDER_DETAIL,
        status: 'cancelled',
        cancelled_at: '2026-02-03T12:00:00.000Z',
        cancel_reason: 'Changed my mind',
        refund_due: 7025000,
      },
    },
  },
  'GET /orders/{order_number}/invoice': {
    request: { order_number: ORDER_NUMBER },
    response: { filename: `invoice-${ORDER_NUMBER}.pdf`, base64: PDF_BASE64 },
  },
};
