import type { OperationExamples } from '../../shared/operation-examples.ts';

/** §8.2, as the document shows it (the answer has no data). */
export const webhooksExamples: OperationExamples = {
  'POST /webhooks/whatsapp': {
    request: {
      device: 'device_id',
      sender: '6281234567890',
      message: 'Your payment has been confirmed',
      status: 'sent',
      timestamp: '2024-09-29T15:30:00Z',
    },
  },
};
