import type { OperationExamples } from '../../shared/operation-examples.ts';
import { ACCESS_TOKEN, HOME_ADDRESS, REFRESH_TOKEN, USER_SUMMARY } from './shop.examples.ts';

const OFFICE_ADDRESS = {
  label: 'Office',
  recipient_name: 'John Doe',
  phone: '+628123456789',
  address_line1: 'Jl. Office Tower',
  address_line2: 'Suite 100',
  city: 'Jakarta Pusat',
  district: 'Menteng',
  province: 'DKI Jakarta',
  postal_code: '10110',
  is_default: false,
};

const SESSION = { user: USER_SUMMARY, token: ACCESS_TOKEN, refresh_token: REFRESH_TOKEN };

const PROFILE = {
  id: 1,
  email: 'user@example.com',
  phone: '+628123456789',
  full_name: 'John Doe',
  email_verified: true,
  created_at: '2026-01-01T00:00:00.000Z',
};

export const accountExamples: OperationExamples = {
  'POST /auth/register': {
    request: {
      email: 'user@example.com',
      phone: '+628123456789',
      full_name: 'John Doe',
      password: 'SecurePass123!',
    },
    response: SESSION,
  },
  'POST /auth/login': {
    request: { email: 'user@example.com', password: 'SecurePass123!', remember_me: true },
    response: SESSION,
  },
  'POST /auth/refresh': {
    request: { refresh_token: REFRESH_TOKEN },
    response: {
      token: ACCESS_TOKEN,
      refresh_token: 'c2Vzc2lvbi0xMjM0.MmQ0ZTdmYTE5YjNjOGU1MGQyYTY0ZjdiMWM5ZTNhODU',
    },
  },
  'POST /auth/forgot-password': {
    request: { email: 'user@example.com' },
    response: { message: 'Password reset email sent' },
  },
  'POST /auth/reset-password': {
    request: { token: 'b3f1c9a2e7d84c0f9a6e2b5d8c1f4a7e', new_password: 'NewSecurePass123!' },
    response: { message: 'Password has been reset' },
  },
  'GET /user/profile': { response: PROFILE },
  'PUT /user/profile': {
    request: { full_name: 'John Doe Updated', phone: '+628123456789' },
    response: { ...PROFILE, full_name: 'John Doe Updated' },
  },
  'GET /user/addresses': { response: { addresses: [HOME_ADDRESS] } },
  'POST /user/addresses': {
    request: OFFICE_ADDRESS,
    response: { address: { id: 2, ...OFFICE_ADDRESS } },
  },
  'PUT /user/addresses/{id}': {
    request: { id: 2, ...OFFICE_ADDRESS, address_line2: 'Suite 1200' },
    response: { address: { id: 2, ...OFFICE_ADDRESS, address_line2: 'Suite 1200' } },
  },
  'DELETE /user/addresses/{id}': { request: { id: 2 } },
  'PUT /user/addresses/{id}/set-default': {
    request: { id: 2 },
    response: { address: { id: 2, ...OFFICE_ADDRESS, is_default: true } },
  },
};
