import type { OperationExamples } from '../../shared/operation-examples.ts';
import { AFFILIATE_CODE, AFFILIATE_CONTACT, AFFILIATE_PROFILE, PAGE, SESSION } from './people.examples.ts';

const SESSION_AFFILIATE = {
  id: AFFILIATE_CONTACT.id,
  first_name: 'Darmawan',
  last_name: 'Putra',
  email: 'darmawan@example.com',
};

const REFERRAL_URL = `https://qutab.id/r/${AFFILIATE_CODE}`;

// Link-referred orders of one goat (Rp 2,750,000) earn the default 10%: Rp 275,000 each.
const day = (date: string, clicks: number, conversions: number) => ({
  date,
  clicks,
  conversions,
  commission: conversions * 275000,
});

const material = (
  id: string,
  title: string,
  size: string,
  platform: string | null,
  caption: string | null,
) => ({
  id,
  title,
  image_url: `https://cdn.qutab.id/materials/${id}-${size}.png`,
  size,
  platform,
  caption,
});

export const affiliateExamples: OperationExamples = {
  'POST /affiliate/auth/register': {
    request: {
      first_name: 'Darmawan',
      last_name: 'Putra',
      email: 'darmawan@example.com',
      password: 'Rahasia123!',
      whatsapp: '081298765432',
      city: 'Bandung',
      instagram: '@darmawan.qurban',
      primary_platform: 'instagram',
      reason: 'Saya aktif berbagi info qurban dan sedekah kepada komunitas pengajian saya.',
    },
    response: { ...SESSION, affiliate: { ...SESSION_AFFILIATE, status: 'pending', affiliate_code: null } },
  },
  'POST /affiliate/auth/login': {
    request: { email: 'darmawan@example.com', password: 'Rahasia123!' },
    response: {
      ...SESSION,
      affiliate: { ...SESSION_AFFILIATE, status: 'approved', affiliate_code: AFFILIATE_CODE },
    },
  },
  'POST /affiliate/auth/logout': { request: {}, response: { message: 'Logged out' } },
  'GET /affiliate/status': {
    response: {
      status: 'approved',
      rejection_reason: null,
      approved_at: '2026-01-03T09:00:00.000Z',
      affiliate_code: AFFILIATE_CODE,
    },
  },
  'GET /affiliate/dashboard/summary': {
    response: {
      total_clicks: 1240,
      total_conversions: 31,
      conversion_rate: 2.5,
      total_commission: 8525000,
      available_balance: 4050000,
      pending_commission: 2475000,
    },
  },
  'GET /affiliate/dashboard/activity': {
    request: { limit: 3 },
    response: [
      {
        type: 'sale',
        description: 'Sale from order ORD-20260112-004 (on hold)',
        amount: 275000,
        created_at: '2026-01-12T14:20:00.000Z',
      },
      {
        type: 'click',
        description: 'Referral link clicked from instagram.com',
        amount: 0,
        created_at: '2026-01-12T14:02:00.000Z',
      },
      {
        type: 'payout',
        description: 'Payout to BCA ******7890 (paid)',
        amount: 2000000,
        created_at: '2026-01-11T09:00:00.000Z',
      },
    ],
  },
  'GET /affiliate/statistics': {
    request: { period: 'custom', start_date: '2026-01-10', end_date: '2026-01-12' },
    response: {
      total_clicks: 164,
      total_conversions: 4,
      total_commission: 1100000,
      chart_data: [day('2026-01-10', 52, 2), day('2026-01-11', 47, 0), day('2026-01-12', 65, 2)],
    },
  },
  'GET /affiliate/referral-link': {
    response: {
      referral_code: AFFILIATE_CODE,
      referral_url: REFERRAL_URL,
      target_url: 'https://qutab.id/',
      embed_code: `<a href="${REFERRAL_URL}" target="_blank" rel="noopener">Qurban bersama Darmawan</a>`,
      total_clicks: 1240,
    },
  },
  'GET /affiliate/materials': {
    response: {
      banners: [
        material('12', 'Banner Qurban 1447 H (728x90)', '728x90', null, null),
        material('13', 'Banner Qurban 1447 H (1200x628)', '1200x628', null, null),
      ],
      social_graphics: [
        material(
          '15',
          'Poster qurban untuk instagram',
          '1080x1080',
          'instagram',
          'Qurban mudah dan amanah bersama Qutab. Klik link di bio!',
        ),
      ],
    },
  },
  'GET /affiliate/balance': {
    response: {
      available_balance: 4050000,
      pending_commission: 2475000,
      minimum_payout: 100000,
      can_request_payout: true,
    },
  },
  'GET /affiliate/referrals': {
    request: { status: 'confirmed', page: 1, limit: 20 },
    response: {
      referrals: [
        {
          id: '87',
          customer_name: 'Ahm** Fau***',
          customer_email: 'ahm***@gmail.com',
          product_name: 'Kambing Tipe A (23–25 kg)',
          order_date: '2026-01-12T14:20:00.000Z',
          order_value: 2750000,
          commission: 275000,
          status: 'confirmed',
        },
      ],
      pagination: PAGE,
    },
  },
  'GET /affiliate/coupons': {
    response: [
      {
        id: '5',
        code: 'DARMAWAN10',
        discount_type: 'percentage',
        discount_value: 10,
        valid_from: '2026-01-03T00:00:00.000Z',
        valid_until: '2026-06-30T23:59:59.000Z',
        usage_count: 12,
        usage_limit: 100,
        is_active: true,
      },
    ],
  },
  'GET /affiliate/faq': {
    response: [
      {
        question: 'Kapan komisi saya bisa dicairkan?',
        answer: 'Komisi tersedia 30 hari setelah pembayaran pesanan dikonfirmasi.',
        category: 'Komisi',
      },
      {
        question: 'Berapa minimal pencairan?',
        answer: 'Minimal pencairan Rp 100.000 ke rekening yang sudah terverifikasi.',
        category: 'Pencairan',
      },
    ],
  },
  'GET /affiliate/support/contact': {
    response: {
      whatsapp: '+6281100002222',
      email: 'affiliate@qutab.id',
      response_time: 'Dalam 1×24 jam kerja',
    },
  },
  'GET /affiliate/profile': { response: AFFILIATE_PROFILE },
  'PUT /affiliate/profile': {
    request: { city: 'Cimahi', tiktok: '@darmawan.qurban' },
    response: { ...AFFILIATE_PROFILE, city: 'Cimahi', tiktok: '@darmawan.qurban' },
  },
  'POST /affiliate/profile/photo': {
    // a file part on multipart; JSON and tRPC callers send the image as base64
    request: { photo: '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8U' },
    response: {
      ...AFFILIATE_PROFILE,
      profile_photo: 'https://qutab.id/files/41?exp=1768040000&sig=Jx3kQ9v2PzLrT8mWcY1bN5aE',
    },
  },
  'PUT /affiliate/profile/password': {
    request: { current_password: 'Rahasia123!', new_password: 'RahasiaBaru123!' },
    response: { message: 'Password changed' },
  },
};
