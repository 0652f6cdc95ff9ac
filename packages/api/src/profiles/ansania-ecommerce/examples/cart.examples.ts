import type { OperationExamples } from '../../shared/operation-examples.ts';
import { TABLE_IMAGE, TABLE_VARIANT } from './shop.examples.ts';

const line = (quantity: number) => ({
  id: 1,
  product: { id: 1, name: 'Oak Dining Table', slug: 'dining-table-oak', image: TABLE_IMAGE },
  variant: TABLE_VARIANT,
  quantity,
  price: 3500000,
  subtotal: 3500000 * quantity,
  stock_available: 10,
});

const cart = (quantity: number) => ({
  id: 1,
  items: [line(quantity)],
  subtotal: 3500000 * quantity,
  discount_amount: 0,
  voucher: null,
  total: 3500000 * quantity,
  voucher_issue: null,
});

// WELCOME10: 10% off, at most 100,000, from a purchase of 500,000 (the spec's available voucher).
const WELCOME10 = { code: 'WELCOME10', discount_type: 'percentage', discount_value: 10 } as const;

export const cartExamples: OperationExamples = {
  'GET /cart': { response: { cart: cart(2) } },
  'POST /cart/items': {
    request: { product_variant_id: 101, quantity: 2 },
    response: { cart: cart(2) },
  },
  'PUT /cart/items/{id}': {
    request: { id: 1, quantity: 3 },
    response: { cart: cart(3) },
  },
  'DELETE /cart/items/{id}': { request: { id: 1 } },
  'POST /cart/apply-voucher': {
    request: { code: 'WELCOME10' },
    response: {
      voucher: { ...WELCOME10, discount_amount: 100000 },
      cart: {
        ...cart(2),
        discount_amount: 100000,
        voucher: { ...WELCOME10, discount_amount: 100000 },
        total: 6900000,
      },
    },
  },
  'DELETE /cart/remove-voucher': { response: { cart: cart(2) } },
  'GET /vouchers/available': {
    response: {
      vouchers: [
        {
          code: 'WELCOME10',
          name: 'Welcome Discount 10%',
          description: 'Get 10% off for your first order',
          discount_type: 'percentage',
          discount_value: 10,
          max_discount_amount: 100000,
          min_purchase_amount: 500000,
          start_date: '2026-02-01T00:00:00Z',
          end_date: '2026-02-28T23:59:59Z',
          usage_remaining: 1,
        },
      ],
    },
  },
  'POST /vouchers/validate': {
    request: { code: 'WELCOME10', cart_total: 700000 },
    response: { valid: true, voucher: { ...WELCOME10, discount_amount: 70000 } },
  },
};
