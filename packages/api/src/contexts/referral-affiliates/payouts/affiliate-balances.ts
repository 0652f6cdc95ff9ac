import type { Scope } from '../../../kernel/scope.ts';
import { LedgerAccounts, type LedgerService } from '../../ledger/ledger.service.ts';

/** A referral-link affiliate's three ledger accounts, as the affiliate is owed them. */
export interface AffiliateLedgerBalances {
  /** withdrawable */
  available: number;
  /** confirmed commission, still in its holding period */
  onHold: number;
  /** requested payouts not yet paid or refused */
  payoutsPending: number;
}

/** The three balances in one statement: each is a running balance, one row to read. */
export async function affiliateLedgerBalances(
  ledger: LedgerService,
  scope: Scope,
  accountId: number,
): Promise<AffiliateLedgerBalances> {
  const [available = 0, onHold = 0, payoutsPending = 0] = await ledger.balances(scope, [
    LedgerAccounts.affiliateAvailable(accountId),
    LedgerAccounts.affiliateOnHold(accountId),
    LedgerAccounts.affiliatePayoutsPending(accountId),
  ]);
  return { available, onHold, payoutsPending };
}
