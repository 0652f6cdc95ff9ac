// The customer, products and order the ansania-ecommerce examples share, as the spec names them.

export const ACCESS_TOKEN = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxIiwiZXhwIjoxNzcwMTE2NDAwfQ.sig';
export const REFRESH_TOKEN = 'c2Vzc2lvbi0xMjM0.ZTNiMGM0NDI5OGZjMWMxNDlhZmJmNGM4OTk2ZmI5MjQ';

export const CUSTOMER = { id: 1, email: 'user@example.com', full_name: 'John Doe' } as const;
/** This deployment has no Odoo link: the spec's Odoo ids are null. */
export const USER_SUMMARY = { ...CUSTOMER, odoo_user_id: null, odoo_partner_id: null } as const;

export const HOME_ADDRESS = {
  id: 1,
  label: 'Home',
  recipient_name: 'John Doe',
  phone: '+628123456789',
  address_line1: 'Jl. Example No. 123',
  address_line2: null,
  city: 'Jakarta Selatan',
  district: 'Kebayoran Baru',
  province: 'DKI Jakarta',
  postal_code: '12345',
  is_default: true,
} as const;

export const TABLE_IMAGE = 'https://cdn.example.com/images/table1.jpg';

/** The spec's oak dining table and its one variant. */
export const TABLE = {
  id: 1,
  slug: 'dining-table-oak',
  name: 'Oak Dining Table',
  short_description: 'Premium oak dining table',
  selling_price: 3500000,
  compare_price: 4000000,
} as const;

export const TABLE_VARIANT = {
  id: 101,
  sku: 'TABLE-OAK-NAT-L',
  color: 'Natural',
  finishing: 'Matte',
  size: 'Large',
} as const;

export const PAGE = { page: 1, limit: 10, total: 1, totalPages: 1 } as const;

export const ORDER_NUMBER = 'ORD-20260203-001';
/** The payment's reference at the gateway (DOKU's invoice number): Komisi names every payment `KMS-…`. */
export const TRANSACTION_ID = 'KMS-7c9e6679-7425-40de-944b-e07fc1f90ae7';

/** Two tables shipped by J&T REG: the spec's order. */
export const ORDER_DETAIL = {
  id: 1,
  order_number: ORDER_NUMBER,
  status: 'processing',
  payment_status: 'paid',
  created_at: '2026-02-03T10:00:00.000Z',
  paid_at: '2026-02-03T10:05:00.000Z',
  cancelled_at: null,
  cancel_reason: null,
  refund_due: 0,
  customer_note: 'Please pack carefully',
  items: [
    {
      product_name: 'Oak Dining Table',
      variant_name: 'Natural / Matte / Large',
      sku: 'TABLE-OAK-NAT-L',
      quantity: 2,
      price: 3500000,
      subtotal: 7000000,
      image: TABLE_IMAGE,
    },
  ],
  shipping: {
    recipient_name: 'John Doe',
    phone: '+628123456789',
    address: 'Jl. Example No. 123, Jakarta Selatan, DKI Jakarta 12345',
    courier: 'JNT',
    service: 'REG',
    tracking_number: null,
    cost: 25000,
  },
  payment: { method: 'virtual_account', channel: 'BCA', transaction_id: TRANSACTION_ID, amount: 7025000 },
  summary: {
    subtotal: 7000000,
    discount: 0,
    voucher_code: null,
    shipping_cost: 25000,
    shipping_discount: 0,
    total: 7025000,
  },
} as const;
