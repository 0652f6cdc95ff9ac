import type { OperationExamples } from '../../shared/operation-examples.ts';
import { ACCESS_TOKEN, JOHN, JOHN_PENDING, REFRESH_TOKEN } from './people.examples.ts';

export const usersExamples: OperationExamples = {
  'POST /users/register': {
    request: {
      email: 'user@example.com',
      password: 'password123',
      name: 'John Doe',
      phone_number: '+256700000000',
      address: 'Kampala, Uganda',
      sponsor_id: 'DTEHM20250001',
      is_dtehm_member: 'Yes',
      is_dip_member: 'Yes',
      from_mobile: 'yes',
    },
    response: {
      user: { ...JOHN_PENDING, token: ACCESS_TOKEN, refresh_token: REFRESH_TOKEN },
      membership_payment: {
        required: true,
        amount: 96000,
        types: ['DTEHM', 'DIP'],
        breakdown: { dtehm: 76000, dip: 20000 },
        status: 'pending',
      },
    },
  },
  'POST /users/login': {
    request: { email: 'user@example.com', password: 'password123' },
    response: {
      user: JOHN,
      token: ACCESS_TOKEN,
      refresh_token: REFRESH_TOKEN,
      token_type: 'Bearer',
      expires_in: 900,
    },
  },
};
