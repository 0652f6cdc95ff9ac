import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paySandbox, startTestApp, TEST_ADMIN_PASSWORD, type TestApp } from '../testing/test-app.ts';

// qutab-platform: the administrator's order list and detail (the moves are in payouts.int.test.ts
// and the console's browser test).
let app: TestApp;
const api = (path: string) => `/t/qutab/api${path}`;
const get = (path: string, token?: string) => app.request('GET', api(path), token ? { token } : {});
const post = (path: string, body: unknown, token?: string) =>
  app.request('POST', api(path), { body, ...(token && { token }) });

let admin: string;
let customer: string;
let orderId: string;

beforeAll(async () => {
  app = await startTestApp();
  admin = (await post('/auth/login', { email: 'admin@qutab.demo', password: TEST_ADMIN_PASSWORD })).body.data
    .access_token;
  const registered = await post('/auth/register', {
    name: 'Siti Aminah',
    email: `siti.${Date.now()}@example.com`,
    phone: '081311112222',
    password: 'Rahasia123!',
  });
  customer = registered.body.data.access_token;
  const product = (await get('/products')).body.data.products[0];
  const order = await post(
    '/orders',
    {
      product_id: product.id,
      quantity: 1,
      recipient_name: 'Keluarga Aminah',
      recipient_location: 'Masjid Al-Falah, Sidoarjo',
      payment_method: 'qris',
    },
    customer,
  );
  expect(order.status, JSON.stringify(order.body)).toBe(201);
  orderId = order.body.data.id;
  await paySandbox(app, order.body.data.payment_url);
});
afterAll(async () => {
  await app.close();
});

describe('the administrator’s orders', () => {
  it('lists every customer’s orders with the customer, filtered by status', async () => {
    const paid = await get('/admin/orders?status=paid', admin);
    expect(paid.status, JSON.stringify(paid.body)).toBe(200);
    expect(paid.body.data.orders).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: orderId,
          status: 'paid',
          recipient_location: 'Masjid Al-Falah, Sidoarjo',
          customer: expect.objectContaining({ name: 'Siti Aminah' }),
        }),
      ]),
    );
    expect(paid.body.data.pagination).toMatchObject({ page: 1, limit: 20 });
    const completed = await get('/admin/orders?status=completed', admin);
    expect(completed.body.data.orders.map((o: { id: string }) => o.id)).not.toContain(orderId);
  });

  it('shows one order with its tracking; moves show there', async () => {
    const moved = await app.request('PUT', api(`/admin/orders/${orderId}/status`), {
      token: admin,
      body: { status: 'processing', note: 'Hewan dipilih' },
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    const detail = await get(`/admin/orders/${orderId}`, admin);
    expect(detail.status).toBe(200);
    expect(detail.body.data).toMatchObject({
      id: orderId,
      status: 'processing',
      payment_status: 'paid',
      customer: { name: 'Siti Aminah' },
    });
    expect(detail.body.data.tracking.map((t: { status: string }) => t.status)).toEqual([
      'pending',
      'paid',
      'processing',
    ]);
    expect(detail.body.data.tracking.at(-1).note).toBe('Hewan dipilih');
  });

  it('is the administrators’ only, names a bad field, and sees only its own tenant’s orders', async () => {
    expect((await get('/admin/orders', customer)).status).toBe(403);
    expect((await get(`/admin/orders/${orderId}`, customer)).status).toBe(403);
    const bad = await get('/admin/orders?status=shipped&limit=500', admin);
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.body.error)).toMatch(/status|limit/);
    expect((await get('/admin/orders/NOPE-0000', admin)).status).toBe(404);
    // another tenant's administrator does not see this order
    const ansania = await app.request('POST', '/t/ansania/api/auth/login', {
      body: { email: 'admin@ansania.demo', password: TEST_ADMIN_PASSWORD },
    });
    const token = ansania.body.data?.access_token ?? ansania.body.data?.token;
    const foreign = await app.request('GET', api(`/admin/orders/${orderId}`), { token });
    expect([401, 403]).toContain(foreign.status);
    const ansaniaOrder = await app.request('GET', `/t/ansania/api/admin/orders/${orderId}`, { token });
    expect(ansaniaOrder.status).toBe(404);
  });
});
