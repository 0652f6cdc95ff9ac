import { createFakeMidtrans } from '@komisi/api/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.ts';
import { fitChallengeFixtures, REGISTRATION } from './fit-challenge.fixtures.ts';

// The Fit Challenge fee paid by bank transfer into a Midtrans virtual account (the document's
// gateway), against the faithful fake; the notification arrives at /api/webhooks/midtrans (§8.1).
const SERVER_KEY = 'SB-Mid-server-GwUP_WGbJPXsDzsNEBRs8IYA';
const CALLBACK_TOKEN = 'sinoman-webhook-secret-0123456789';
const fake = createFakeMidtrans({ serverKey: SERVER_KEY, callbackToken: CALLBACK_TOKEN });
let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({
    services: { midtransFetch: (input, init) => fake.fetch(new Request(input, init)) },
  });
  const sinoman = (await app.services.tenants.bySlug('sinoman'))!;
  await app.services.tenants.updateSetting(sinoman.id, 'payments', {
    provider: 'midtrans',
    midtrans: {
      baseUrl: 'https://api.sandbox.midtrans.com',
      serverKey: SERVER_KEY,
      callbackToken: CALLBACK_TOKEN,
      bank: 'bca',
    },
  });
});

afterAll(async () => {
  await app?.close();
});

describe('paying the Fit Challenge fee through Midtrans', () => {
  it('hands out the virtual account and marks the registration paid on the settlement notification', async () => {
    const { member } = fitChallengeFixtures(app);
    const m = await member();
    const batch = (await app.request('GET', '/t/sinoman/api/fit-challenge/batches')).body.data.batches[0].id;
    const res = await app.request('POST', '/t/sinoman/api/fit-challenge/register', {
      body: { batch_id: batch, ...REGISTRATION },
      token: m.token,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const instructions = res.body.data.registration.payment_instructions;
    const [transaction] = [...fake.transactions.values()];
    expect(instructions).toMatchObject({ amount: 500000, virtual_account: transaction!.vaNumber });
    expect(transaction).toMatchObject({ grossAmount: 500000, bank: 'bca' });

    fake.pay(transaction!.orderId);
    const notification = fake.notification(transaction!.orderId);
    const delivered = await app.request('POST', '/t/sinoman/api/webhooks/midtrans', {
      headers: notification.headers,
      body: notification.body,
    });
    expect(delivered.status, JSON.stringify(delivered.body)).toBe(200);

    const mine = await app.request('GET', '/t/sinoman/api/fit-challenge/registration', { token: m.token });
    expect(mine.body.data.registrations[0]).toMatchObject({
      payment_status: 'completed',
      amount_paid: 500000,
    });
  });
});
