import type { OperationExamples } from '../../shared/operation-examples.ts';
import { JOHN } from './people.examples.ts';

export const membershipExamples: OperationExamples = {
  'POST /membership/initiate-payment': {
    request: { user_id: 123, payment_method: 'pesapal', callback_url: 'myapp://payment-callback' },
    response: {
      payment_id: 456,
      amount: 96000,
      membership_types: ['DTEHM', 'DIP'],
      payment_url: 'https://pay.pesapal.com/iframe/PesapalIframe3/Index?OrderTrackingId=PESAPAL-123456',
      tracking_id: 'PESAPAL-123456',
    },
  },
  'POST /membership/confirm-payment': {
    request: { payment_id: 456, transaction_reference: 'PESAPAL-123456', status: 'success' },
    response: {
      user: JOHN,
      dtehm_member_id: 'DTEHM20250123',
      dip_member_id: 'DIP0456',
      membership_status: 'Active',
      sponsor_commission_created: true,
    },
  },
  'GET /membership/payment-status/{payment_id}': {
    request: { payment_id: 456 },
    response: {
      payment_id: 456,
      amount: 96000,
      status: 'completed',
      membership_types: ['DTEHM', 'DIP'],
      transaction_reference: 'PESAPAL-123456',
      created_at: '2025-01-30 10:00:00',
      paid_at: '2025-01-30 10:05:00',
    },
  },
};
