import { DomainError } from '@komisi/domain';
import { inTransaction, type Scope } from '../../../kernel/scope.ts';
import type { OutboxService } from '../../notifications/outbox.service.ts';
import { emailAccount } from '../account-email.ts';
import { BankAccount } from './bank-account.entity.ts';
import { loadBank } from './bank-account-rows.ts';
import { type BankAccountView, bankAccountView } from './bank-account-views.ts';

export interface ReviewOptions {
  /** the version the admin reviewed (BankAccountReview.version); omitted: whatever is current */
  expectedVersion?: number | undefined;
}

export interface BankDecision {
  status: 'verified' | 'rejected';
  /** shown to the affiliate when rejected */
  reason: string | null;
}

/**
 * An admin's verdict on a bank account, once: only from pending with a KTP (409 otherwise), only on
 * the version the admin reviewed when one is given, as a conditional update; the affiliate is told
 * through the outbox in the same transaction.
 */
export async function decideBankAccount(
  outbox: OutboxService,
  scope: Scope,
  bankAccountId: number,
  adminId: number,
  options: ReviewOptions,
  decision: BankDecision,
): Promise<BankAccountView> {
  return inTransaction(scope, async (tx) => {
    const bank = await loadBank(tx, { id: bankAccountId }, true);
    if (options.expectedVersion !== undefined && options.expectedVersion !== bank.version) {
      throw new DomainError('CONFLICT', 'The bank account was changed after you opened it; review it again', {
        details: { version: bank.version },
      });
    }
    if (bank.verificationStatus !== 'pending') {
      throw new DomainError('INVALID_STATE', `The bank account is already ${bank.verificationStatus}`, {
        details: { status: bank.verificationStatus },
      });
    }
    if (!bank.ktpFile)
      throw new DomainError('INVALID_STATE', 'No KTP has been submitted for this bank account');
    const changed = await tx.em.nativeUpdate(
      BankAccount,
      { id: bank.id, verificationStatus: 'pending', version: bank.version },
      {
        verificationStatus: decision.status,
        rejectionReason: decision.reason,
        verifiedAt: decision.status === 'verified' ? tx.now : null,
        reviewedBy: adminId,
        reviewedAt: tx.now,
        updatedAt: tx.now,
      },
    );
    if (changed !== 1)
      throw new DomainError('CONFLICT', 'The bank account was changed meanwhile; review it again');
    await notifyDecision(outbox, tx, bank, decision);
    return bankAccountView(await loadBank(tx, { id: bank.id }));
  });
}

function notifyDecision(outbox: OutboxService, tx: Scope, bank: BankAccount, decision: BankDecision) {
  const which = `${bank.bankName} ${bank.accountNumberMasked}`;
  return emailAccount(outbox, tx, bank.account, (account) =>
    decision.status === 'verified'
      ? {
          subject: `${tx.tenant.name}: your bank account is verified`,
          body: `Hello ${account.name},\n\nYour bank account ${which} has been verified. You can now request payouts.`,
        }
      : {
          subject: `${tx.tenant.name}: your bank account could not be verified`,
          body: `Hello ${account.name},\n\nYour bank account ${which} could not be verified: ${decision.reason}\n\nPlease check your details and submit your KTP again.`,
        },
  );
}
