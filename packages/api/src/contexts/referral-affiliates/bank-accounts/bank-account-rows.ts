import { DomainError } from '@komisi/domain';
import { LockMode } from '@mikro-orm/core';
import type { Scope } from '../../../kernel/scope.ts';
import { BankAccount } from './bank-account.entity.ts';

/** The bank account row, read fresh (and locked for the transaction when asked); 404 when there is none. */
export async function loadBank(
  tx: Scope,
  where: { id: number } | { affiliate: number },
  lock = false,
): Promise<BankAccount> {
  const bank = await tx.em.findOne(BankAccount, where, {
    refresh: true,
    ...(lock && { lockMode: LockMode.PESSIMISTIC_WRITE }),
  });
  if (!bank) throw notFound('Bank account');
  return bank;
}

/** The fields that every change of details or KTP resets. */
export function backToPending(tx: Scope, bank: BankAccount) {
  return {
    verificationStatus: 'pending' as const,
    rejectionReason: null,
    verifiedAt: null,
    reviewedBy: null,
    reviewedAt: null,
    version: bank.version + 1,
    updatedAt: tx.now,
  };
}

export const notFound = (what: string) => new DomainError('NOT_FOUND', `${what} not found`);
