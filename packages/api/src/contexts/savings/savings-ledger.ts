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
