import type { OperationExamples } from '../../shared/operation-examples.ts';
import { AFFILIATE_CODE, AFFILIATE_CONTACT, PAGE } from './people.examples.ts';

const APPLICATION = {
  ...AFFILIATE_CONTACT,
  youtube: null,
  facebook: null,
  primary_platform: 'instagram',
  reason: 'Saya aktif berbagi info qurban dan sedekah kepada komunitas pengajian saya.',
  status: 'pending',
  rejection_reason: null,
  affiliate_code: null,
  commission_rate_bps: null,
  total_clicks: 0,
  total_conversions: 0,
  total_commission: 0,
  applied_at: '2026-01-02T08:00:00.000Z',
  approved_at: null,
} as const;

const APPROVED = {
  ...APPLICATION,
  status: 'approved',
  affiliate_code: AFFILIATE_CODE,
  approved_at: '2026-01-03T09:00:00.000Z',
} as const;

const BANNER = {
  id: '12',
  kind: 'banner',
  title: 'Banner Qurban 1447 H (728x90)',
  body: null,
  category: null,
  image_url: 'https://cdn.qutab.id/materials/12-728x90.png',
  size: '728x90',
  position: 0,
  active: true,
} as const;

const FAQ = {
  id: '20',
  kind: 'faq',
  title: 'Kapan komisi saya bisa dicairkan?',
  body: 'Komisi tersedia 30 hari setelah pembayaran pesanan dikonfirmasi.',
  category: 'Komisi',
  image_url: null,
  size: null,
  position: 0,
  active: true,
} as const;

export const adminAffiliatesExamples: OperationExamples = {
  'GET /admin/affiliates': {
    request: { page: 1, limit: 20, status: 'pending' },
    response: { affiliates: [APPLICATION], pagination: PAGE },
  },
  'POST /admin/affiliates/{id}/approve': {
    request: { id: 3, commission_rate_bps: null },
    response: APPROVED,
  },
  'POST /admin/affiliates/{id}/reject': {
    request: { id: 4, reason: 'Akun media sosial belum aktif' },
    response: {
      ...APPLICATION,
      id: '4',
      first_name: 'Rudi',
      last_name: 'Hartono',
      email: 'rudi@example.com',
      whatsapp: '081377788899',
      city: 'Garut',
      instagram: null,
      status: 'rejected',
      rejection_reason: 'Akun media sosial belum aktif',
    },
  },
  'PUT /admin/affiliates/{id}/commission-rate': {
    request: { id: 3, commission_rate_bps: 1250 },
    response: { ...APPROVED, commission_rate_bps: 1250 },
  },
  'POST /admin/affiliates/{id}/coupons': {
    request: {
      id: 3,
      code: 'DARMAWAN10',
      name: 'Diskon 10% dari Darmawan',
      discount_type: 'percentage',
      discount_value: 10,
      max_discount: 500000,
      valid_from: '2026-01-03T00:00:00Z',
      valid_until: '2026-06-30T23:59:59Z',
      usage_limit: 100,
      per_customer_limit: 1,
    },
    response: {
      id: '5',
      code: 'DARMAWAN10',
      discount_type: 'percentage',
      discount_value: 10,
      valid_from: '2026-01-03T00:00:00.000Z',
      valid_until: '2026-06-30T23:59:59.000Z',
      usage_count: 0,
      usage_limit: 100,
      is_active: true,
    },
  },
  'GET /admin/content': { request: { kind: 'banner' }, response: [BANNER] },
  'POST /admin/content': {
    request: {
      kind: 'faq',
      title: FAQ.title,
      body: FAQ.body,
      category: FAQ.category,
      position: 0,
    },
    response: FAQ,
  },
  'PUT /admin/content/{id}': {
    request: { id: 12, position: 2, active: false },
    response: { ...BANNER, position: 2, active: false },
  },
  'DELETE /admin/content/{id}': { request: { id: 12 }, response: { message: 'Deleted' } },
  'PUT /admin/support-contact': {
    request: {
      whatsapp: '+6281100002222',
      email: 'affiliate@qutab.id',
      response_time: 'Dalam 1×24 jam kerja',
    },
    response: {
      whatsapp: '+6281100002222',
      email: 'affiliate@qutab.id',
      response_time: 'Dalam 1×24 jam kerja',
    },
  },
};
