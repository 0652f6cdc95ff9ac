import { DomainError } from '@komisi/domain';
import type { RawBuilder } from 'kysely';
import { boundRow, boundRows, boundRun, sql } from '../../kernel/bound-sql.ts';
import { type Scope, toSafeInteger } from '../../kernel/scope.ts';
import type { LedgerAccountKind } from './ledger.entity.ts';

export interface AccountRef {
  code: string;
  kind: LedgerAccountKind;
  ownerAccountId?: number | null;
  /**
   * Keep a running balance on the account row (read in one row instead of summing every posting).
   * Each posting then updates that row, so posts to the account queue behind each other: only for
   * one holder's accounts that dashboards read, never for company accounts every order posts to.
   */
  runningBalance?: true;
}

export interface Posting {
  account: AccountRef;
  /** debit positive, credit negative */
  amount: number;
}

/** Well-known ledger accounts. Member wallets are liabilities: what the company owes them. */
export const LedgerAccounts = {
  memberCommissions: (accountId: number): AccountRef => ({
    code: `member:${accountId}:commissions`,
    kind: 'liability',
    ownerAccountId: accountId,
  }),
  /** what the company owes a voucher-code affiliate */
  affiliateCommissions: (accountId: number): AccountRef => ({
    code: `affiliate:${accountId}:commissions`,
    kind: 'liability',
    ownerAccountId: accountId,
  }),
  /** referral-link affiliate (qutab): commission earned, still in its holding period */
  affiliateOnHold: (accountId: number): AccountRef => ({
    code: `affiliate:${accountId}:on-hold`,
    kind: 'liability',
    ownerAccountId: accountId,
    runningBalance: true,
  }),
  /** referral-link affiliate: commission past its hold, withdrawable */
  affiliateAvailable: (accountId: number): AccountRef => ({
    code: `affiliate:${accountId}:available`,
    kind: 'liability',
    ownerAccountId: accountId,
    runningBalance: true,
  }),
  /** referral-link affiliate: requested payouts not yet paid or rejected (held out of available) */
  affiliatePayoutsPending: (accountId: number): AccountRef => ({
    code: `affiliate:${accountId}:payouts-pending`,
    kind: 'liability',
    ownerAccountId: accountId,
    runningBalance: true,
  }),
  /** money sent to affiliates' banks, awaiting reconciliation with the bank statement */
  payoutClearing: { code: 'company:clearing:payouts', kind: 'asset' } as AccountRef,
  commissionExpense: { code: 'company:commission-expense', kind: 'expense' } as AccountRef,
  gatewayClearing: (provider: string): AccountRef => ({
    code: `company:clearing:${provider}`,
    kind: 'asset',
  }),
  salesRevenue: { code: 'company:sales-revenue', kind: 'revenue' } as AccountRef,
  membershipRevenue: { code: 'company:membership-revenue', kind: 'revenue' } as AccountRef,
  /** programme fees (the Fit Challenge) */
  programmeRevenue: { code: 'company:programme-revenue', kind: 'revenue' } as AccountRef,
  /** savings deposits the gateway collected, owed to members until each is credited to their savings */
  depositsReceived: { code: 'company:clearing:deposits-received', kind: 'liability' } as AccountRef,
} as const;

/** What a guarded post did: whether its guard held (it posts nothing otherwise) and the new entry. */
export interface GuardedPost {
  guarded: boolean;
  /** the rows of the `companion` statement */
  companion: unknown[];
  /** null when the guard did not hold or the key was already posted (a replay) */
  entryId: number | null;
}

export interface PostOptions {
  /**
   * A data-modifying statement (`update … returning …`) run first in the same statement: the entry
   * is posted only when it returns a row, so a claim and its money are one round trip.
   */
  guard?: RawBuilder<unknown>;
  /**
   * A data-modifying statement run alongside in the same statement, only when the entry is new: it
   * may read the new entry's id as `(select id from entry)` (the entry's records, e.g. commissions).
   */
  alongside?: RawBuilder<unknown>;
  /**
   * A statement run with the guard (it reads `guard`; it runs whether or not the entry is new), whose
   * rows come back as `companion`: the guarded change's next step, in the same round trip.
   */
  companion?: RawBuilder<unknown>;
}

interface PostedRow {
  companion: unknown[] | null;
  guarded: boolean;
  entry_id: number | null;
  posted: number;
  account_ids: (number | null)[];
}

/**
 * Double-entry postings. Call inside the transaction that changes the business state,
 * so the state change and its money commit together or not at all.
 */
export class LedgerService {
  /**
   * Posts one balanced entry under an idempotency key. Returns the entry id, or null when the
   * key was already posted (a replay): the unique key, not a prior check, guarantees once.
   */
  async post(
    scope: Scope,
    key: string,
    description: string,
    postings: Posting[],
    options: { alongside?: RawBuilder<unknown> } = {},
  ): Promise<number | null> {
    return (await this.postGuarded(scope, key, description, postings, options)).entryId;
  }

  /**
   * `post` in one statement with the entry, its postings and the caller's `guard` and `alongside`
   * statements. The accounts are looked up in it; only when one does not exist yet (its first
   * posting, or another transaction creating it right now, whose row this statement's snapshot
   * cannot see) are the postings written by the statements that follow instead.
   */
  async postGuarded(
    scope: Scope,
    key: string,
    description: string,
    postings: Posting[],
    options: PostOptions = {},
  ): Promise<GuardedPost> {
    const total = postings.reduce((s, p) => s + toSafeInteger(p.amount), 0);
    if (total !== 0) throw new DomainError('INTERNAL_ERROR', `unbalanced ledger entry ${key}: ${total}`);
    const lines = postings.filter((p) => p.amount !== 0);
    const codes = lines.map((l) => l.account.code);
    const amounts = lines.map((l) => l.amount);
    const t = scope.tenant.id;
    const row = await boundRow<PostedRow>(
      scope,
      sql`with ${options.guard ? sql`guard as (${options.guard}), ` : sql``}entry as (
            insert into ledger_entry (tenant_id, idempotency_key, description, created_at)
            select ${t}, ${key}, ${description}, ${scope.now}${options.guard ? sql` where exists (select 1 from guard)` : sql``}
            on conflict (tenant_id, idempotency_key) do nothing returning id),
          posting_account as (select id, code from ledger_account where tenant_id = ${t} and code = any(${codes}::text[])),
          posting_line as (select l.n, l.amount, posting_account.id as account_id
                   from unnest(${codes}::text[], ${amounts}::bigint[]) with ordinality as l(code, amount, n)
                   left join posting_account on posting_account.code = l.code),
          posted as (insert into ledger_posting (tenant_id, entry_id, ledger_account_id, amount)
                      select ${t}, entry.id, posting_line.account_id, posting_line.amount from entry, posting_line
                      where not exists (select 1 from posting_line where account_id is null) order by posting_line.n
                      returning 1)${options.alongside ? sql`, alongside as (${options.alongside})` : sql``}${
                        options.companion ? sql`, companion as (${options.companion})` : sql``
                      }
          select ${options.guard ? sql`exists (select 1 from guard)` : sql`true`} as guarded,
                 ${options.companion ? sql`(select json_agg(companion) from companion)` : sql`null::json`} as companion,
                 (select id from entry) as entry_id, (select count(*)::int from posted) as posted,
                 array(select account_id from posting_line order by n) as account_ids`,
    );
    const entryId = row?.entry_id ?? null;
    const guarded = row?.guarded ?? false;
    const companion = row?.companion ?? [];
    if (entryId === null || lines.length === 0) return { guarded, entryId, companion };
    let accountIds = new Map(codes.map((code, i) => [code, row!.account_ids[i] ?? null]));
    if (row!.posted !== lines.length) {
      const found = await this.#accountIds(
        scope,
        lines.map((l) => l.account),
      );
      accountIds = found;
      const values = lines.map((l) => sql`(${t}, ${entryId}, ${found.get(l.account.code)}, ${l.amount})`);
      await boundRun(
        scope,
        sql`insert into ledger_posting (tenant_id, entry_id, ledger_account_id, amount) values ${sql.join(values)}`,
      );
    }
    await this.#addToRunningBalances(scope, lines, accountIds as Map<string, number>);
    return { guarded, entryId, companion };
  }

  /** One update per running-balance account, in id order (so concurrent posts cannot deadlock). */
  async #addToRunningBalances(
    scope: Scope,
    lines: Posting[],
    accountIds: Map<string, number>,
  ): Promise<void> {
    const deltas = new Map<number, number>();
    for (const line of lines) {
      if (!line.account.runningBalance) continue;
      const id = accountIds.get(line.account.code)!;
      deltas.set(id, (deltas.get(id) ?? 0) + line.amount);
    }
    for (const [id, delta] of [...deltas].sort(([a], [b]) => a - b)) {
      await boundRun(
        scope,
        sql`update ledger_account set running_balance = running_balance + ${delta} where tenant_id = ${scope.tenant.id} and id = ${id}`,
      );
    }
  }

  /** Creates the accounts that do not exist yet (waiting for one another transaction is creating) and reads every id. */
  async #accountIds(scope: Scope, refs: AccountRef[]): Promise<Map<string, number>> {
    const unique = [...new Map(refs.map((r) => [r.code, r])).values()];
    const t = scope.tenant.id;
    const values = unique.map(
      (r) =>
        sql`(${t}, ${r.code}, ${r.kind}, ${scope.tenant.currency}, ${r.ownerAccountId ?? null}, ${r.runningBalance ? 0 : null}, ${scope.now})`,
    );
    // DO NOTHING takes no lock on existing rows: settlements posting to the same company
    // accounts do not queue behind each other (DO UPDATE would lock them until commit).
    await boundRun(
      scope,
      sql`insert into ledger_account (tenant_id, code, kind, currency, owner_account_id, running_balance, created_at)
          values ${sql.join(values)} on conflict (tenant_id, code) do nothing`,
    );
    const rows = await boundRows<{ id: number; code: string }>(
      scope,
      sql`select id, code from ledger_account where tenant_id = ${t} and code = any(${unique.map((r) => r.code)}::text[])`,
    );
    return new Map(rows.map((r) => [r.code, r.id]));
  }

  /**
   * Locks the rows of these accounts until the transaction ends, in id order (so two callers cannot
   * deadlock), for a read-check-post sequence: a caller that reads a balance under the lock and posts
   * before committing makes the next one wait, then read what it left. An account nothing was posted
   * to yet has no row and is not locked.
   */
  async lockAccounts(tx: Scope, refs: AccountRef[]): Promise<void> {
    await tx.em.execute(
      'select id from ledger_account where tenant_id = ? and code in (?) order by id for update',
      [tx.tenant.id, refs.map((r) => r.code)],
    );
  }

  /** Balances of several accounts in one statement (absent accounts are 0), as `balance` reads them. */
  async balances(scope: Scope, refs: AccountRef[]): Promise<number[]> {
    const rows = await scope.em.execute<{ code: string; total: string | null }[]>(
      `select a.code, coalesce(a.running_balance::text,
                (select sum(p.amount)::text from ledger_posting p where p.ledger_account_id = a.id)) as total
       from ledger_account a where a.tenant_id = ? and a.code in (?)`,
      [scope.tenant.id, refs.map((r) => r.code)],
    );
    const totals = new Map(rows.map((r) => [r.code, toSafeInteger(r.total ?? 0)]));
    return refs.map((ref) => holderView(ref, totals.get(ref.code) ?? 0));
  }

  /** Balance of an account as its holder sees it: credits minus debits for liabilities and revenue. */
  async balance(scope: Scope, ref: AccountRef): Promise<number> {
    const [total = 0] = await this.balances(scope, [ref]);
    return total;
  }
}

/** Credits minus debits for liabilities, revenue and equity (what the holder is owed); the sum as is otherwise. */
export function holderView(ref: AccountRef, debitMinusCredit: number): number {
  const creditNormal = ref.kind === 'liability' || ref.kind === 'revenue' || ref.kind === 'equity';
  return creditNormal ? 0 - debitMinusCredit : debitMinusCredit;
}
