import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TenantRecord } from '../../kernel/tenant-record.ts';
import {
  driftedSavingsRollups,
  type KoperasiFixture,
  koperasiFixture,
  type SavingsData,
  savingsData,
  type TestMember,
  type TestTransaction,
} from '../../testing/index.ts';

// The rollups on the embedded database: the migration fills them from the rows already there, then
// the statement triggers (plpgsql with transition tables) keep them.

const NOW = new Date('2024-09-29T15:00:00Z');
const deposit = (amount: number, status: TestTransaction['status'], createdAt: string): TestTransaction => ({
  product: 'SS',
  typeCode: 'SS_DEPOSIT',
  category: 'deposit',
  amount,
  status,
  createdAt: new Date(createdAt),
});

let f: KoperasiFixture;
let tenant: TenantRecord;
let data: SavingsData;
let ani: TestMember;

beforeAll(async () => {
  f = await koperasiFixture({ pglite: true, migrateTo: 'Migration20261207084703_koperasi_members_savings' });
  tenant = await f.tenant();
  data = savingsData(f.services, f.scope(tenant, NOW));
  ani = await data.member('Ani', { joinedAt: new Date('2024-09-01T17:30:00Z') });
  await data.transaction(ani, deposit(500_000, 'completed', '2024-09-28T18:00:00Z'));
  await data.transaction(ani, deposit(70_000, 'pending', '2024-09-29T01:00:00Z'));
  await f.orm.migrator.up();
});

afterAll(async () => {
  await f?.close();
});

describe('savings rollups on PGlite', () => {
  it('are filled by the migration from the rows already there', async () => {
    expect(await driftedSavingsRollups(f.orm)).toEqual([]);
    const d = await f.services.financialDashboard.dashboard(f.scope(tenant, NOW), 'month');
    expect(d.overview).toMatchObject({
      totalSavings: 500_000,
      depositsToday: 500_000,
      activeMembers: 1,
      pendingTransactions: 1,
    });
    expect(d.months).toEqual([
      { month: '2024-09', deposits: 500_000, withdrawals: 0, netSavings: 500_000, newMembers: 1 },
    ]);
  });

  it('are kept by the triggers from then on', async () => {
    const budi = await data.member('Budi');
    const late = deposit(250_000, 'pending', '2024-09-29T02:00:00Z');
    await data.settle(budi, late, await data.transaction(budi, late), 'completed');
    await data.transaction(budi, {
      ...deposit(100_000, 'completed', '2024-09-29T03:00:00Z'),
      typeCode: 'SS_WITHDRAWAL',
      category: 'withdrawal',
    });
    await f.services.savingsCredits.credit(f.scope(tenant, NOW), {
      ownerAccountId: ani.accountId,
      productCode: 'SS',
      typeCode: 'SS_INTEREST',
      category: 'interest',
      amount: 2_500,
      description: 'Bunga',
      idempotencyKey: 'interest:pglite',
      from: { code: 'company:interest-expense', kind: 'expense' },
    });
    expect(await driftedSavingsRollups(f.orm)).toEqual([]);
    const d = await f.services.financialDashboard.dashboard(f.scope(tenant, NOW), 'today');
    expect(d.overview).toMatchObject({
      totalSavings: 652_500,
      depositsToday: 750_000,
      withdrawalsToday: 100_000,
      activeMembers: 2,
    });
    expect(d.topSavers.map((s) => s.totalSavings)).toEqual([502_500, 150_000]);
    const report = f.services.transactionReport;
    const filter = { days: { start: '2024-09-29', end: '2024-09-29' } };
    expect(await report.summary(f.scope(tenant, NOW), filter)).toMatchObject({ totalTransactions: 5 });
    expect(await report.page(f.scope(tenant, NOW), filter, 0, 10)).toHaveLength(5);
  });
});
