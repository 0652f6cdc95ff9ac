import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './testing/test-app.ts';

// Request bodies are read under a cap: 1 MB for ordinary JSON, 8 MB where files may come as base64,
// 6 MB for multipart uploads. Nothing past the cap is kept, and nothing is written.
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.close();
});

describe('request body limits', () => {
  it('refuses a REST JSON body over 1 MB naming the body, in the profile envelope', async () => {
    const res = await app.request('POST', '/t/qutab/api/auth/login', {
      body: { email: 'x@example.com', password: 'x'.repeat(1_100_000) },
    });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'body' });
    expect(res.body.error.message).toContain('too large');
  });

  it('refuses files on an operation that takes none', async () => {
    const form = new FormData();
    form.append('email', 'x@example.com');
    const res = await app.app.request('/t/qutab/api/auth/login', { method: 'POST', body: form });
    expect(res.status).toBe(422);
  });

  it('answers 413 to a tRPC body over 8 MB', async () => {
    const res = await app.app.request('/t/qutab/trpc/auth.login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ json: { email: 'x@example.com', password: 'x'.repeat(9_000_000) } }),
    });
    expect(res.status).toBe(413);
    // in tRPC's error shape, so the SDK reads it as a typed error
    expect((await res.json()).error.json.data).toMatchObject({ httpStatus: 413, code: 'PAYLOAD_TOO_LARGE' });
  });

  it('answers a tRPC call with the wrong method 405, not 500', async () => {
    const res = await app.app.request('/t/dtehm/trpc/products.list', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ json: {} }),
    });
    expect(res.status).toBe(405);
  });

  it('still serves ordinary tRPC calls', async () => {
    const res = await app.app.request('/t/qutab/trpc/auth.login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ json: { email: 'customer@qutab.demo', password: 'Customer123!' } }),
    });
    expect(res.status).toBe(200);
  });
});
