import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paySandbox, startTestApp, type TestApp } from '../testing/test-app.ts';
import { api, fund, ledgerBalance, newMember, sinomanScope, type TestMember } from './savings-fixtures.ts';

let app: TestApp;
let http: ReturnType<typeof api>;

beforeAll(async () => {
  app = await startTestApp();
  http = api(app);
});

afterAll(async () => {
  await app?.close();
});

const deposit = (member: TestMember, body: Record<string, unknown>) =>
  http.post(
    '/savings/transactions',
    {
      savings_account_id: member.accounts.SS,
      transaction_type: 'SS_DEPOSIT',
      amount: 100_000,
      description: 'Setoran simpanan sukarela',
      payment_method: 'bank_transfer',
      ...body,
    },
    member.token,
  );

const balanceOf = async (member: TestMember, account: 'SP' | 'SW' | 'SS' = 'SS') =>
  ledgerBalance(app, `savings:${member.rows[account]}`);

describe('POST /savings/transactions', () => {
  it('opens a pending deposit with transfer instructions: amount + a unique code, 24 hours to pay', async () => {
    const member = await newMember(app);
    await fund(app, member, 500_000);
    const res = await deposit(member, {});
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ success: true, message: 'Transaction created successfully' });
    const t = res.body.data.transaction;
    expect(t).toMatchObject({
      transaction_number: expect.stringMatching(/^TXN-\d{4}-\d{6}$/),
      savings_account_id: member.accounts.SS,
      transaction_type: {
        id: '48b24c20-2db6-5179-a91c-b1a4b5eddbf6',
        name: 'Setoran Simpanan Sukarela',
        code: 'SS_DEPOSIT',
        category: 'deposit',
      },
      amount: 100_000,
      description: 'Setoran simpanan sukarela',
      balance_before: 500_000,
      balance_after: 600_000,
      payment_method: 'bank_transfer',
      payment_reference: expect.any(String),
      status: 'pending',
    });
    const i = t.payment_instructions;
    expect(i).toMatchObject({
      bank_name: 'Bank BCA',
      account_number: expect.stringMatching(/^8801\d{12}$/),
      account_name: 'Koperasi Sinoman',
      amount: 100_000,
      unique_code: expect.stringMatching(/^\d{3}$/),
      payment_url: expect.stringContaining('/sandbox/pay/'),
    });
    expect(i.total_amount).toBe(100_000 + Number(i.unique_code));
    expect(Date.parse(i.payment_deadline) - Date.parse(t.created_at)).toBe(24 * 3_600_000);
    // nothing moves before the payment settles
    expect(await balanceOf(member)).toBe(500_000);
  });

  it('gives deposits of the same amount awaiting payment distinct totals, even when asked at once', async () => {
    const members = await Promise.all([1, 2, 3, 4, 5].map(() => newMember(app)));
    const answers = await Promise.all(members.map((m) => deposit(m, { amount: 123_000 })));
    const totals = answers.map((r) => {
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      return r.body.data.transaction.payment_instructions.total_amount;
    });
    expect(new Set(totals).size).toBe(5);
    for (const total of totals) expect(total - 123_000).toBeGreaterThanOrEqual(1);
  });

  it('credits exactly the amount when the sandbox payment is paid; the unique code goes to other income', async () => {
    const member = await newMember(app);
    const codeIncome = await ledgerBalance(app, 'company:unique-code-income', 'revenue');
    const res = await deposit(member, { amount: 250_000 });
    const t = res.body.data.transaction;
    const code = Number(t.payment_instructions.unique_code);
    await paySandbox(app, t.payment_instructions.payment_url);

    expect(await balanceOf(member)).toBe(250_000);
    expect(await ledgerBalance(app, 'company:unique-code-income', 'revenue')).toBe(codeIncome + code);
    expect(await ledgerBalance(app, 'company:clearing:deposits-received')).toBe(0);
    const detail = await http.get(`/savings/transactions/${t.id}`, member.token);
    expect(detail.status).toBe(200);
    expect(detail.body.data.transaction).toMatchObject({
      status: 'completed',
      balance_before: 0,
      balance_after: 250_000,
      processed_by: { id: 'e1402219-e32d-5cb0-809d-c60ce2723838', name: 'System Auto-Process' },
      notes: 'Transaction completed automatically via payment gateway',
      payment_gateway_response: {
        provider: 'sandbox',
        transaction_status: 'completed',
        gross_amount: 250_000 + code,
        order_id: t.payment_reference,
      },
    });
    expect(detail.body.data.transaction.processed_at).toEqual(expect.any(String));
  });

  it('posts once when the same settlement arrives ten times at once', async () => {
    const member = await newMember(app);
    const res = await deposit(member, { amount: 75_000 });
    const t = res.body.data.transaction;
    const reference = new URL(t.payment_instructions.payment_url).pathname.split('/').at(-1)!;
    // the gateway has been paid; ten notifications then race to settle it
    await app.services.sandbox.settle(reference, 'success');
    await Promise.all(
      Array.from({ length: 10 }, () =>
        app.services.gatewayNotifications.settleFromProvider('sandbox', reference),
      ),
    );
    expect(await balanceOf(member)).toBe(75_000);
    const scope = await sinomanScope(app);
    const [postings] = await scope.em.execute<{ n: string }[]>(
      `select count(*) as n from ledger_posting p join ledger_account a on a.id = p.ledger_account_id
       where a.tenant_id = ? and a.code = ?`,
      [scope.tenant.id, `savings:${member.rows.SS}`],
    );
    expect(Number(postings!.n)).toBe(1);
    const detail = await http.get(`/savings/transactions/${t.id}`, member.token);
    expect(detail.body.data.transaction).toMatchObject({ status: 'completed', balance_after: 75_000 });
  });

  it('marks the deposit failed when the payment fails, and moves no money', async () => {
    const member = await newMember(app);
    const res = await deposit(member, {});
    const t = res.body.data.transaction;
    await paySandbox(app, t.payment_instructions.payment_url, 'failed');
    const detail = await http.get(`/savings/transactions/${t.id}`, member.token);
    expect(detail.body.data.transaction).toMatchObject({ status: 'failed', processed_by: null });
    expect(await balanceOf(member)).toBe(0);
  });

  it('takes Simpanan Pokok once: a second one, pending or paid, is 400 DUPLICATE_DEPOSIT', async () => {
    const member = await newMember(app);
    const sp = { savings_account_id: member.accounts.SP, transaction_type: 'SP_DEPOSIT', amount: 80_000 };
    const first = await deposit(member, sp);
    expect(first.status).toBe(201);
    const second = await deposit(member, sp);
    expect(second.status).toBe(400);
    expect(second.body.error).toMatchObject({ code: 'DUPLICATE_DEPOSIT', field: 'savings_account_id' });
    await paySandbox(app, first.body.data.transaction.payment_instructions.payment_url);
    expect(await balanceOf(member, 'SP')).toBe(80_000);
    expect((await deposit(member, sp)).body.error.code).toBe('DUPLICATE_DEPOSIT');
  });

  it('takes Simpanan Wajib in whole months of dues', async () => {
    const member = await newMember(app);
    const sw = { savings_account_id: member.accounts.SW, transaction_type: 'SW_DEPOSIT' };
    expect((await deposit(member, { ...sw, amount: 30_000 })).status).toBe(201);
    const odd = await deposit(member, { ...sw, amount: 25_000 });
    expect(odd.status).toBe(422);
    expect(odd.body.error).toMatchObject({ code: 'INVALID_AMOUNT', field: 'amount' });
  });

  it('refuses another product’s type (422 naming transaction_type) and less than the minimum (INVALID_AMOUNT)', async () => {
    const member = await newMember(app);
    const wrong = await deposit(member, { transaction_type: 'SW_DEPOSIT' });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'transaction_type',
      details: { transaction_type: ['must be SS_DEPOSIT for a Simpanan Sukarela account'] },
    });
    const small = await deposit(member, { amount: 5_000 });
    expect(small.status).toBe(422);
    expect(small.body.error).toMatchObject({
      code: 'INVALID_AMOUNT',
      field: 'amount',
      details: { amount: ['Amount must be at least 10000'] },
    });
    const unknown = await deposit(member, { transaction_type: 'XX_DEPOSIT' });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.field).toBe('transaction_type');
  });

  it('does not deposit into another member’s account (404 ACCOUNT_NOT_FOUND)', async () => {
    const [member, other] = [await newMember(app), await newMember(app)];
    const res = await deposit(member, { savings_account_id: other.accounts.SS });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('ACCOUNT_NOT_FOUND');
  });
});
