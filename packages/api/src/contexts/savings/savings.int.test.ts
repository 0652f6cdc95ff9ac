import { addMonths, daysInMonth, interestForMonth } from '@komisi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SinomanWorld, startSinomanWorld } from '../../testing/savings/sinoman-world.ts';
import { JobRunner } from '../jobs/job-runner.ts';
import { registerSavingsInterestJob, SAVINGS_INTEREST_JOB } from './savings-interest.job.ts';
import { savingsLedger } from './savings-ledger.ts';
import { localMonth } from './savings-settings.ts';

let world: SinomanWorld;

beforeAll(async () => {
  world = await startSinomanWorld();
});

afterAll(async () => {
  await world?.close();
});

const HOUR = 3_600_000;
/** The first of `month` at `hour` o'clock in Jakarta (UTC+7). */
const jakarta = (month: string, day: number, hour: number) =>
  new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, day, hour - 7));

async function ssAccountOf(owner: number) {
  const accounts = await world.services.savingsAccounts.accountsOf(world.scope(), owner);
  return accounts.find((a) => a.product.code === 'SS')!;
}

async function deposit(owner: number, amount: number, at: Date) {
  await world.services.savingsCredits.credit(world.scope(at), {
    ownerAccountId: owner,
    productCode: 'SS',
    typeCode: 'SS_DEPOSIT',
    category: 'deposit',
    amount,
    description: 'Setoran tunai',
    idempotencyKey: `test-deposit:${owner}:${at.toISOString()}`,
    from: { code: 'company:cash', kind: 'asset' },
  });
}

describe('monthly interest', () => {
  it('catches up every month a missed run left, oldest first, each on its own daily balances', async () => {
    const now = new Date();
    const current = localMonth(now, 'Asia/Jakarta');
    const first = addMonths(current, -3);
    const owner = await world.member('Dewi');
    const ss = await ssAccountOf(owner);
    await world
      .scope()
      .em.execute('update savings_account set opened_at = ? where id = ?', [
        jakarta(first, 1, 0),
        ss.account.id,
      ]);
    await deposit(owner, 2_000_000, jakarta(first, 16, 9));

    expect(await world.services.savingsInterest.creditDue(world.scope(now))).toBeGreaterThanOrEqual(3);
    // each month on its own daily balances: 15 days at nothing then 2,000,000, then 2,000,000 throughout
    // (the interest of months a run missed is credited when the run catches up, today)
    const days = daysInMonth(first);
    const firstInterest = interestForMonth(
      first,
      [...Array(15).fill(0), ...Array(days - 15).fill(2_000_000)],
      600,
    );
    const later = [addMonths(first, 1), addMonths(first, 2)].map((m) =>
      interestForMonth(m, Array(daysInMonth(m)).fill(2_000_000), 600),
    );
    const balance = 2_000_000 + firstInterest + later[0]! + later[1]!;
    expect(firstInterest).toBeGreaterThan(0);
    expect(await world.services.ledger.balance(world.scope(), savingsLedger(ss.account))).toBe(balance);

    const after = await ssAccountOf(owner);
    expect(after.account.lastInterestCalculatedAt?.toISOString()).toBe(jakarta(current, 1, 0).toISOString());
    expect(await world.services.savingsInterest.creditDue(world.scope(now))).toBe(0);
  });

  it('runs as a leased job only for tenants with accounts due', async () => {
    const now = new Date();
    const jobs = new JobRunner(world.services.orm, { clock: () => now });
    registerSavingsInterestJob(jobs, world.services.savingsInterest);
    const owner = await world.member('Eko');
    const ss = await ssAccountOf(owner);
    const previous = addMonths(localMonth(now, 'Asia/Jakarta'), -1);
    await world
      .scope()
      .em.execute('update savings_account set opened_at = ? where id = ?', [
        jakarta(previous, 1, 0),
        ss.account.id,
      ]);
    await deposit(owner, 1_000_000, jakarta(previous, 1, 1));
    const first = await jobs.runNow(SAVINGS_INTEREST_JOB);
    expect(first.runs.map((r) => r.tenantId)).toEqual([world.scope().tenant.id]);
    expect(first.processed).toBeGreaterThanOrEqual(1);
    const expected = interestForMonth(previous, Array(daysInMonth(previous)).fill(1_000_000), 600);
    expect(await world.services.ledger.balance(world.scope(), savingsLedger(ss.account))).toBe(
      1_000_000 + expected,
    );
    // nothing is due any more: the run finds no tenant
    const second = await jobs.runNow(SAVINGS_INTEREST_JOB);
    expect(second.runs.map((r) => r.tenantId)).toEqual([null]);
  });
});

describe('unique codes', () => {
  it('count only deposits still payable: one past its deadline frees its total', async () => {
    const [a, b, c] = [await world.member('Fajar'), await world.member('Gita'), await world.member('Hadi')];
    const request = async (owner: number, now: Date) => {
      const ss = await ssAccountOf(owner);
      return world.services.savingsDeposits.create(world.scope(now), owner, {
        savingsAccountId: ss.account.publicId,
        transactionType: 'SS_DEPOSIT',
        amount: 333_000,
        description: null,
        paymentMethod: 'bank_transfer',
      });
    };
    const now = new Date();
    const stale = await request(a, new Date(now.getTime() - 25 * HOUR));
    const fresh = await request(b, now);
    const next = await request(c, now);
    expect(stale.instructions.uniqueCode).toBe(1);
    expect(fresh.instructions.uniqueCode).toBe(1);
    expect(next.instructions.uniqueCode).toBe(2);
    expect(next.instructions.totalAmount).toBe(333_002);
  });
});
