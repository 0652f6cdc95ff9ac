import { describe, expect, it } from 'vitest';
import { boundRows, sql } from '../../kernel/bound-sql.ts';
import { inTransaction } from '../../kernel/scope.ts';
import { useProgrammeWorld } from '../../testing/referral-affiliates/programme-world-hooks.ts';
import { type AccountRef, LedgerService } from './ledger.service.ts';

const world = useProgrammeWorld({ on: 'postgres', checkLedger: true });
const ledger = new LedgerService();

let n = 0;
const fresh = (kind: AccountRef['kind'] = 'liability', runningBalance?: true): AccountRef => ({
  code: `test:${Date.now()}:${++n}`,
  kind,
  ...(runningBalance && { runningBalance }),
});
const postingsOf = (entryId: number) =>
  boundRows<{ code: string; amount: string }>(
    world.scope().em,
    sql`select a.code, p.amount::text from ledger_posting p join ledger_account a on a.id = p.ledger_account_id
        where p.entry_id = ${entryId} order by p.id`,
  );

describe('LedgerService.post', () => {
  it('posts an entry with its postings once per key, to accounts it creates on their first posting', async () => {
    const [cash, owed] = [fresh('asset'), fresh()];
    const key = `test:${++n}`;
    const post = () =>
      inTransaction(world.scope(), (tx) =>
        ledger.post(tx, key, 'test', [
          { account: cash, amount: 700 },
          { account: owed, amount: -700 },
        ]),
      );
    const entryId = await post();
    expect(entryId).toEqual(expect.any(Number));
    expect(await postingsOf(entryId!)).toEqual([
      { code: cash.code, amount: '700' },
      { code: owed.code, amount: '-700' },
    ]);
    expect(await post()).toBeNull();
    expect(await postingsOf(entryId!)).toHaveLength(2);
  });

  it('refuses an unbalanced entry', async () => {
    await expect(
      ledger.post(world.scope(), `test:${++n}`, 'test', [{ account: fresh(), amount: 1 }]),
    ).rejects.toThrow(/unbalanced/);
  });

  it('posts every line when concurrent entries create the same new accounts at once', async () => {
    const shared = [fresh('expense'), fresh(), fresh()];
    const keys = Array.from({ length: 12 }, () => `test:${++n}`);
    const ids = await Promise.all(
      keys.map((key) =>
        inTransaction(world.scope(), (tx) =>
          ledger.post(tx, key, 'test', [
            { account: shared[0]!, amount: 30 },
            { account: shared[1]!, amount: -10 },
            { account: shared[2]!, amount: -20 },
          ]),
        ),
      ),
    );
    for (const id of ids) expect(await postingsOf(id!)).toHaveLength(3);
    const accounts = await boundRows<{ count: number }>(
      world.scope().em,
      sql`select count(*)::int as count from ledger_account where code = any(${shared.map((a) => a.code)}::text[])`,
    );
    expect(accounts[0]!.count).toBe(3);
  });

  it('keeps running balances, existing accounts or new', async () => {
    const held = fresh('liability', true);
    const cash = fresh('asset');
    for (let i = 0; i < 2; i++) {
      await ledger.post(world.scope(), `test:${++n}`, 'test', [
        { account: cash, amount: 50 },
        { account: held, amount: -50 },
      ]);
    }
    expect(await ledger.balance(world.scope(), held)).toBe(100);
  });
});

describe('LedgerService.postGuarded', () => {
  it("posts only when the guard returns a row, with the companion statement's rows", async () => {
    const [cash, owed] = [fresh('asset'), fresh()];
    const lines = [
      { account: cash, amount: 5 },
      { account: owed, amount: -5 },
    ];
    const key = `test:${++n}`;
    const refused = await ledger.postGuarded(world.scope(), key, 'test', lines, {
      guard: sql`select 1 where false`,
    });
    expect(refused).toEqual({ guarded: false, entryId: null, companion: [] });
    const guard = sql`select 1`;
    const companion = sql`select 7 as seven from guard`;
    const posted = await ledger.postGuarded(world.scope(), key, 'test', lines, { guard, companion });
    expect(posted).toEqual({ guarded: true, entryId: expect.any(Number), companion: [{ seven: 7 }] });
    expect(await postingsOf(posted.entryId!)).toHaveLength(2);
    const replay = await ledger.postGuarded(world.scope(), key, 'test', lines, { guard });
    expect(replay).toEqual({ guarded: true, entryId: null, companion: [] });
  });
});
