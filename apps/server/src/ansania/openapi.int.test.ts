import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_OPERATIONS } from '../console/console.fixtures.ts';
import { startTestApp, type TestApp } from '../testing/test-app.ts';

/** the admin console's operations, in every profile's document */
const CONSOLE = CONSOLE_OPERATIONS.map(([method, path]) => `${method} ${path}`);
/** the audit log's, in every profile's document too */
const AUDIT_LOG = ['GET /admin/audit-log', 'GET /admin/audit-log/{id}'];

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.close();
});

// biome-ignore lint/suspicious/noExplicitAny: OpenAPI documents are read as plain JSON
const operations = (doc: any) =>
  Object.entries(doc.paths as Record<string, object>).flatMap(([path, item]) =>
    Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
  );

const ANSANIA = [
  'POST /auth/register',
  'POST /auth/login',
  'POST /auth/refresh',
  'POST /auth/forgot-password',
  'POST /auth/reset-password',
  'GET /user/profile',
  'PUT /user/profile',
  'GET /user/addresses',
  'POST /user/addresses',
  'PUT /user/addresses/{id}',
  'DELETE /user/addresses/{id}',
  'PUT /user/addresses/{id}/set-default',
  'GET /products',
  'GET /products/{slug}',
  'GET /products/{id}/reviews',
  'GET /cart',
  'POST /cart/items',
  'PUT /cart/items/{id}',
  'DELETE /cart/items/{id}',
  'POST /cart/apply-voucher',
  'DELETE /cart/remove-voucher',
  'POST /checkout/validate',
  'POST /checkout/calculate-shipping',
  'POST /checkout/create-order',
  'POST /checkout/payment-webhook',
  'GET /orders',
  'GET /orders/{order_number}',
  'PUT /orders/{order_number}/cancel',
  'GET /orders/{order_number}/invoice',
  'POST /products/{id}/reviews',
  'GET /wishlist',
  'POST /wishlist',
  'DELETE /wishlist/{id}',
  'POST /wishlist/{id}/move-to-cart',
  'GET /vouchers/available',
  'POST /vouchers/validate',
];

/** Ours, beside the spec's: the shop's order, voucher and catalog desks and the audit log (admin role). */
const ANSANIA_ADMIN = [
  'GET /admin/orders',
  'GET /admin/orders/{order_number}',
  'PUT /admin/orders/{order_number}/status',
  'PUT /admin/orders/{order_number}/tracking',
  'POST /admin/orders/{order_number}/refund',
  'GET /admin/vouchers',
  'POST /admin/vouchers',
  'GET /admin/vouchers/{id}',
  'PUT /admin/vouchers/{id}',
  'POST /admin/vouchers/{id}/deactivate',
  'POST /admin/vouchers/{id}/reactivate',
  'GET /admin/products',
  'POST /admin/products',
  'GET /admin/products/{id}',
  'PUT /admin/products/{id}',
  'POST /admin/products/{id}/variants',
  'POST /admin/variants/{id}/adjust-stock',
  'PUT /admin/variants/{id}',
  ...AUDIT_LOG,
];

describe('ansania and affiliate-marketer OpenAPI documents', () => {
  it('documents all 36 ansania endpoints and the 18 admin ones with the success envelope', async () => {
    const doc = (await app.request('GET', '/t/ansania/api/openapi.json')).body;
    expect(doc.openapi).toMatch(/^3\.1\./);
    expect(operations(doc).sort()).toEqual([...ANSANIA, ...ANSANIA_ADMIN, ...CONSOLE].sort());
    const refund = doc.paths['/admin/orders/{order_number}/refund'].post;
    expect(Object.keys(refund.responses).sort()).toEqual(['200', '400', '401', '403', '404', '409', '500']);
    expect(refund.security).toEqual([{ bearerAuth: [] }]);
    const list = doc.paths['/products'].get.responses['200'].content['application/json'].schema;
    expect(list.required).toEqual(['success', 'data', 'meta']);
    expect(doc.paths['/user/addresses/{id}'].delete.responses).toHaveProperty('204');
  });

  it('documents 409 for a taken email or phone, the order id on every order, and both forms of order_id', async () => {
    const doc = (await app.request('GET', '/t/ansania/api/openapi.json')).body;
    expect(doc.paths['/auth/register'].post.responses).toHaveProperty('409');
    // biome-ignore lint/suspicious/noExplicitAny: OpenAPI documents are read as plain JSON
    const data = (op: any, status = '200') =>
      op.responses[status].content['application/json'].schema.properties.data;
    const orders = [
      data(doc.paths['/checkout/create-order'].post, '201').properties.order,
      data(doc.paths['/orders'].get).properties.orders.items,
      data(doc.paths['/orders/{order_number}'].get).properties.order,
      data(doc.paths['/orders/{order_number}/cancel'].put).properties.order,
      data(doc.paths['/admin/orders'].get).properties.orders.items,
      data(doc.paths['/admin/orders/{order_number}'].get).properties.order,
    ];
    for (const order of orders) {
      expect(order.properties.id).toMatchObject({ type: 'integer' });
      expect(order.required).toEqual(expect.arrayContaining(['id', 'order_number']));
    }
    const review = doc.paths['/products/{id}/reviews'].post.requestBody.content['application/json'].schema;
    expect(review.required).toContain('order_id');
    expect(review.properties.order_id.anyOf.map((s: { type: string }) => s.type)).toEqual([
      'integer',
      'string',
    ]);
  });

  it('documents the 3 affiliate endpoints and the admin ones, bare', async () => {
    const doc = (await app.request('GET', '/t/ansania/api/openapi.json?profile=affiliate-marketer')).body;
    expect(operations(doc).sort()).toEqual(
      [
        'GET /affiliate/commission',
        'GET /affiliate/stats',
        'GET /affiliate/reports/monthly',
        'GET /admin/affiliates',
        'POST /admin/affiliates',
        'PUT /admin/affiliates/{id}',
        ...CONSOLE,
        ...AUDIT_LOG,
      ].sort(),
    );
  });
});
