import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scope } from '../../../../kernel/scope.ts';
import { type SinomanWorld, startSinomanWorld } from '../../../../testing/savings/sinoman-world.ts';
import type { Services } from '../../../services.ts';
import { seedSinomanSavingsHistory } from './savings-history.ts';

let world: SinomanWorld;
let services: Services;
let scope: Scope;
const members: number[] = [];

beforeAll(async () => {
  world = await startSinomanWorld();
  services = world.services;
  scope = world.scope();
  for (const name of ['Ani', 'Budi', 'Citra']) members.push(await world.member(name));
});

afterAll(async () => {
  await world?.close();
});

interface Row {
  savings_account_id: number;
  category: string;
  type_code: string;
  amount: string;
  balance_before: string;
  balance_after: string;
  status: string;
  at: Date;
}

describe('the sinoman savings history seed', () => {
  it('records a year of deposits, withdrawals and interest quickly, each balance following the one before', async () => {
    const started = performance.now();
    await seedSinomanSavingsHistory(services, scope, members);
    expect(performance.now() - started).toBeLessThan(20_000);

    const rows = await scope.em.execute<Row[]>(
      `select savings_account_id, category, type_code, amount, balance_before, balance_after, status,
              coalesce(case when category = 'withdrawal' then created_at end, processed_at) as at
       from savings_transaction where tenant_id = ? order by at, id`,
      [scope.tenant.id],
    );
    expect(rows.length).toBeGreaterThan(60);
    expect(rows.length).toBeLessThan(400);
    expect(rows.every((r) => r.status === 'completed')).toBe(true);
    const categories = new Set(rows.map((r) => r.category));
    expect(categories).toEqual(new Set(['deposit', 'withdrawal', 'interest']));
    expect(rows.filter((r) => r.type_code === 'SP_DEPOSIT')).toHaveLength(3);
    expect(rows.filter((r) => r.type_code === 'SW_DEPOSIT')).toHaveLength(36);

    // per account, every balance before is the balance after of the one before, ending at the ledger's
    const byAccount = Map.groupBy(rows, (r) => r.savings_account_id);
    for (const [accountId, history] of byAccount) {
      let balance = 0;
      for (const r of history) {
        expect(Number(r.balance_before)).toBe(balance);
        balance = Number(r.balance_after);
      }
      const owner = history[0] ? await ownerOf(accountId) : 0;
      const ledger = await services.ledger.balance(scope, {
        code: `savings:${accountId}`,
        kind: 'liability',
      });
      expect(ledger, `account ${accountId} of ${owner}`).toBe(balance);
    }
    // interest was credited every month to each member's Simpanan Sukarela once it held money
    const interest = rows.filter((r) => r.category === 'interest');
    expect(interest.length).toBeGreaterThanOrEqual(members.length * 9);
    const accounts = await services.savingsAccounts.accountsOf(scope, members[0]!);
    const ss = accounts.find((a) => a.product.code === 'SS')!;
    expect(ss.account.lastInterestCalculatedAt).not.toBeNull();

    // the interest job finds nothing left to credit
    expect(await services.savingsInterest.creditDue(scope)).toBe(0);
  });
});

async function ownerOf(savingsAccountId: number): Promise<number> {
  const [row] = await scope.em.execute<{ owner_account_id: number }[]>(
    'select owner_account_id from savings_account where id = ?',
    [savingsAccountId],
  );
  return row!.owner_account_id;
}
