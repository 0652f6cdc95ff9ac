import { DomainError } from '@komisi/domain';
import { boundRow, sql } from '../../kernel/bound-sql.ts';
import { type Scope, toSafeInteger } from '../../kernel/scope.ts';
import type { AccountRef, Posting } from '../ledger/ledger.service.ts';

/**
 * The ledger account holding a savings account's balance: what the cooperative owes the member.
 * Its running balance is kept on the row, so a balance is one read and a withdrawal can lock it.
 */
export const savingsLedger = (account: { id: number; owner: number }): AccountRef => ({
  code: `savings:${account.id}`,
  kind: 'liability',
  ownerAccountId: account.owner,
  runningBalance: true,
});

/**
 * Locks a savings account's row until the transaction ends: every movement of its balance (deposit,
 * withdrawal hold, interest, bonus) takes this lock first, so each reads the balance the previous one
 * left (balance before and after are exact, and no two withdrawals spend the same money). The row
 * exists from the account's opening, unlike its ledger account, created by the first posting.
 */
export async function lockSavingsAccount(tx: Scope, savingsAccountId: number): Promise<void> {
  await tx.em.execute('select id from savings_account where tenant_id = ? and id = ? for update', [
    tx.tenant.id,
    savingsAccountId,
  ]);
}

/**
 * Where a requested withdrawal's amount waits until the cooperative pays it out (or refuses it and
 * it goes back): out of the balance at once, so no two requests spend the same money.
 */
export const withdrawalHoldLedger = (account: { id: number; owner: number }): AccountRef => ({
  code: `savings:${account.id}:withdrawal-hold`,
  kind: 'liability',
  ownerAccountId: account.owner,
  runningBalance: true,
});

/** The cooperative's own accounts that savings money moves through. */
export const SavingsCompanyAccounts = {
  /** a deposit transfer's unique code (the few rupiah on top of the amount): the cooperative's other income */
  uniqueCodeIncome: { code: 'company:unique-code-income', kind: 'revenue' } as AccountRef,
  /** interest the cooperative pays on savings */
  interestExpense: { code: 'company:interest-expense', kind: 'expense' } as AccountRef,
  /** cash taken at the counter (deposits recorded without a gateway) */
  cash: { code: 'company:cash', kind: 'asset' } as AccountRef,
} as const;

/** A balanced entry that moves one savings account's balance: the savings line and its counterparts. */
export interface SavingsEntry {
  /** the ledger's idempotency key: posted once */
  key: string;
  description: string;
  account: { id: number; owner: number };
  /** what the member's balance gains (negative: loses) */
  gain: number;
  /** the other lines (debit positive, credit negative), on accounts without a running balance */
  counterparts: Posting[];
}

/**
 * Posts a savings entry in one statement, as `LedgerService.post` would in five (same entry, ledger
 * accounts, postings and running balance), and answers the balance it leaves; null when its key
 * was posted before. The caller holds the savings account's lock (`lockSavingsAccount`), so that
 * balance is exactly this entry's doing. The savings ledger account's running balance moves in an
 * upsert that creates it on the first posting and otherwise returns what it leaves.
 *
 * A counterpart account a concurrent first posting created is not in this statement's snapshot:
 * then nothing is posted (the entry's insert waits for every account) and the statement runs once
 * more, when it is visible.
 */
export async function postSavingsEntry(
  tx: Scope,
  entry: SavingsEntry,
): Promise<{ entryId: number; balance: number } | null> {
  const lines = entry.counterparts.filter((p) => p.amount !== 0);
  const total = lines.reduce((s, p) => s + toSafeInteger(p.amount), 0) - toSafeInteger(entry.gain);
  if (total !== 0) throw new DomainError('INTERNAL_ERROR', `unbalanced ledger entry ${entry.key}: ${total}`);
  if (lines.some((p) => p.account.runningBalance)) {
    throw new DomainError('INTERNAL_ERROR', `${entry.key}: only the savings line keeps a running balance`);
  }
  const codes = lines.map((p) => p.account.code);
  const savings = savingsLedger(entry.account);
  const statement = sql`
    with line as (
      select * from unnest(${codes}::text[], ${lines.map((p) => p.account.kind)}::text[],
                           ${lines.map((p) => p.amount)}::bigint[]) as l(code, kind, amount)
    ), created as (
      insert into ledger_account (tenant_id, code, kind, currency, owner_account_id, running_balance, created_at)
      select ${tx.tenant.id}::int, code, kind, ${tx.tenant.currency}::text, null::int, null::bigint, ${tx.now}::timestamptz
        from line
      on conflict (tenant_id, code) do nothing returning id, code
    ), found as (
      select id, code from created
      union all
      select id, code from ledger_account where tenant_id = ${tx.tenant.id} and code = any(${codes}::text[])
    ), resolved as (
      select (select f.id from found f where f.code = line.code limit 1) as account_id, line.amount from line
    ), ready as (
      select coalesce(bool_and(account_id is not null), true) as ok from resolved
    ), entry as (
      insert into ledger_entry (tenant_id, idempotency_key, description, created_at)
      select ${tx.tenant.id}, ${entry.key}, ${entry.description}, ${tx.now} from ready where ok
      on conflict (tenant_id, idempotency_key) do nothing returning id
    ), savings as (
      insert into ledger_account as a (tenant_id, code, kind, currency, owner_account_id, running_balance, created_at)
      select ${tx.tenant.id}, ${savings.code}, ${savings.kind}, ${tx.tenant.currency}, ${entry.account.owner},
             ${-entry.gain}::bigint, ${tx.now} from entry
      on conflict (tenant_id, code) do update set running_balance = a.running_balance + excluded.running_balance
      returning id, running_balance
    ), posted as (
      insert into ledger_posting (tenant_id, entry_id, ledger_account_id, amount)
      select ${tx.tenant.id}::int, entry.id, resolved.account_id, resolved.amount from entry, resolved
      union all
      select ${tx.tenant.id}::int, entry.id, savings.id, ${-entry.gain}::bigint from entry, savings
       where ${entry.gain}::bigint <> 0
    )
    select (select ok from ready) as ready, (select id from entry) as entry_id,
           (select running_balance from savings) as running_balance`;
  for (let attempt = 1; ; attempt++) {
    const row = await boundRow<{ ready: boolean; entry_id: number | null; running_balance: string | null }>(
      tx.em,
      statement,
    );
    if (!row?.ready) {
      if (attempt < 2) continue;
      throw new DomainError('INTERNAL_ERROR', `${entry.key}: a ledger account could not be resolved`);
    }
    if (row.entry_id === null) return null;
    return { entryId: row.entry_id, balance: 0 - toSafeInteger(row.running_balance) };
  }
}
