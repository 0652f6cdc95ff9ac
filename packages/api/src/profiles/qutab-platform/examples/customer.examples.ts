import type { OperationExamples } from '../../shared/operation-examples.ts';
import { CUSTOMER, ORDER, ORDER_DETAIL, ORDER_NUMBER, PAGE, SESSION, TRACKING } from './people.examples.ts';

const PROFILE = { ...CUSTOMER, phone: '081234567890', address: 'Jl. Merdeka No. 10, Bandung' };

export const customerExamples: OperationExamples = {
  'POST /auth/register': {
    request: {
      name: 'Ahmad Fauzi',
      email: 'ahmad@example.com',
      phone: '081234567890',
      password: 'Rahasia123!',
    },
    response: { ...SESSION, user: CUSTOMER },
  },
  'POST /auth/login': {
    request: { email: 'ahmad@example.com', password: 'Rahasia123!' },
    response: { ...SESSION, user: CUSTOMER },
  },
  'POST /auth/refresh': {
    request: { refresh_token: SESSION.refresh_token },
    response: {
      ...SESSION,
      refresh_token: 'c2Vzc2lvbi04ODE.ZTE0YjdjMmE5ZDNmNjA4YjFjNWU3YTJkOWYwYzM2ODE',
      user: CUSTOMER,
    },
  },
  'POST /auth/logout': { request: {}, response: { message: 'Logged out' } },
  'POST /auth/forgot-password': {
    request: { email: 'ahmad@example.com' },
    response: { message: 'If the email is registered, a reset link has been sent' },
  },
  'POST /auth/reset-password': {
    request: {
      token: '5f0c8e2a9b7d4e61a3c2f8b0d9e7a6c1',
      password: 'RahasiaBaru123!',
      password_confirmation: 'RahasiaBaru123!',
    },
    response: { message: 'Password has been reset' },
  },
  'GET /profile': { response: PROFILE },
  'PUT /profile': {
    request: { name: 'Ahmad Fauzi', phone: '081234567890', address: 'Jl. Asia Afrika No. 8, Bandung' },
    response: { ...PROFILE, address: 'Jl. Asia Afrika No. 8, Bandung' },
  },
  'PUT /profile/password': {
    request: {
      current_password: 'Rahasia123!',
      new_password: 'RahasiaBaru123!',
      new_password_confirmation: 'RahasiaBaru123!',
    },
    response: { message: 'Password changed' },
  },
  'GET /products': {
    response: {
      products: [
        {
          id: '1',
          name: 'Kambing Tipe A (23–25 kg)',
          description: 'Hewan qurban sehat, cukup umur dan bersertifikat; berat hidup sekitar 24 kg.',
          price: 2750000,
          stock: 120,
          image: null,
        },
        {
          id: '7',
          name: 'Patungan Sapi 1/7',
          description: 'Hewan qurban sehat, cukup umur dan bersertifikat; berat hidup sekitar 40 kg.',
          price: 3350000,
          stock: 140,
          image: null,
        },
      ],
    },
  },
  'GET /orders': {
    request: { page: 1, limit: 20, status: 'paid' },
    response: { orders: [ORDER], pagination: PAGE },
  },
  'POST /orders': {
    request: {
      product_id: 1,
      quantity: 1,
      recipient_name: 'Keluarga Ahmad Fauzi',
      recipient_location: 'Masjid Al-Ikhlas, Bandung',
      payment_method: 'virtual_account',
      coupon_code: 'DARMAWAN10',
      notes: 'Mohon dokumentasi penyembelihan',
    },
    response: {
      ...ORDER_DETAIL,
      status: 'pending',
      paid_at: null,
      payment_status: 'unpaid',
      payment_url: 'https://checkout.xendit.co/web/6598a1c2e4b0f1a2b3c4d5e6',
    },
  },
  'GET /orders/{id}': { request: { id: ORDER_NUMBER }, response: ORDER_DETAIL },
  'GET /orders/{id}/tracking': {
    request: { id: ORDER_NUMBER },
    response: { order_id: ORDER_NUMBER, status: 'paid', tracking: TRACKING },
  },
};
