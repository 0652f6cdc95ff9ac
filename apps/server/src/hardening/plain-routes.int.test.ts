import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.ts';

// Routes outside the procedures (gateway callbacks, the sandbox pay page) read their bodies under a
// cap, validate them with a schema and refuse in the profile's envelope: never a 5xx, never an echo.
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.close();
});

const PESAPAL = '/t/dtehm/api/webhooks/pesapal';

describe('gateway callbacks', () => {
  it('refuses a 50 MB notification without reading it all', async () => {
    const chunk = new Uint8Array(1024 * 1024).fill(0x20);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ === 50) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const res = await app.app.request(PESAPAL, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ code: 0 });
  });

  it('names a tracking id that is not text, in the dtehm envelope', async () => {
    const res = await app.request('POST', PESAPAL, { body: { OrderTrackingId: { $gt: '' } } });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 0, errors: { OrderTrackingId: expect.any(Array) } });
  });

  it('refuses an overlong tracking id without echoing it', async () => {
    const res = await app.request('POST', PESAPAL, {
      body: { OrderTrackingId: 'x'.repeat(60_000), OrderMerchantReference: 'KMS-1' },
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body).length).toBeLessThan(1_000);
  });

  it('says in the envelope that the store has no such gateway', async () => {
    const pesapal = await app.request('GET', `${PESAPAL}?OrderTrackingId=abc`);
    expect(pesapal.status).toBe(404);
    expect(pesapal.body).toMatchObject({ code: 0, message: expect.stringContaining('Pesapal') });
    const xendit = await app.request('POST', '/t/ansania/api/webhooks/xendit', { body: {} });
    expect(xendit.status).toBe(404);
    const doku = await app.request('POST', '/t/ansania/api/checkout/payment-webhook', { body: {} });
    expect(doku.status).toBe(404);
    expect(doku.body).toMatchObject({ success: false, code: 'NOT_FOUND' });
  });

  it('names a tracking id holding a NUL', async () => {
    const res = await app.request('POST', PESAPAL, { body: { OrderTrackingId: 'a\u0000b' } });
    expect(res.status).toBe(400);
    expect(res.body.errors).toHaveProperty('OrderTrackingId');
  });
});

describe('sandbox pay page', () => {
  it('answers 404 to a reference that is not one, NUL included', async () => {
    expect((await app.request('GET', '/sandbox/pay/%00')).status).toBe(404);
    expect((await app.request('GET', `/sandbox/pay/${'x'.repeat(5000)}`)).status).toBe(404);
    const post = await app.request('POST', '/sandbox/pay/%00', { body: { outcome: 'success' } });
    expect(post.status).toBe(404);
  });

  it('refuses an outcome that is not one, and a large body', async () => {
    expect((await app.request('POST', '/sandbox/pay/SBX-x', { body: { outcome: ['success'] } })).status).toBe(
      400,
    );
    const big = await app.request('POST', '/sandbox/pay/SBX-x', {
      body: { outcome: 'success', pad: 'x'.repeat(100_000) },
    });
    expect(big.status).toBe(413);
  });
});
