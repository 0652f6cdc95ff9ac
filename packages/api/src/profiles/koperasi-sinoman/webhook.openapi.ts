/** Midtrans' HTTP notification (§8.1), served as a plain route: the gateway's adapter reads it, not a procedure. */
export const midtransNotificationDoc = {
  post: {
    operationId: 'webhooks-midtrans',
    tags: ['Webhooks'],
    summary: 'Payment gateway webhook (called by Midtrans)',
    description:
      'Verified by `signature_key` = SHA512(order_id + status_code + gross_amount + server_key), compared in ' +
      'constant time, and by `X-Callback-Token` when the cooperative configured one: a wrong signature or ' +
      'token is a 401 and nothing changes. Each notification is processed once (a repeat is acknowledged and ' +
      'changes nothing); the status is then asked of Midtrans, never taken from the notification, so a late ' +
      '`pending` after a `settlement` changes nothing. A settled deposit credits exactly its amount to the ' +
      'savings account; the unique code is recorded apart.',
    parameters: [
      {
        name: 'X-Callback-Token',
        in: 'header',
        required: false,
        schema: { type: 'string' },
        example: 'whsec_sinoman_5f2c9a7e1b3d4f60',
      },
    ],
    requestBody: {
      required: true,
      content: {
        'application/json': {
          schema: {
            type: 'object',
            required: [
              'transaction_status',
              'transaction_id',
              'status_code',
              'signature_key',
              'order_id',
              'gross_amount',
            ],
            properties: {
              transaction_time: { type: 'string', example: '2024-09-29 15:30:00' },
              transaction_status: {
                type: 'string',
                enum: [
                  'capture',
                  'settlement',
                  'pending',
                  'authorize',
                  'deny',
                  'cancel',
                  'expire',
                  'failure',
                  'refund',
                  'partial_refund',
                  'chargeback',
                  'partial_chargeback',
                ],
              },
              transaction_id: { type: 'string' },
              status_message: { type: 'string' },
              status_code: { type: 'string', example: '200' },
              signature_key: {
                type: 'string',
                description: 'SHA512(order_id + status_code + gross_amount + server_key), hex',
              },
              settlement_time: { type: 'string' },
              payment_type: { type: 'string', example: 'bank_transfer' },
              order_id: { type: 'string', description: 'The transaction number, e.g. TXN-2024-000001' },
              merchant_id: { type: 'string' },
              gross_amount: { type: 'string', example: '100000.00' },
              fraud_status: { type: 'string', enum: ['accept', 'challenge', 'deny'] },
              currency: { type: 'string', example: 'IDR' },
            },
          },
          example: {
            transaction_time: '2024-09-29 15:30:00',
            transaction_status: 'settlement',
            transaction_id: 'TXN-2024-000001',
            status_message: 'midtrans payment notification',
            status_code: '200',
            signature_key: 'abc123...',
            settlement_time: '2024-09-29 15:30:00',
            payment_type: 'bank_transfer',
            order_id: 'TXN-2024-000001',
            merchant_id: 'G123456789',
            gross_amount: '100000.00',
            fraud_status: 'accept',
            currency: 'IDR',
          },
        },
      },
    },
    responses: {
      '200': {
        description: 'Processed (also for a repeated delivery)',
        content: {
          'application/json': { example: { success: true, message: 'Webhook processed successfully' } },
        },
      },
      '422': { description: 'Not a notification body: VALIDATION_FAILED naming the fields' },
      '401': { description: 'Wrong signature or callback token' },
      '404': { description: 'The cooperative does not collect through Midtrans' },
    },
  },
};
