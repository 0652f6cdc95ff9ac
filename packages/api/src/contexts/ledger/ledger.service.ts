import { DomainError } from '@komisi/domain';
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

/**
 * Double-entry postings. Call inside the transaction that changes the business state,
 * so the state change and its money commit together or not at all.
 */
export class LedgerService {
  /**
   * Posts one balanced entry under an idempotency key. Returns the entry id, or null when the
   * key was already posted (a replay): the unique key, not a prior check, guarantees once.
   */
  async post(scope: Scope, key: string, description: string, postings: Posting[]): Promise<number | null> {
    const total = postings.reduce((s, p) => s + toSafeInteger(p.amount), 0);
    if (total !== 0) throw new DomainError('INTERNAL_ERROR', `unbalanced ledger entry ${key}: ${total}`);
    const inserted = await scope.em.execute<{ id: number }[]>(
      `insert into ledger_entry (tenant_id, idempotency_key, description, created_at) values (?, ?, ?, ?)
       on conflict (tenant_id, idempotency_key) do nothing returning id`,
      [scope.tenant.id, key, description, scope.now],
    );
    const entryId = inserted[0]?.id;
    if (entryId === undefined) return null;
    const lines = postings.filter((p) => p.amount !== 0);
    if (lines.length === 0) return entryId;
    const accountIds = await this.#accountIds(
      scope,
      lines.map((l) => l.account),
    );
    const values = lines.map(() => '(?, ?, ?, ?)').join(', ');
    const params = lines.flatMap((l) => [scope.tenant.id, entryId, accountIds.get(l.account.code), l.amount]);
    await scope.em.execute(
      `insert into ledger_posting (tenant_id, entry_id, ledger_account_id, amount) values ${values}`,
      params,
    );
    await this.#addToRunningBalances(scope, lines, accountIds);
    return entryId;
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
      await scope.em.execute(
        'update ledger_account set running_balance = running_balance + ? where tenant_id = ? and id = ?',
        [delta, scope.tenant.id, id],
      );
    }
  }

  async #accountIds(scope: Scope, refs: AccountRef[]): Promise<Map<string, number>> {
    const unique = [...new Map(refs.map((r) => [r.code, r])).values()];
    const values = unique.map(() => '(?, ?, ?, ?, ?, ?, ?)').join(', ');
    const params = unique.flatMap((r) => [
      scope.tenant.id,
      r.code,
      r.kind,
      scope.tenant.currency,
      r.ownerAccountId ?? null,
      r.runningBalance ? 0 : null,
      scope.now,
    ]);
    // DO NOTHING takes no lock on existing rows: settlements posting to the same company
    // accounts do not queue behind each other (DO UPDATE would lock them until commit).
    await scope.em.execute(
      `insert into ledger_account (tenant_id, code, kind, currency, owner_account_id, running_balance, created_at)
       values ${values}
       on conflict (tenant_id, code) do nothing`,
      params,
    );
    const rows = await scope.em.execute<{ id: number; code: string }[]>(
      'select id, code from ledger_account where tenant_id = ? and code in (?)',
      [scope.tenant.id, unique.map((r) => r.code)],
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
