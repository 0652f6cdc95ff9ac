import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeMember, startTestApp, type TestApp } from '../testing/test-app.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.close();
});

describe('dtehm smoke', () => {
  it('registers, pays a membership and pays the sponsor bonus', async () => {
    const m = await activeMember(app);
    expect(m.memberId).toMatch(/^DTEHM\d{4}\d{4,}$/);
    const root = await app.post('/users/login', { email: 'root@dtehm.demo', password: 'admin-password-123' });
    const balance = await app.get('/user/balance', root.body.data.token);
    expect(balance.body).toEqual({ code: 1, data: { balance: 10_000, currency: 'UGX' } });
  });
});
