import type { Scope } from '../../kernel/scope.ts';
import type { AccountRef } from '../ledger/ledger.service.ts';

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
