import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TenantRecord } from '../../kernel/tenant-record.ts';
import {
  driftedSavingsRollups,
  type KoperasiFixture,
  koperasiFixture,
  type SavingsData,
  savingsData,
  type TestMember,
} from '../../testing/index.ts';

// 22:00 on 29 September 2024 in Jakarta (UTC+7)
const NOW = new Date('2024-09-29T15:00:00Z');
const at = (iso: string) => new Date(iso);

let f: KoperasiFixture;
let tenant: TenantRecord;
let data: SavingsData;
let ani: TestMember;
let budi: TestMember;

beforeAll(async () => {
  f = await koperasiFixture();
  tenant = await f.tenant();
  const scope = f.scope(tenant, NOW);
  data = savingsData(f.services, scope);
  ani = await data.member('Ani', { joinedAt: at('2024-07-10T03:00:00Z') });
  // 00:30 on 2 September in Jakarta, still 1 September in UTC
  budi = await data.member('Budi', { joinedAt: at('2024-09-01T17:30:00Z') });
  const citra = await data.member('Citra', { joinedAt: at('2024-08-31T18:00:00Z'), status: 'pending' });

  const deposit = (
    product: 'SP' | 'SW' | 'SS',
    amount: number,
    status: 'completed' | 'pending' | 'failed',
    createdAt: string,
  ) => ({
    product,
    typeCode: `${product}_DEPOSIT`,
    category: 'deposit' as const,
    amount,
    status,
    createdAt: at(createdAt),
  });
  await data.transaction(ani, deposit('SP', 80_000, 'completed', '2024-07-10T03:05:00Z'));
  await data.transaction(ani, deposit('SS', 500_000, 'completed', '2024-09-29T14:00:00Z'));
  // 01:00 on the 29th in Jakarta: today there, yesterday in UTC
  await data.transaction(budi, deposit('SS', 1_000_000, 'completed', '2024-09-28T18:00:00Z'));
  // 23:30 on the 28th in Jakarta: yesterday there
  await data.transaction(budi, deposit('SW', 10_000, 'completed', '2024-09-28T16:30:00Z'));
  await data.transaction(budi, {
    product: 'SS',
    typeCode: 'SS_WITHDRAWAL',
    category: 'withdrawal',
    amount: 200_000,
    status: 'completed',
    createdAt: at('2024-09-29T10:00:00Z'),
  });
  await data.transaction(budi, deposit('SS', 300_000, 'pending', '2024-09-29T11:00:00Z'));
  await data.transaction(citra, deposit('SW', 10_000, 'failed', '2024-08-15T03:00:00Z'));
  // made pending in August, paid later: it counts on its own day, as completed
  const late = deposit('SS', 250_000, 'pending', '2024-08-20T03:00:00Z');
  await data.settle(ani, late, await data.transaction(ani, late), 'completed');
  const dropped = deposit('SS', 90_000, 'pending', '2024-09-10T03:00:00Z');
  await data.settle(budi, dropped, await data.transaction(budi, dropped), 'cancelled');
  await f.services.savingsCredits.credit(scope, {
    ownerAccountId: ani.accountId,
    productCode: 'SS',
    typeCode: 'SS_INTEREST',
    category: 'interest',
    amount: 5_000,
    description: 'Bunga September',
    idempotencyKey: 'interest:2024-09:ani',
    from: { code: 'company:interest-expense', kind: 'expense' },
  });

  // another cooperative's money never shows
  const other = await f.tenant();
  const otherData = savingsData(f.services, f.scope(other, NOW));
  const stranger = await otherData.member('Stranger');
  await otherData.transaction(stranger, deposit('SS', 9_999_000, 'completed', '2024-09-29T09:00:00Z'));
});

afterAll(async () => {
  await f?.close();
});

describe('the financial dashboard', () => {
  it('sums the savings held once, by product, and ranks the savers', async () => {
    const d = await f.services.financialDashboard.dashboard(f.scope(tenant, NOW), 'month');
    // Ani: 80,000 SP + 500,000 + 250,000 + 5,000 SS; Budi: 10,000 SW + 1,000,000 − 200,000 SS
    expect(d.breakdown).toEqual({ SP: 80_000, SW: 10_000, SS: 1_555_000, total: 1_645_000 });
    expect(d.overview.totalSavings).toBe(d.breakdown.total);
    expect(d.topSavers).toEqual([
      { memberNumber: ani.memberNumber, fullName: 'Ani', totalSavings: 835_000 },
      { memberNumber: budi.memberNumber, fullName: 'Budi', totalSavings: 810_000 },
    ]);
  });

  it('counts today’s completed flows by the tenant’s local day, and the open transactions', async () => {
    const { overview } = await f.services.financialDashboard.dashboard(f.scope(tenant, NOW), 'today');
    expect(overview).toEqual({
      totalSavings: 1_645_000,
      depositsToday: 1_500_000,
      withdrawalsToday: 200_000,
      netFlowToday: 1_300_000,
      activeMembers: 2,
      pendingTransactions: 1,
    });
  });

  it('lists every month of the period, newest first, with the members who joined', async () => {
    const d = await f.services.financialDashboard.dashboard(f.scope(tenant, NOW), 'quarter');
    expect(d.months).toEqual([
      { month: '2024-09', deposits: 1_510_000, withdrawals: 200_000, netSavings: 1_310_000, newMembers: 2 },
      { month: '2024-08', deposits: 250_000, withdrawals: 0, netSavings: 250_000, newMembers: 0 },
      { month: '2024-07', deposits: 80_000, withdrawals: 0, netSavings: 80_000, newMembers: 1 },
    ]);
    const week = await f.services.financialDashboard.dashboard(f.scope(tenant, NOW), 'week');
    expect(week.months).toEqual([
      { month: '2024-09', deposits: 1_510_000, withdrawals: 200_000, netSavings: 1_310_000, newMembers: 0 },
    ]);
  });

  it('follows status changes: a member made active, a payment failing', async () => {
    const scope = f.scope(tenant, NOW);
    await scope.em.execute(
      `update cooperative_member set membership_status = 'active' where tenant_id = ? and membership_status = 'pending'`,
      [tenant.id],
    );
    const pending = await scope.em.execute<{ id: number }[]>(
      `update savings_transaction set status = 'failed' where tenant_id = ? and status = 'pending' returning id`,
      [tenant.id],
    );
    expect(pending).toHaveLength(1);
    const { overview } = await f.services.financialDashboard.dashboard(scope, 'today');
    expect(overview.activeMembers).toBe(3);
    expect(overview.pendingTransactions).toBe(0);
    expect(await driftedSavingsRollups(f.orm)).toEqual([]);
  });

  it('answers zeros for a cooperative with nothing yet', async () => {
    const empty = await f.tenant();
    const d = await f.services.financialDashboard.dashboard(f.scope(empty, NOW), 'year');
    expect(d.breakdown).toEqual({ SP: 0, SW: 0, SS: 0, total: 0 });
    expect(d.months).toHaveLength(9);
    expect(d.months.every((m) => m.deposits === 0 && m.newMembers === 0)).toBe(true);
    expect(d.topSavers).toEqual([]);
  });
});

describe('the rollup triggers', () => {
  it('keep every rollup equal to its sources through inserts, updates, deletes and bulk statements', async () => {
    const scope = f.scope(tenant, NOW);
    // a bulk insert of many rows in one statement, then a bulk update moving half of them
    await scope.em.execute(
      `insert into savings_transaction (tenant_id, public_id, transaction_number, savings_account_id, owner_account_id,
         type_code, category, amount, balance_before, balance_after, status, created_at, updated_at)
       select ?, gen_random_uuid(), 'BULK-' || g, ?, ?, 'SS_DEPOSIT', 'deposit', 1000 * g, 0, 0, 'pending',
              timestamptz '2024-09-01T00:00:00Z' + g * interval '37 minutes', now()
         from generate_series(1, 500) g`,
      [tenant.id, ani.accounts.SS.id, ani.accountId],
    );
    await scope.em.execute(
      `update savings_transaction set status = 'failed', amount = amount + 1
        where tenant_id = ? and transaction_number like 'BULK-%' and id % 2 = 0`,
      [tenant.id],
    );
    await scope.em.execute(
      `delete from savings_transaction where tenant_id = ? and transaction_number like 'BULK-%' and id % 3 = 0`,
      [tenant.id],
    );
    // an update that touches no counted column changes nothing
    await scope.em.execute(`update savings_transaction set notes = 'checked' where tenant_id = ?`, [
      tenant.id,
    ]);
    expect(await driftedSavingsRollups(f.orm)).toEqual([]);
    // the check does see a rollup that is off
    const nudge = (by: number) =>
      scope.em.execute(
        'update member_savings_balance set balance = balance + ? where tenant_id = ? and owner_account_id = ?',
        [by, tenant.id, ani.accountId],
      );
    await nudge(1);
    expect(await driftedSavingsRollups(f.orm)).toEqual([
      { rollup: 'member', key: `${tenant.id} ${ani.accountId}`, actual: '835000', kept: '835001' },
    ]);
    await nudge(-1);
  });

  it('lose no update when writers post to the same rollup rows at once', async () => {
    const scope = f.scope(tenant, NOW);
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        data.transaction(i % 2 ? ani : budi, {
          product: 'SS',
          typeCode: 'SS_DEPOSIT',
          category: 'deposit',
          amount: 1_000 + i,
          status: 'completed',
          createdAt: NOW,
        }),
      ),
    );
    expect(await driftedSavingsRollups(f.orm)).toEqual([]);
    const d = await f.services.financialDashboard.dashboard(scope, 'today');
    expect(d.overview.depositsToday).toBe(1_500_000 + 12 * 1_000 + 66);
  });
});
