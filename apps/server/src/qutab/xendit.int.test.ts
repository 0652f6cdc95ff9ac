import { createFakeXendit } from '@komisi/api/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.ts';

// qutab on Xendit ("Zendit" in its document): payment.success confirms the order once and records
// the affiliate commission as pending; payment.failed fails the order; a wrong token changes nothing.
const SECRET = 'xnd_development_qutab_test_key';
const TOKEN = 'qutab-callback-token-0123456789abcdef';
const fake = createFakeXendit({ secretKey: SECRET, callbackToken: TOKEN });
let app: TestApp;
const api = (path: string) => `/t/qutab/api${path}`;
const post = (path: string, body: unknown, token?: string) =>
  app.request('POST', api(path), { body, ...(token && { token }) });
const get = (path: string, token?: string) => app.request('GET', api(path), token ? { token } : {});

beforeAll(async () => {
  app = await startTestApp({
    services: { xenditFetch: (input, init) => fake.fetch(new Request(input, init)) },
  });
  const qutab = (await app.services.tenants.bySlug('qutab'))!;
  await app.services.tenants.updateSetting(qutab.id, 'payments', {
    provider: 'xendit',
    xendit: { baseUrl: 'https://api.xendit.co', secretKey: SECRET, callbackToken: TOKEN },
  });
});
afterAll(async () => {
  await app.close();
});

async function couponOrder() {
  const customer = await post('/auth/register', {
    name: 'Rahmat Hidayat',
    email: `rahmat.${Date.now()}.${Math.random()}@example.com`,
    phone: '081266667777',
    password: 'Rahasia123!',
  });
  const token = customer.body.data.access_token as string;
  const product = (await get('/products')).body.data.products[0];
  const order = await post(
    '/orders',
    {
      product_id: product.id,
      quantity: 1,
      recipient_name: 'Rahmat',
      recipient_location: 'Cirebon',
      payment_method: 'virtual_account',
      coupon_code: 'DARMAWAN10',
    },
    token,
  );
  expect(order.status, JSON.stringify(order.body)).toBe(201);
  expect(order.body.data.payment_url).toContain('xendit');
  // the invoice of this order: its external id is our payment reference, the newest pending one
  const invoiceId = [...fake.invoices.values()].filter((i) => i.status === 'PENDING').at(-1)!.id;
  return { token, order: order.body.data, invoiceId, product };
}

const deliver = (
  callback: { headers: Record<string, string>; body: string },
  headers: Record<string, string> = {},
) =>
  app.request('POST', api('/webhooks/xendit'), {
    headers: { ...callback.headers, ...headers },
    body: callback.body,
  });

describe('qutab on Xendit', () => {
  it('payment.success delivered 10× at once confirms the order once and the commission once, on hold', async () => {
    const affiliate = (
      await post('/affiliate/auth/login', { email: 'darmawan@qutab.demo', password: 'Affiliate123!' })
    ).body.data.access_token;
    const before = (await get('/affiliate/balance', affiliate)).body.data.pending_commission as number;
    const { token, order, invoiceId, product } = await couponOrder();

    fake.pay(invoiceId);
    const callback = fake.callback(invoiceId, { shape: 'payment', eventNames: 'spec' });
    expect(JSON.parse(callback.body).event).toBe('payment.success');
    const answers = await Promise.all(Array.from({ length: 10 }, () => deliver(callback)));
    for (const a of answers) expect(a.status).toBe(200);

    const detail = await get(`/orders/${order.id}`, token);
    expect(detail.body.data).toMatchObject({ status: 'paid', payment_status: 'paid' });
    const tracking = (await get(`/orders/${order.id}/tracking`, token)).body.data.tracking;
    expect(tracking.filter((t: { status: string }) => t.status === 'paid')).toHaveLength(1);
    const after = (await get('/affiliate/balance', affiliate)).body.data.pending_commission as number;
    expect(after - before).toBe(product.price / 10);
  });

  it('a wrong callback token is a 401 and nothing changes', async () => {
    const { token, order, invoiceId } = await couponOrder();
    fake.pay(invoiceId);
    const res = await deliver(fake.callback(invoiceId), { 'x-callback-token': 'not-the-token' });
    expect(res.status).toBe(401);
    expect((await get(`/orders/${order.id}`, token)).body.data.status).toBe('pending');
  });

  it('payment.failed (invoice expired) fails the order and returns the animal', async () => {
    const { token, order, invoiceId } = await couponOrder();
    fake.expire(invoiceId);
    const res = await deliver(fake.callback(invoiceId, { shape: 'payment', eventNames: 'spec' }));
    expect(res.status).toBe(200);
    expect((await get(`/orders/${order.id}`, token)).body.data.status).toBe('failed');
  });
});
