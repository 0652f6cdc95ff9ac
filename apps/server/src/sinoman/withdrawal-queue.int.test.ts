import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.ts';
import { api, fund, newMember, sinomanAdminToken, type TestMember } from './savings-fixtures.ts';

let app: TestApp;
let http: ReturnType<typeof api>;
let admin: string;

beforeAll(async () => {
  app = await startTestApp();
  http = api(app);
  admin = await sinomanAdminToken(app);
});

afterAll(async () => {
  await app?.close();
});

const BANK = { bank_name: 'Bank BCA', account_number: '1234567890', account_name: 'Siti Aminah' };

async function withdraw(member: TestMember, amount: number): Promise<{ id: string }> {
  const res = await http.post(
    '/savings/withdrawals',
    { savings_account_id: member.accounts.SS, amount, bank_account: BANK },
    member.token,
  );
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data.transaction;
}

const list = (query: string, token = admin) => http.get(`/admin/savings/withdrawals${query}`, token);

describe('GET /admin/savings/withdrawals', () => {
  let member: TestMember;
  let first: { id: string };
  let second: { id: string };
  let decided: { id: string };

  beforeAll(async () => {
    member = await newMember(app, 'Siti Aminah');
    await fund(app, member, 900_000);
    decided = await withdraw(member, 100_000);
    first = await withdraw(member, 200_000);
    second = await withdraw(member, 300_000);
    const done = await http.put(
      `/admin/savings/withdrawals/${decided.id}`,
      { status: 'completed', transfer_reference: 'BCA-0001' },
      admin,
    );
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.data.transaction.payment_reference).toBe('BCA-0001');
  });

  it('lists the member’s withdrawals, waiting ones first and oldest first, with the bank details', async () => {
    const res = await list(`?search=${member.memberNumber}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ success: true });
    const rows = res.body.data.withdrawals;
    expect(rows.map((w: { id: string }) => w.id)).toEqual([first.id, second.id, decided.id]);
    expect(rows[0]).toMatchObject({
      member: { id: member.memberId, member_number: member.memberNumber, full_name: 'Siti Aminah' },
      savings_account: { id: member.accounts.SS, savings_type: { code: 'SS' } },
      amount: 200_000,
      bank_account: BANK,
      status: 'pending',
      payment_reference: null,
      processed_at: null,
    });
    expect(rows[2]).toMatchObject({ status: 'completed', payment_reference: 'BCA-0001' });
    expect(res.body.data.pagination).toMatchObject({ total_items: 3, current_page: 1 });
    expect(res.body.data.summary.waiting_withdrawals).toBeGreaterThanOrEqual(2);
    expect(res.body.data.summary.waiting_amount).toBeGreaterThanOrEqual(500_000);
  });

  it('filters by status and by the local day of the request, and pages', async () => {
    const pending = await list(`?search=${member.memberNumber}&status=pending&limit=1&page=2`);
    expect(pending.status).toBe(200);
    expect(pending.body.data.withdrawals.map((w: { id: string }) => w.id)).toEqual([second.id]);
    expect(pending.body.data.pagination).toMatchObject({ total_items: 2, total_pages: 2, has_prev: true });
    const past = await list(`?search=${member.memberNumber}&start_date=2020-01-01&end_date=2020-01-31`);
    expect(past.body.data.withdrawals).toEqual([]);
  });

  it('answers bad filters with 422 naming the field', async () => {
    const range = await list('?start_date=2026-02-01&end_date=2026-01-01');
    expect(range.status).toBe(422);
    expect(JSON.stringify(range.body.error)).toContain('end_date');
    const status = await list('?status=paid');
    expect(status.status).toBe(422);
    expect(JSON.stringify(status.body.error)).toContain('status');
    const limit = await list('?limit=1000');
    expect(limit.status).toBe(422);
    expect(JSON.stringify(limit.body.error)).toContain('limit');
  });

  it('is for administrators: a member gets 403, another tenant’s token 401', async () => {
    const mine = await list('', member.token);
    expect(mine.status).toBe(403);
    const qutab = await app.request('POST', '/t/qutab/api/auth/login', {
      body: { email: 'customer@qutab.demo', password: 'Customer123!' },
    });
    const foreign = await list('', qutab.body.data.access_token);
    expect(foreign.status).toBe(401);
  });

  it('refuses a transfer reference on a rejection (422 naming it)', async () => {
    const res = await http.put(
      `/admin/savings/withdrawals/${second.id}`,
      { status: 'rejected', transfer_reference: 'BCA-0002' },
      admin,
    );
    expect(res.status).toBe(422);
    expect(JSON.stringify(res.body.error)).toContain('transfer_reference');
  });
});
