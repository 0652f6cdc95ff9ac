// The people and products the dtehm-mobile examples share, as the spec names them.

/** John Doe: registered in the spec's examples, sponsored by Jane Sponsor, both memberships paid. */
export const JOHN = {
  id: 123,
  name: 'John Doe',
  email: 'user@example.com',
  phone_number: '+256700000000',
  address: 'Kampala, Uganda',
  is_dtehm_member: 'Yes',
  is_dip_member: 'Yes',
  dtehm_member_id: 'DTEHM20250123',
  dip_member_id: 'DIP0456',
  sponsor_id: 'DTEHM20250001',
  membership_status: 'Active',
  created_at: '2025-01-30 10:00:00',
} as const;

/** John before his membership payment: no member numbers yet. */
export const JOHN_PENDING = {
  ...JOHN,
  dtehm_member_id: null,
  dip_member_id: null,
  membership_status: 'Pending',
} as const;

export const ACCESS_TOKEN =
  'eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjMiLCJleHAiOjE3MzgyMjI5MDB9.sig';
export const REFRESH_TOKEN = 'c2Vzc2lvbi00NTY3.OWY4YzJiNmU0ZDFhN2IzYzVlMGYyZDhhNmI0YzFlOWY';

export const SPONSOR = { id: 10, name: 'Jane Sponsor', member_id: 'DTEHM20250001' } as const;
export const STOCKIST = { id: 20, name: 'John Stockist', member_id: 'DTEHM20250002' } as const;

export const LAPTOP = {
  id: 1,
  name: 'Premium Laptop',
  description: 'High-performance laptop for work and study',
  price: 850000,
  feature_photo: 'https://cdn.dtehm.example/products/laptop.jpg',
  category_id: 1,
  category_name: 'Electronics',
  stock_quantity: 50,
  in_stock: true,
  created_at: '2025-01-15 08:00:00',
} as const;

export const PAGE_INFO = { total: 1, per_page: 20, current_page: 1, last_page: 1 } as const;
