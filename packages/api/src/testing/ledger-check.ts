import type { Orm } from '../kernel/database.ts';
import { systemEm } from '../kernel/database.ts';

/** Double-entry invariant: every entry's postings sum to zero, so the whole ledger does too. */
export async function unbalancedLedgerEntries(orm: Orm): Promise<{ entry_id: number; total: string }[]> {
  return systemEm(orm).execute(
    'select entry_id, sum(amount)::text as total from ledger_posting group by entry_id having sum(amount) <> 0',
  );
}

export async function ledgerTotal(orm: Orm): Promise<number> {
  const [row] = await systemEm(orm).execute<{ total: string | null }[]>(
    'select coalesce(sum(amount), 0)::text as total from ledger_posting',
  );
  return Number(row?.total ?? 0);
}

/** Running balances (ledger_account.running_balance) that disagree with the sum of their postings. */
export async function driftedRunningBalances(
  orm: Orm,
): Promise<{ code: string; running: string; sum: string }[]> {
  return systemEm(orm).execute(
    `select a.code, a.running_balance::text as running,
            coalesce((select sum(p.amount) from ledger_posting p where p.ledger_account_id = a.id), 0)::text as sum
     from ledger_account a
     where a.running_balance is not null
       and a.running_balance <> coalesce((select sum(p.amount) from ledger_posting p where p.ledger_account_id = a.id), 0)`,
  );
}
