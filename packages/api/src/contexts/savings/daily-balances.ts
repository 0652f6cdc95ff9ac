import { daysInMonth, endOfDayBalances } from '@komisi/domain';
import { type Scope, toSafeInteger } from '../../kernel/scope.ts';
import type { LedgerService } from '../ledger/ledger.service.ts';
import { savingsLedger } from './savings-ledger.ts';

export interface InterestBearingAccount {
  id: number;
  owner: number;
}

/**
 * Each account's end-of-day balances over a local month (one per day), read from its ledger postings:
 * the ledger is where every movement lands at the moment it happens, a withdrawal's hold and a
 * rejected one's release included, which the transactions alone do not record. One statement for a
 * batch of accounts: each day's net movement from the month's start on; the opening balance is the
 * account's running balance less every movement since.
 */
export async function dailyBalances(
  scope: Scope,
  ledger: LedgerService,
  accounts: readonly InterestBearingAccount[],
  month: string,
  start: Date,
): Promise<Map<number, number[]>> {
  if (accounts.length === 0) return new Map();
  const refs = accounts.map(savingsLedger);
  const rows = await scope.em.execute<{ code: string; day: string; delta: string }[]>(
    `select la.code, to_char(e.created_at at time zone ?, 'YYYY-MM-DD') as day, sum(-p.amount)::text as delta
     from ledger_account la
     join ledger_posting p on p.ledger_account_id = la.id
     join ledger_entry e on e.id = p.entry_id
     where la.tenant_id = ? and la.code in (?) and e.created_at >= ?
     group by la.code, day`,
    [scope.tenant.timeZone, scope.tenant.id, refs.map((r) => r.code), start],
  );
  const current = await ledger.balances(scope, refs);
  const days = daysInMonth(month);
  const result = new Map<number, number[]>();
  const byCode = Map.groupBy(rows, (r) => r.code);
  accounts.forEach((account, i) => {
    const mine = byCode.get(refs[i]!.code) ?? [];
    const since = mine.reduce((sum, r) => sum + toSafeInteger(r.delta), 0);
    const movements = new Map<number, number>();
    for (const r of mine) {
      if (r.day.slice(0, 7) === month) movements.set(Number(r.day.slice(8, 10)) - 1, toSafeInteger(r.delta));
    }
    result.set(account.id, endOfDayBalances(current[i]! - since, movements, days));
  });
  return result;
}
