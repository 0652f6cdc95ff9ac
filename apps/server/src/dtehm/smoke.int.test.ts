import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeMember, startTestApp, type TestApp } from '../testing/test-app.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.close();
});

async function login(email: string, password: string): Promise<string> {
  const res = await app.post('/users/login', { email, password });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.data.token;
}

describe('dtehm smoke', () => {
  it('registers, pays a membership and pays the sponsor bonus', async () => {
    const root = await login('root@dtehm.demo', 'admin-password-123');
    const before = (await app.get('/user/balance', root)).body.data.balance;
    expect(before).toBe(10_000); // the referral bonus of the seeded demo member
    const m = await activeMember(app);
    expect(m.memberId).toMatch(/^DTEHM\d{4}\d{4,}$/);
    const balance = await app.get('/user/balance', root);
    expect(balance.body).toEqual({ code: 1, data: { balance: before + 10_000, currency: 'UGX' } });
  });
});

describe('dtehm demo members', () => {
  it('gives the demo member a paid-up downline three generations deep, under the root', async () => {
    const token = await login('member@dtehm.demo', 'Member123!');
    const network = await app.get('/user/network?level=all', token);
    expect(network.status).toBe(200);
    expect(network.body.data.statistics).toMatchObject({
      total_members: 5,
      direct_referrals: 2,
      levels_deep: 3,
      by_level: { level_1: 2, level_2: 2, level_3: 1 },
    });
    expect(
      network.body.data.network.map((m: { email: string; level: number; status: string }) => [
        m.email,
        m.level,
        m.status,
      ]),
    ).toEqual([
      ['brian@dtehm.demo', 1, 'Active'],
      ['sarah@dtehm.demo', 1, 'Active'],
      ['david@dtehm.demo', 2, 'Active'],
      ['ruth@dtehm.demo', 2, 'Active'],
      ['peter@dtehm.demo', 3, 'Active'],
    ]);
    // the referral bonus of each direct referral's DTEHM membership
    expect((await app.get('/user/balance', token)).body.data.balance).toBe(20_000);

    const signedIn = await app.post('/users/login', { email: 'member@dtehm.demo', password: 'Member123!' });
    expect(signedIn.body.data.user.sponsor_id).toBe(app.rootMemberId);
  });
});
