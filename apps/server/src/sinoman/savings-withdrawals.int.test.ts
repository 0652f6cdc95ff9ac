import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.ts';
import {
  api,
  fund,
  ledgerBalance,
  newMember,
  sinomanAdminToken,
  type TestMember,
} from './savings-fixtures.ts';

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

const BANK = { bank_name: 'Bank BCA', account_number: '1234567890', account_name: 'John Doe' };

const withdraw = (member: TestMember, amount: number, extra: Record<string, unknown> = {}) =>
  http.post(
    '/savings/withdrawals',
    {
      savings_account_id: member.accounts.SS,
      amount,
      description: 'Penarikan untuk keperluan darurat',
      bank_account: BANK,
      ...extra,
    },
    member.token,
  );

const balances = async (member: TestMember) => ({
  balance: await ledgerBalance(app, `savings:${member.rows.SS}`),
  held: await ledgerBalance(app, `savings:${member.rows.SS}:withdrawal-hold`),
});

describe('POST /savings/withdrawals', () => {
  it('holds the amount out of the balance at once and answers as §4.2.2 shows', async () => {
    const member = await newMember(app);
    await fund(app, member, 600_000);
    const res = await withdraw(member, 50_000);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ success: true, message: 'Withdrawal request created successfully' });
    const t = res.body.data.transaction;
    expect(t).toMatchObject({
      transaction_number: expect.stringMatching(/^TXN-\d{4}-\d{6}$/),
      savings_account_id: member.accounts.SS,
      amount: 50_000,
      description: 'Penarikan untuk keperluan darurat',
      balance_before: 600_000,
      balance_after: 550_000,
      status: 'pending',
      processing_time: '24 hours',
      withdrawal_info: BANK,
    });
    expect(Date.parse(t.withdrawal_info.estimated_completion) - Date.parse(t.created_at)).toBe(
      24 * 3_600_000,
    );
    expect(await balances(member)).toEqual({ balance: 550_000, held: 50_000 });
  });

  it('answers more than the balance with §7.4’s INSUFFICIENT_BALANCE, exactly', async () => {
    const member = await newMember(app);
    await fund(app, member, 50_000);
    const res = await withdraw(member, 100_000);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      success: false,
      error: {
        code: 'INSUFFICIENT_BALANCE',
        message: 'Insufficient balance for withdrawal',
        details: 'Current balance: Rp 50,000, Requested: Rp 100,000',
        field: 'amount',
        timestamp: expect.any(String),
        request_id: expect.any(String),
      },
    });
    expect(await balances(member)).toEqual({ balance: 50_000, held: 0 });
  });

  it('never overdraws: of 100 requests at once, only those the balance covers are held', async () => {
    const member = await newMember(app);
    await fund(app, member, 1_000_000);
    const answers = await Promise.all(Array.from({ length: 100 }, () => withdraw(member, 30_000)));
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(33);
    expect(statuses.filter((s) => s === 400)).toHaveLength(67);
    for (const r of answers.filter((a) => a.status === 400))
      expect(r.body.error.code).toBe('INSUFFICIENT_BALANCE');
    expect(await balances(member)).toEqual({ balance: 10_000, held: 990_000 });
    // each hold saw the balance the one before left
    const afters = answers
      .filter((r) => r.status === 201)
      .map((r) => r.body.data.transaction.balance_after)
      .sort((a, b) => b - a);
    expect(afters).toEqual(Array.from({ length: 33 }, (_, i) => 1_000_000 - 30_000 * (i + 1)));
  });

  it('refuses accounts that are not withdrawable, amounts under the minimum and missing bank fields', async () => {
    const member = await newMember(app);
    await fund(app, member, 200_000, 'SW');
    const mandatory = await withdraw(member, 50_000, { savings_account_id: member.accounts.SW });
    expect(mandatory.status).toBe(400);
    expect(mandatory.body.error).toMatchObject({
      code: 'WITHDRAWAL_NOT_ALLOWED',
      field: 'savings_account_id',
    });

    await fund(app, member, 200_000);
    const small = await withdraw(member, 5_000);
    expect(small.status).toBe(422);
    expect(small.body.error).toMatchObject({ code: 'INVALID_AMOUNT', field: 'amount' });
    const zero = await withdraw(member, 0);
    expect(zero.status).toBe(422);
    expect(zero.body.error.field).toBe('amount');
    const noBank = await withdraw(member, 50_000, { bank_account: { bank_name: 'Bank BCA' } });
    expect(noBank.status).toBe(422);
    expect(Object.keys(noBank.body.error.details)).toEqual(
      expect.arrayContaining(['bank_account.account_number', 'bank_account.account_name']),
    );
    expect(await balances(member)).toEqual({ balance: 200_000, held: 0 });
  });

  it('does not withdraw from another member’s account', async () => {
    const [member, other] = [await newMember(app), await newMember(app)];
    await fund(app, other, 100_000);
    const res = await withdraw(member, 50_000, { savings_account_id: other.accounts.SS });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('ACCOUNT_NOT_FOUND');
  });
});

describe('PUT /admin/savings/withdrawals/{transaction_id}', () => {
  it('completes a withdrawal once: the held amount leaves for the payout clearing', async () => {
    const member = await newMember(app);
    await fund(app, member, 300_000);
    const t = (await withdraw(member, 100_000)).body.data.transaction;
    const clearing = await ledgerBalance(app, 'company:clearing:payouts', 'asset');

    const res = await http.put(
      `/admin/savings/withdrawals/${t.id}`,
      { status: 'completed', notes: 'Ditransfer' },
      admin,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.message).toBe('Withdrawal updated successfully');
    expect(res.body.data.transaction).toMatchObject({
      id: t.id,
      status: 'completed',
      notes: 'Ditransfer',
      processed_by: { name: 'Sinoman Admin' },
      bank_account: BANK,
      transaction_type: {
        code: 'SS_WITHDRAWAL',
        name: 'Penarikan Simpanan Sukarela',
        category: 'withdrawal',
      },
    });
    expect(await balances(member)).toEqual({ balance: 200_000, held: 0 });
    expect(await ledgerBalance(app, 'company:clearing:payouts', 'asset')).toBe(clearing - 100_000);

    const again = await http.put(`/admin/savings/withdrawals/${t.id}`, { status: 'rejected' }, admin);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('WITHDRAWAL_ALREADY_PROCESSED');
    expect(await balances(member)).toEqual({ balance: 200_000, held: 0 });
  });

  it('rejects a withdrawal once, even when decided twice at once: the amount returns, status cancelled', async () => {
    const member = await newMember(app);
    await fund(app, member, 300_000);
    const t = (await withdraw(member, 100_000)).body.data.transaction;
    const answers = await Promise.all([
      http.put(
        `/admin/savings/withdrawals/${t.id}`,
        { status: 'rejected', notes: 'Rekening tidak valid' },
        admin,
      ),
      http.put(`/admin/savings/withdrawals/${t.id}`, { status: 'completed' }, admin),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const winner = answers.find((a) => a.status === 200)!.body.data.transaction;
    expect(['cancelled', 'completed']).toContain(winner.status);
    const expected =
      winner.status === 'cancelled' ? { balance: 300_000, held: 0 } : { balance: 200_000, held: 0 };
    expect(await balances(member)).toEqual(expected);

    const plain = (await withdraw(member, 50_000)).body.data.transaction;
    const rejected = await http.put(`/admin/savings/withdrawals/${plain.id}`, { status: 'rejected' }, admin);
    expect(rejected.body.data.transaction).toMatchObject({ status: 'cancelled' });
  });

  it('is for administrators only, and finds only withdrawals', async () => {
    const member = await newMember(app);
    await fund(app, member, 300_000);
    const t = (await withdraw(member, 100_000)).body.data.transaction;
    const byMember = await http.put(
      `/admin/savings/withdrawals/${t.id}`,
      { status: 'completed' },
      member.token,
    );
    expect(byMember.status).toBe(403);
    const deposit = await fund(app, member, 10_000);
    const notWithdrawal = await http.put(
      `/admin/savings/withdrawals/${deposit.publicId}`,
      { status: 'completed' },
      admin,
    );
    expect(notWithdrawal.status).toBe(404);
    const bad = await http.put(`/admin/savings/withdrawals/${t.id}`, { status: 'paid' }, admin);
    expect(bad.status).toBe(422);
    expect(bad.body.error.field).toBe('status');
  });
});
