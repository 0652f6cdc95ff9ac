/** The DOKU notification route as the spec documents it (served as a plain route: it verifies the raw body). */
export const dokuWebhookDoc = {
  post: {
    operationId: 'checkout-paymentWebhook',
    tags: ['Checkout'],
    summary: 'Doku payment webhook handler (called by Doku)',
    description:
      "Verified with DOKU's signature headers (Client-Id, Request-Id, Request-Timestamp, Signature = " +
      '`HMACSHA256=` + base64 HMAC-SHA256 over Client-Id, Request-Id, Request-Timestamp, Request-Target and Digest). ' +
      'Notifications older than 5 minutes are refused. Each Request-Id is processed once; the payment status ' +
      'is then asked of DOKU, never taken from the notification.',
    parameters: ['Client-Id', 'Request-Id', 'Request-Timestamp', 'Signature'].map((name) => ({
      name,
      in: 'header',
      required: true,
      schema: { type: 'string' },
    })),
    requestBody: {
      required: true,
      content: {
        'application/json': {
          schema: {
            type: 'object',
            properties: {
              order: {
                type: 'object',
                properties: { invoice_number: { type: 'string' }, amount: { type: 'integer' } },
              },
              transaction: { type: 'object', properties: { status: { type: 'string', example: 'SUCCESS' } } },
              channel: {
                type: 'object',
                properties: { id: { type: 'string', example: 'VIRTUAL_ACCOUNT_BCA' } },
              },
            },
          },
        },
      },
    },
    responses: {
      '200': { description: 'Accepted (also for a repeated delivery)' },
      '401': { description: 'Signature, client id or timestamp not valid: nothing changed' },
      '404': { description: 'The tenant does not take DOKU payments' },
    },
  },
};
