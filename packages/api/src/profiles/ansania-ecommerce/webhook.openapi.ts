/** DOKU's signature headers, as on a notification of the order in the other examples. */
const HEADER_EXAMPLES = {
  'Client-Id': 'BRN-0252-1648456322620',
  'Request-Id': 'c1b9e1f0-3c1e-4c49-9f5a-2d4ab8a7e913',
  'Request-Timestamp': '2026-02-03T10:05:00Z',
  Signature: 'HMACSHA256=K4p5c9sQm2Vt8ZfJ1yR0xW3nLhE6uDgB7aT/oYiNqCs=',
};

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
    parameters: Object.entries(HEADER_EXAMPLES).map(([name, example]) => ({
      name,
      in: 'header',
      required: true,
      schema: { type: 'string' },
      example,
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
          example: {
            order: { invoice_number: 'KMS-7c9e6679-7425-40de-944b-e07fc1f90ae7', amount: 7025000 },
            transaction: { status: 'SUCCESS' },
            channel: { id: 'VIRTUAL_ACCOUNT_BCA' },
          },
        },
      },
    },
    responses: {
      '200': {
        description: 'Accepted (also for a repeated delivery)',
        content: { 'application/json': { example: { ok: true } } },
      },
      '401': { description: 'Signature, client id or timestamp not valid: nothing changed' },
      '404': { description: 'The tenant does not take DOKU payments' },
    },
  },
};
