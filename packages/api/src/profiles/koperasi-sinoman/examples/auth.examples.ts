import type { OperationExamples } from '../../shared/operation-examples.ts';

export const MEMBER_ID = '550e8400-e29b-41d4-a716-446655440000';
const TOKENS = {
  access_token: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9...',
  refresh_token: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9...',
  token_type: 'Bearer',
  expires_in: 3600,
} as const;

const SAVINGS_ACCOUNTS = (['SP', 'SW', 'SS'] as const).map((savings_type, i) => ({
  id: `660e8400-e29b-41d4-a716-44665544000${i + 1}`,
  account_number: `SA-2024-00000${i + 1}`,
  savings_type,
  balance: 0,
  virtual_account_number: `880123456789000${i + 1}`,
}));

export const authExamples: OperationExamples = {
  'POST /auth/register': {
    request: {
      email: 'john.doe@example.com',
      phone: '081234567890',
      password: 'SecurePass123',
      full_name: 'John Doe',
      nik: '1234567890123456',
      date_of_birth: '1990-01-01',
      gender: 'male',
      address: 'Jl. Contoh No. 123, Ponorogo',
      village: 'Desa Contoh',
      district: 'Kecamatan Ponorogo',
      postal_code: '63411',
      occupation: 'Software Engineer',
      referral_code: 'ABC12345',
    },
    response: {
      member: {
        id: MEMBER_ID,
        member_number: 'SIN-2024-000001',
        email: 'john.doe@example.com',
        full_name: 'John Doe',
        phone: '081234567890',
        membership_status: 'pending',
        kyc_status: 'pending',
        created_at: '2024-09-29T10:00:00.000Z',
      },
      savings_accounts: SAVINGS_ACCOUNTS,
    },
  },
  'POST /auth/login': {
    request: { identifier: 'john.doe@example.com', password: 'SecurePass123' },
    response: {
      ...TOKENS,
      member: {
        id: MEMBER_ID,
        member_number: 'SIN-2024-000001',
        email: 'john.doe@example.com',
        full_name: 'John Doe',
        membership_status: 'active',
        kyc_status: 'verified',
      },
    },
  },
  'POST /auth/refresh': {
    request: { refresh_token: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9...' },
    response: TOKENS,
  },
  'POST /auth/logout': { request: {}, response: null },
};
