import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.ts';
import { api, fund, newMember, sinomanScope, type TestMember } from './savings-fixtures.ts';

let app: TestApp;
let http: ReturnType<typeof api>;

beforeAll(async () => {
  app = await startTestApp();
  http = api(app);
});

afterAll(async () => {
  await app?.close();
});

const BANK = { bank_name: 'Bank BNI', account_number: '9876543210', account_name: 'Siti Aminah' };
const withdraw = (member: TestMember, amount: number) =>
  http.post(
    '/savings/withdrawals',
    { savings_account_id: member.accounts.SS, amount, bank_account: BANK },
    member.token,
  );

describe('GET /savings/accounts', () => {
  it('lists the three accounts with their ledger balances, the total and its parts', async () => {
    const member = await newMember(app);
    await fund(app, member, 80_000, 'SP');
    await fund(app, member, 120_000, 'SW');
    await fund(app, member, 500_000, 'SS');
    const res = await http.get('/savings/accounts', member.token);
    expect(res.status).toBe(200);
    const { accounts, total_balance, summary } = res.body.data;
    expect(
      accounts.map((a: { savings_type: { code: string }; balance: number }) => [
        a.savings_type.code,
        a.balance,
      ]),
    ).toEqual([
      ['SP', 80_000],
      ['SW', 120_000],
      ['SS', 500_000],
    ]);
    expect(accounts[2]).toMatchObject({
      id: member.accounts.SS,
      account_number: expect.stringMatching(/^SA-\d{4}-\d{6}$/),
      virtual_account_number: expect.stringMatching(/^8801\d{12}$/),
      status: 'active',
      savings_type: {
        name: 'Simpanan Sukarela',
        code: 'SS',
        description: 'Simpanan sukarela yang dapat ditarik sewaktu-waktu',
        minimum_amount: 10_000,
        is_withdrawable: true,
        is_mandatory: false,
      },
      last_transaction_date: expect.any(String),
    });
    expect(total_balance).toBe(700_000);
    expect(summary).toEqual({
      mandatory_savings: 200_000,
      voluntary_savings: 500_000,
      withdrawable_balance: 500_000,
    });
  });

  it('shows one account with its rate as a fraction and the interest earned; another member’s is 404', async () => {
    const [member, other] = [await newMember(app), await newMember(app)];
    const res = await http.get(`/savings/accounts/${member.accounts.SS}`, member.token);
    expect(res.status).toBe(200);
    expect(res.body.data.account).toMatchObject({
      id: member.accounts.SS,
      balance: 0,
      savings_type: { code: 'SS', interest_rate: 0.06 },
      last_interest_calculated_at: null,
      total_interest_earned: 0,
    });
    const foreign = await http.get(`/savings/accounts/${other.accounts.SS}`, member.token);
    expect(foreign.status).toBe(404);
    expect(foreign.body.error).toMatchObject({
      code: 'ACCOUNT_NOT_FOUND',
      message: 'Savings account not found',
    });
  });

  it('refuses a missing token (401 AUTH_TOKEN_MISSING) and another tenant’s token (401)', async () => {
    const none = await http.get('/savings/accounts');
    expect(none.status).toBe(401);
    expect(none.body.error.code).toBe('AUTH_TOKEN_MISSING');
    const qutab = await app.request('POST', '/t/qutab/api/auth/login', {
      body: { email: 'customer@qutab.demo', password: 'Customer123!' },
    });
    expect(qutab.status).toBe(200);
    const foreign = await http.get('/savings/accounts', qutab.body.data.access_token);
    expect(foreign.status).toBe(401);
    expect(foreign.body.error.code).toBe('AUTH_TOKEN_INVALID');
  });
});

describe('GET /savings/transactions', () => {
  let member: TestMember;

  beforeAll(async () => {
    member = await newMember(app);
    // 2025-03-10 23:30 and 2025-03-11 00:30 in Jakarta: a day boundary between them
    await fund(app, member, 80_000, 'SP', new Date('2025-03-10T16:30:00Z'));
    await fund(app, member, 10_000, 'SW', new Date('2025-03-10T17:30:00Z'));
    for (let i = 0; i < 23; i++)
      await fund(app, member, 10_000 + i, 'SS', new Date(Date.UTC(2025, 4, 1 + i, 3)));
    await withdraw(member, 20_000);
    await withdraw(member, 15_000);
  });

  it('pages the member’s transactions newest first with the document’s pagination block', async () => {
    const first = await http.get('/savings/transactions?page=1&limit=10', member.token);
    expect(first.status).toBe(200);
    expect(first.body.data.pagination).toEqual({
      current_page: 1,
      total_pages: 3,
      total_items: 27,
      items_per_page: 10,
      has_next: true,
      has_prev: false,
    });
    const items = first.body.data.transactions;
    expect(items[0]).toMatchObject({
      amount: 15_000,
      status: 'pending',
      transaction_type: {
        name: 'Penarikan Simpanan Sukarela',
        code: 'SS_WITHDRAWAL',
        category: 'withdrawal',
      },
      savings_account: { id: member.accounts.SS, savings_type: 'Simpanan Sukarela' },
      processed_at: null,
    });
    expect(items[2]).toMatchObject({
      amount: 10_022,
      status: 'completed',
      payment_method: 'cash',
      transaction_type: { name: 'Setoran Simpanan Sukarela', code: 'SS_DEPOSIT', category: 'deposit' },
    });
    const last = await http.get('/savings/transactions?page=3&limit=10', member.token);
    expect(last.body.data.transactions).toHaveLength(7);
    expect(last.body.data.pagination).toMatchObject({ current_page: 3, has_next: false, has_prev: true });
    const byDefault = await http.get('/savings/transactions', member.token);
    expect(byDefault.body.data.pagination).toMatchObject({ items_per_page: 20, total_items: 27 });
  });

  it('filters by account, type, status and local dates', async () => {
    const query = async (q: string) => {
      const res = await http.get(`/savings/transactions?${q}`, member.token);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body.data;
    };
    expect((await query(`account_id=${member.accounts.SP}`)).pagination.total_items).toBe(1);
    expect((await query('type=withdrawal')).pagination.total_items).toBe(2);
    expect((await query('type=deposit')).pagination.total_items).toBe(25);
    expect((await query('status=pending')).pagination.total_items).toBe(2);
    expect((await query('status=failed')).transactions).toEqual([]);
    const day = await query('start_date=2025-03-11&end_date=2025-03-11');
    expect(day.transactions.map((t: { amount: number }) => t.amount)).toEqual([10_000]);
    const before = await query('end_date=2025-03-10');
    expect(before.transactions.map((t: { amount: number }) => t.amount)).toEqual([80_000]);
    expect(
      (await query('start_date=2025-05-01&end_date=2025-05-10&type=deposit')).pagination.total_items,
    ).toBe(10);
  });

  it('refuses bad filters naming the field', async () => {
    for (const [q, field] of [
      ['limit=101', 'limit'],
      ['page=0', 'page'],
      ['type=loan', 'type'],
      ['start_date=2025-02-30', 'start_date'],
      ['start_date=2025-03-02&end_date=2025-03-01', 'end_date'],
    ] as const) {
      const res = await http.get(`/savings/transactions?${q}`, member.token);
      expect(res.status, q).toBe(422);
      expect(res.body.error.field, q).toBe(field);
    }
  });

  it('lists nothing of another member, whose account filter finds nothing either', async () => {
    const other = await newMember(app);
    const res = await http.get(`/savings/transactions?account_id=${member.accounts.SS}`, other.token);
    expect(res.body.data).toMatchObject({ transactions: [], pagination: { total_items: 0 } });
  });

  it('stays fast for a member with thousands of transactions', async () => {
    const busy = await newMember(app);
    const scope = await sinomanScope(app);
    await scope.em.execute(
      `insert into savings_transaction (tenant_id, public_id, transaction_number, savings_account_id, owner_account_id,
         type_code, category, amount, unique_code, balance_before, balance_after, status, processed_at, created_at, updated_at)
       select ?, gen_random_uuid(), 'TXN-1999-' || lpad(g::text, 6, '0'), ?, ?, 'SS_DEPOSIT', 'deposit', 10000, 0,
              (g - 1) * 10000, g * 10000, 'completed', now() - g * interval '1 hour', now() - g * interval '1 hour', now()
       from generate_series(1, 5000) g`,
      [scope.tenant.id, busy.rows.SS, busy.accountId],
    );
    const started = performance.now();
    const page = await http.get('/savings/transactions?page=200&limit=20&type=deposit', busy.token);
    const filtered = await http.get('/savings/transactions?start_date=2020-01-01&limit=100', busy.token);
    expect(page.body.data.pagination).toMatchObject({ total_items: 5000, total_pages: 250 });
    expect(filtered.body.data.transactions).toHaveLength(100);
    expect(performance.now() - started).toBeLessThan(1_500);
  });
});

describe('GET /savings/transactions/{transaction_id}', () => {
  it('shows the member, the account, the type and who processed it; another member’s is 404', async () => {
    const member = await newMember(app, 'Siti Aminah');
    const deposit = await fund(app, member, 40_000);
    const res = await http.get(`/savings/transactions/${deposit.publicId}`, member.token);
    expect(res.status).toBe(200);
    expect(res.body.data.transaction).toMatchObject({
      id: deposit.publicId,
      transaction_number: deposit.transactionNumber,
      member: { id: member.memberId, member_number: member.memberNumber, full_name: 'Siti Aminah' },
      savings_account: { id: member.accounts.SS, savings_type: { name: 'Simpanan Sukarela', code: 'SS' } },
      transaction_type: {
        id: '48b24c20-2db6-5179-a91c-b1a4b5eddbf6',
        code: 'SS_DEPOSIT',
        category: 'deposit',
      },
      amount: 40_000,
      balance_before: 0,
      balance_after: 40_000,
      payment_gateway_response: null,
      status: 'completed',
    });
    const other = await newMember(app);
    const foreign = await http.get(`/savings/transactions/${deposit.publicId}`, other.token);
    expect(foreign.status).toBe(404);
    const junk = await http.get('/savings/transactions/not-an-id', member.token);
    expect(junk.status).toBe(422);
    expect(junk.body.error.field).toBe('transaction_id');
  });
});
