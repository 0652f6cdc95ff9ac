/** The payment gateway's callback (Xendit; "Zendit" in the document), served as a plain route. */
export const xenditCallbackDoc = {
  post: {
    operationId: 'webhooks-xendit',
    tags: ['Webhooks'],
    summary: 'Payment gateway callback: payment.success / payment.failed (called by Xendit)',
    description:
      'Verified by the `x-callback-token` header (compared in constant time; a wrong token is a 401 and ' +
      'nothing changes). Accepts Xendit invoice callbacks and `{ event, data }` callbacks with the events ' +
      '`payment.success` (the document’s name), `payment.succeeded` and `payment.failed`. Each callback is ' +
      'processed once; the payment status is then asked of Xendit, never taken from the callback. A paid ' +
      'order records the affiliate commission as pending (on hold).',
    parameters: [
      {
        name: 'x-callback-token',
        in: 'header',
        required: true,
        schema: { type: 'string' },
        example: 'xnd_cb_5f2c9a7e1b3d4f60a8c2e9b7d1f4a6c3',
      },
    ],
    requestBody: {
      required: true,
      content: {
        'application/json': {
          schema: {
            type: 'object',
            properties: {
              event: { type: 'string', enum: ['payment.success', 'payment.succeeded', 'payment.failed'] },
              data: {
                type: 'object',
                properties: {
                  id: { type: 'string' },
                  reference_id: { type: 'string' },
                  status: { type: 'string' },
                },
              },
              id: { type: 'string', description: 'Invoice callbacks: the invoice id' },
              external_id: { type: 'string', description: 'Invoice callbacks: our payment reference' },
              status: { type: 'string', example: 'PAID' },
            },
          },
          // the payment of the order in the other examples: `reference_id` is our payment reference
          example: {
            event: 'payment.success',
            data: {
              id: 'py-1f7c3e9a-5b2d-4c8e-9a6f-3d1b7e5c9a20',
              reference_id: 'KMS-2b7e9c4a-1d3f-4a6b-8c5e-9f0a1b2c3d4e',
              status: 'SUCCEEDED',
            },
          },
        },
      },
    },
    responses: {
      '200': {
        description: 'Accepted (also for a repeated delivery)',
        content: { 'application/json': { example: { ok: true } } },
      },
      '400': { description: 'Not a callback body' },
      '401': { description: 'Wrong callback token: nothing changed' },
      '404': { description: 'The tenant does not take Xendit payments' },
    },
  },
};
