// The customer, affiliate and order the qutab-platform examples share. The spec lists fields
// only; the values follow its own (the affiliate Darmawan Putra, code XK7mP2q, coupon DARMAWAN10).

export const ACCESS_TOKEN =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMiIsImV4cCI6MTc2ODAzOTEwMH0.sig';
export const REFRESH_TOKEN = 'c2Vzc2lvbi04ODE.YjZkM2E5ZjFjNGU4MGQ3MmE1YjljM2UxZjBkNjQ4YTI';

export const CUSTOMER = { id: '12', name: 'Ahmad Fauzi', email: 'ahmad@example.com' } as const;

export const SESSION = {
  access_token: ACCESS_TOKEN,
  token_type: 'Bearer',
  expires_in: 900,
  refresh_token: REFRESH_TOKEN,
} as const;

export const AFFILIATE_CODE = 'XK7mP2q';

/** Darmawan Putra: approved affiliate with the spec's referral code. */
export const AFFILIATE_CONTACT = {
  id: '3',
  first_name: 'Darmawan',
  last_name: 'Putra',
  email: 'darmawan@example.com',
  whatsapp: '081298765432',
  city: 'Bandung',
  instagram: '@darmawan.qurban',
  tiktok: null,
} as const;

export const AFFILIATE_PROFILE = {
  ...AFFILIATE_CONTACT,
  profile_photo: null,
  affiliate_code: AFFILIATE_CODE,
  joined_at: '2026-01-02T08:00:00.000Z',
  verification_status: 'approved',
} as const;

export const ORDER_NUMBER = 'ORD-20260110-001';

/** One goat, bought with the affiliate's coupon (10% off). */
export const ORDER = {
  id: ORDER_NUMBER,
  product_id: '1',
  product_name: 'Kambing Tipe A (23–25 kg)',
  quantity: 1,
  total_amount: 2475000,
  status: 'paid',
  created_at: '2026-01-10T10:00:00.000Z',
  payment_method: 'virtual_account',
  recipient_name: 'Keluarga Ahmad Fauzi',
  recipient_location: 'Masjid Al-Ikhlas, Bandung',
} as const;

export const ORDER_DETAIL = {
  ...ORDER,
  subtotal: 2750000,
  discount: 275000,
  coupon_code: 'DARMAWAN10',
  paid_at: '2026-01-10T10:05:00.000Z',
  payment_status: 'paid',
  payment_url: null,
} as const;

export const TRACKING = [
  { status: 'pending', note: null, created_at: '2026-01-10T10:00:00.000Z' },
  { status: 'paid', note: null, created_at: '2026-01-10T10:05:00.000Z' },
] as const;

export const PAGE = { page: 1, limit: 20, total: 1, total_pages: 1 } as const;

/** The affiliate's verified payout account, as the affiliate sees it (masked). */
export const BANK = { bank_name: 'BCA', account_number: '******7890' } as const;
