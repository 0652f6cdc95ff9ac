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
