import type { OperationExamples } from '../../shared/operation-examples.ts';

/** §2.2.3 and §2.2.4, as the document shows them. */
export const otpExamples: OperationExamples = {
  'POST /auth/otp/request': {
    request: { phone: '081234567890', type: 'verification' },
    response: {
      otp_id: 'otp_550e8400-e29b-41d4-a716-446655440000',
      expires_at: '2024-09-29T10:05:00Z',
      phone: '081234567890',
    },
  },
  'POST /auth/otp/verify': {
    request: { otp_id: 'otp_550e8400-e29b-41d4-a716-446655440000', otp_code: '123456' },
    response: { verified: true, phone_verified_at: '2024-09-29T10:05:00Z' },
  },
};
