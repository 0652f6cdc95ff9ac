import { createFakePesapal } from '@komisi/api/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerMember, startTestApp, type TestApp } from '../testing/test-app.ts';

// A tenant that collects through Pesapal API 3.0, against a faithful fake Pesapal.
const fake = createFakePesapal({ consumerKey: 'ck_test', consumerSecret: 'cs_test' });
let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({
    services: { pesapalFetch: (input, init) => fake.fetch(new Request(input, init)) },
  });
  const settings = {
    payments: {
      provider: 'pesapal',
      pesapal: { baseUrl: 'https://pesapal.fake/v3', consumerKey: 'ck_test', consumerSecret: 'cs_test' },
    },
  };
  await app.orm.em
    .fork()
    .getConnection()
    .execute("update tenant set settings = ? where slug = 'dtehm'", [JSON.stringify(settings)]);
  await app.services.tenants.invalidate();
});
afterAll(async () => {
  await app.close();
});

async function initiate() {
  const member = await registerMember(app);
  const res = await app.post(
    '/membership/initiate-payment',
    { user_id: member.id, payment_method: 'pesapal' },
    member.token,
  );
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return { member, payment: res.body.data };
}

const ipn = (trackingId: string) =>
  app.request(
    'GET',
    `/t/dtehm/api/webhooks/pesapal?OrderTrackingId=${trackingId}&OrderMerchantReference=x&OrderNotificationType=IPNCHANGE`,
  );

describe('Pesapal payments', () => {
  it('opens the payment at Pesapal with our IPN registered', async () => {
    const { payment } = await initiate();
    expect(payment.payment_url).toContain('pesapal');
    const order = fake.orders.get(payment.tracking_id);
    expect(order).toBeDefined();
    expect(fake.ipns.size).toBe(1);
    expect([...fake.ipns.values()][0]!.url).toBe('http://komisi.test/t/dtehm/api/webhooks/pesapal');
  });

  it('an IPN while Pesapal still says pending changes nothing, even if the app claims success', async () => {
    const { member, payment } = await initiate();
    const res = await ipn(payment.tracking_id);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ orderTrackingId: payment.tracking_id, status: 200 });
    const confirm = await app.post(
      '/membership/confirm-payment',
      { payment_id: payment.payment_id, status: 'success' },
      member.token,
    );
    expect(confirm.status).toBe(400);
    const status = await app.get(`/membership/payment-status/${payment.payment_id}`, member.token);
    expect(status.body.data.status).toBe('pending');
  });

  it('settles on the IPN once Pesapal reports it completed, and only once', async () => {
    const { member, payment } = await initiate();
    fake.setStatus(payment.tracking_id, 1);
    const acks = await Promise.all(Array.from({ length: 5 }, () => ipn(payment.tracking_id)));
    expect(acks.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    const status = await app.get(`/membership/payment-status/${payment.payment_id}`, member.token);
    expect(status.body.data).toMatchObject({
      status: 'completed',
      transaction_reference: payment.tracking_id,
    });
    const bonuses = await app.orm.em
      .fork()
      .getConnection()
      .execute(
        "select count(*)::int as n from commission where reference_type = 'membership' and reference_id = ?",
        [payment.payment_id],
      );
    expect(bonuses[0].n).toBe(1);
  });

  it('a failed payment at Pesapal leaves the member pending', async () => {
    const { member, payment } = await initiate();
    fake.setStatus(payment.tracking_id, 2);
    const confirm = await app.post(
      '/membership/confirm-payment',
      { payment_id: payment.payment_id },
      member.token,
    );
    expect(confirm.status).toBe(400);
    expect(confirm.body).toMatchObject({ code: 0, message: 'Payment failed' });
  });

  it('an IPN for an unknown order is acknowledged without effect', async () => {
    const res = await ipn('00000000-0000-0000-0000-000000000000');
    expect(res.status).toBe(200);
  });
});
