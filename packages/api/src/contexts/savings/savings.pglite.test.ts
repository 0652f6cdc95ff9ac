import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSinomanSavingsHistory } from '../../composition/db/seed/sinoman/savings-history.ts';
import { type SinomanWorld, startSinomanWorld } from '../../testing/savings/sinoman-world.ts';

// The savings SQL on the embedded database (what `pnpm start` runs): local months and days through
// PostgreSQL's time zones, daily balances, the summary's monthly groups, the demo history.
let world: SinomanWorld;

beforeAll(async () => {
  world = await startSinomanWorld({ pglite: true });
});

afterAll(async () => {
  await world?.close();
});

describe('savings on PGlite', () => {
  it('seeds a year of history with interest, and reads it back as statements and a summary', async () => {
    const members = [await world.member('Ani'), await world.member('Budi')];
    await seedSinomanSavingsHistory(world.services, world.scope(), members);

    const scope = world.scope();
    const accounts = await world.services.savingsAccounts.accountsOf(scope, members[0]!);
    const ss = accounts.find((a) => a.product.code === 'SS')!;
    expect(ss.balance).toBeGreaterThan(0);
    expect(await world.services.savingsHistory.interestEarned(scope, ss.account.id)).toBeGreaterThan(0);

    const { items, window } = await world.services.savingsHistory.list(scope, members[0]!, {
      category: 'interest',
      from: new Date(Date.now() - 400 * 86_400_000),
      page: 1,
      limit: 5,
    });
    expect(window.total).toBeGreaterThanOrEqual(9);
    expect(items).toHaveLength(5);

    const year = await world.services.savingsSummary.summary(scope, members[0]!, 'year');
    expect(year.monthly_breakdown).toHaveLength(12);
    expect(year.summary.total_balance).toBe(accounts.reduce((sum, a) => sum + a.balance, 0));
    expect(year.monthly_breakdown[0]!.ending_balance).toBe(year.summary.total_balance);
    expect(await world.services.savingsInterest.creditDue(scope)).toBe(0);
  });
});
