import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.ts';
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

/** This month and the one before, where the cooperative is (Jakarta, UTC+7). */
function jakartaMonths(now = new Date()) {
  const local = new Date(now.getTime() + 7 * 3_600_000);
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth();
  const label = (year: number, month: number) => {
    const d = new Date(Date.UTC(year, month, 1));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  };
  return {
    current: label(y, m),
    previous: label(y, m - 1),
    /** `day` of the previous month at `hour` o'clock Jakarta time */
    previousDay: (day: number, hour: number) => new Date(Date.UTC(y, m - 1, day, hour - 7)),
    previousDays: new Date(Date.UTC(y, m, 0)).getUTCDate(),
    previousYearDays: ((year) => ((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 366 : 365))(
      new Date(Date.UTC(y, m - 1, 1)).getUTCFullYear(),
    ),
    currentStart: new Date(Date.UTC(y, m, 1, -7)),
  };
}

const summaryOf = async (member: TestMember, period?: string) => {
  const res = await http.get(`/savings/summary${period ? `?period=${period}` : ''}`, member.token);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.data;
};

describe('GET /savings/summary', () => {
  it('sums this month: balances, deposits, withdrawals, the goal and each account’s share', async () => {
    const member = await newMember(app);
    await fund(app, member, 80_000, 'SP');
    await fund(app, member, 120_000, 'SW');
    await fund(app, member, 500_000, 'SS');
    const res = await http.post(
      '/savings/withdrawals',
      {
        savings_account_id: member.accounts.SS,
        amount: 100_000,
        bank_account: { bank_name: 'Bank BCA', account_number: '1234567890', account_name: 'Budi' },
      },
      member.token,
    );
    expect(res.status).toBe(201);
    const data = await summaryOf(member);
    expect(data.summary).toEqual({
      total_balance: 600_000,
      mandatory_savings: 200_000,
      voluntary_savings: 400_000,
      monthly_deposit: 700_000,
      total_deposits: 700_000,
      total_withdrawals: 100_000,
      net_savings: 600_000,
      interest_earned: 0,
      shu_projection: 0,
      growth_rate: 0,
      savings_goal: { target_amount: 1_000_000, current_progress: 60, months_to_target: 1 },
    });
    expect(data.monthly_breakdown).toEqual([
      {
        month: jakartaMonths().current,
        deposits: 700_000,
        withdrawals: 100_000,
        interest: 0,
        ending_balance: 600_000,
      },
    ]);
    expect(data.account_breakdown).toEqual([
      { savings_type: 'Simpanan Pokok', balance: 80_000, percentage: 13.3 },
      { savings_type: 'Simpanan Wajib', balance: 120_000, percentage: 20 },
      { savings_type: 'Simpanan Sukarela', balance: 400_000, percentage: 66.7 },
    ]);
  });

  it('grows from last month’s balance, and lists a year month by month with each ending balance', async () => {
    const member = await newMember(app);
    const months = jakartaMonths();
    await fund(app, member, 500_000, 'SS', months.previousDay(3, 10));
    await fund(app, member, 100_000, 'SS');
    const month = await summaryOf(member, 'month');
    expect(month.summary).toMatchObject({ total_balance: 600_000, total_deposits: 100_000, growth_rate: 20 });
    const year = await summaryOf(member, 'year');
    expect(year.monthly_breakdown).toHaveLength(12);
    expect(year.monthly_breakdown.slice(0, 3)).toEqual([
      { month: months.current, deposits: 100_000, withdrawals: 0, interest: 0, ending_balance: 600_000 },
      { month: months.previous, deposits: 500_000, withdrawals: 0, interest: 0, ending_balance: 500_000 },
      expect.objectContaining({ deposits: 0, ending_balance: 0 }),
    ]);
    expect(year.summary).toMatchObject({ total_deposits: 600_000, monthly_deposit: 50_000, growth_rate: 0 });
    const all = await summaryOf(member, 'all');
    expect(all.monthly_breakdown.map((m: { month: string }) => m.month)).toEqual([
      months.current,
      months.previous,
    ]);
    expect((await http.get('/savings/summary?period=decade', member.token)).status).toBe(422);
  });

  it('projects the member’s SHU on savings from the cooperative’s estimate', async () => {
    const member = await newMember(app);
    await fund(app, member, 1_000_000, 'SS');
    const scope = await sinomanScope(app);
    await app.services.tenants.updateSetting(scope.tenant.id, 'savings', {
      shuPoolEstimate: 50_000_000,
      shuSavingsShareBp: 2000,
      savingsGoal: 2_000_000,
    });
    try {
      const [row] = await scope.em.execute<{ total: string }[]>(
        `select sum(-running_balance)::text as total from ledger_account
         where tenant_id = ? and code ~ '^savings:[0-9]+$'`,
        [scope.tenant.id],
      );
      const all = Number(row!.total);
      const data = await summaryOf(member);
      expect(data.summary.shu_projection).toBe(Math.floor((1_000_000 * 50_000_000 * 2000) / (all * 10_000)));
      expect(data.summary.savings_goal).toEqual({
        target_amount: 2_000_000,
        current_progress: 50,
        months_to_target: 1,
      });
    } finally {
      await app.services.tenants.updateSetting(scope.tenant.id, 'savings', undefined);
    }
  });
});

describe('the monthly interest job', () => {
  it('credits last month’s interest on daily balances once, however often it runs', async () => {
    const months = jakartaMonths();
    const member = await newMember(app);
    const scope = await sinomanScope(app);
    // the member joined before last month; 1,000,000 from the 1st, 300,000 withdrawn on the 11th
    await scope.em.execute(
      'update savings_account set opened_at = ? where tenant_id = ? and owner_account_id = ?',
      [months.previousDay(1, 0), scope.tenant.id, member.accountId],
    );
    await fund(app, member, 1_000_000, 'SS', months.previousDay(1, 1));
    const withdrawal = await app.services.savingsWithdrawals.request(
      { ...scope, now: months.previousDay(11, 10) },
      member.accountId,
      {
        savingsAccountId: member.accounts.SS,
        amount: 300_000,
        description: null,
        bankAccount: { bank_name: 'Bank BCA', account_number: '1234567890', account_name: 'Budi' },
      },
    );
    expect(withdrawal.balanceAfter).toBe(700_000);
    const expected = Math.floor(
      ((10 * 1_000_000 + (months.previousDays - 10) * 700_000) * 600) / (10_000 * months.previousYearDays),
    );

    const runs = await Promise.all([
      app.services.jobs.runNow('savings-monthly-interest', { tenantId: scope.tenant.id }),
      app.services.jobs.runNow('savings-monthly-interest', { tenantId: scope.tenant.id }),
    ]);
    expect(runs.map((r) => r.status).sort()).toEqual(['skipped', 'succeeded']);
    const again = await app.services.jobs.runNow('savings-monthly-interest', { tenantId: scope.tenant.id });
    expect(again.status).toBe('succeeded');

    expect(await ledgerBalance(app, `savings:${member.rows.SS}`)).toBe(700_000 + expected);
    const account = await http.get(`/savings/accounts/${member.accounts.SS}`, member.token);
    expect(account.body.data.account).toMatchObject({
      balance: 700_000 + expected,
      total_interest_earned: expected,
      last_interest_calculated_at: months.currentStart.toISOString(),
    });
    const interest = await http.get('/savings/transactions?type=interest', member.token);
    expect(interest.body.data.transactions).toEqual([
      expect.objectContaining({
        amount: expected,
        status: 'completed',
        transaction_type: { name: 'Bunga Simpanan Sukarela', code: 'SS_INTEREST', category: 'interest' },
        balance_before: 700_000,
        balance_after: 700_000 + expected,
      }),
    ]);
    // the credit's key makes a replay of the month credit nothing, even past the account's mark
    await scope.em.execute('update savings_account set last_interest_calculated_at = null where id = ?', [
      member.rows.SS,
    ]);
    await app.services.savingsInterest.creditMonth(scope, months.previous);
    expect(await ledgerBalance(app, `savings:${member.rows.SS}`)).toBe(700_000 + expected);
  });
});
