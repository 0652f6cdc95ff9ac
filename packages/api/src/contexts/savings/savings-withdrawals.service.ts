import { randomUUID } from 'node:crypto';
import {
  checkWithdrawalBalance,
  checkWithdrawalRequest,
  DomainError,
  withdrawalTypeOf,
} from '@komisi/domain';
import { inTransaction, type Scope } from '../../kernel/scope.ts';
import { LedgerAccounts, type LedgerService } from '../ledger/ledger.service.ts';
import { checkActive, isUuid, ownedAccount, transactionNotFound } from './owned-accounts.ts';
import { lockSavingsAccount, savingsLedger, withdrawalHoldLedger } from './savings-ledger.ts';
import { SavingsTransaction } from './savings-transaction.entity.ts';
import { nextTransactionNumber } from './transaction-numbers.ts';

export interface WithdrawalRequest {
  /** the savings account's public id */
  savingsAccountId: string;
  amount: number;
  description: string | null;
  bankAccount: { bank_name: string; account_number: string; account_name: string };
}

/** An administrator's decision on a pending withdrawal. */
export interface WithdrawalDecision {
  status: 'completed' | 'rejected';
  notes: string | null;
  /** the bank transfer's reference (a completed withdrawal) */
  transferReference?: string | null;
}

/**
 * Withdrawals from a withdrawable savings account (Simpanan Sukarela): the amount is held out of the
 * balance when requested, under the account's lock, so concurrent requests never overdraw; the
 * cooperative then pays it out (completed) or gives it back (rejected: cancelled).
 */
export class SavingsWithdrawalsService {
  readonly #ledger: LedgerService;

  constructor(ledger: LedgerService) {
    this.#ledger = ledger;
  }

  /**
   * Errors: 404 ACCOUNT_NOT_FOUND; 400 WITHDRAWAL_NOT_ALLOWED (not withdrawable), ACCOUNT_NOT_ACTIVE,
   * INSUFFICIENT_BALANCE (against the balance read under the lock); 422 INVALID_AMOUNT.
   */
  async request(
    scope: Scope,
    ownerAccountId: number,
    request: WithdrawalRequest,
  ): Promise<SavingsTransaction> {
    const { account, product } = await ownedAccount(scope, ownerAccountId, request.savingsAccountId);
    checkActive(account);
    checkWithdrawalRequest(product, request.amount);
    return inTransaction(scope, async (tx) => {
      // Concurrent requests queue here; each then reads the balance the one before left.
      await lockSavingsAccount(tx, account.id);
      const balance = await this.#ledger.balance(tx, savingsLedger(account));
      checkWithdrawalBalance(balance, request.amount);
      const withdrawal = tx.em.create(SavingsTransaction, {
        tenant: tx.tenant.id,
        publicId: randomUUID(),
        transactionNumber: await nextTransactionNumber(tx),
        savingsAccount: account.id,
        owner: ownerAccountId,
        typeCode: withdrawalTypeOf(product.code),
        category: 'withdrawal',
        amount: request.amount,
        description: request.description,
        balanceBefore: balance,
        balanceAfter: balance - request.amount,
        paymentMethod: 'bank_transfer',
        bankAccount: request.bankAccount,
        status: 'pending',
        createdAt: tx.now,
        updatedAt: tx.now,
      });
      await tx.em.flush();
      await this.#ledger.post(
        tx,
        `savings-withdrawal:${withdrawal.id}:held`,
        `Withdrawal ${withdrawal.transactionNumber} requested`,
        [
          { account: savingsLedger(account), amount: request.amount },
          { account: withdrawalHoldLedger(account), amount: -request.amount },
        ],
      );
      return withdrawal;
    });
  }

  /**
   * Completes (the held amount leaves for the member's bank) or rejects (it returns to the balance,
   * status cancelled) a pending withdrawal, once: 404 when there is no such withdrawal, 409 when it
   * was decided before.
   */
  async decide(
    scope: Scope,
    transactionPublicId: string,
    decision: WithdrawalDecision,
    processedBy: number | null,
  ): Promise<void> {
    const withdrawal = isUuid(transactionPublicId)
      ? await scope.em.findOne(SavingsTransaction, { publicId: transactionPublicId, category: 'withdrawal' })
      : null;
    if (!withdrawal) throw transactionNotFound();
    const account = { id: withdrawal.savingsAccount, owner: withdrawal.owner };
    await inTransaction(scope, async (tx) => {
      await lockSavingsAccount(tx, account.id);
      // the conditional update is the claim: a second decision finds the status moved on
      const claimed = await tx.em.nativeUpdate(
        SavingsTransaction,
        { id: withdrawal.id, status: { $in: ['pending', 'processing'] } },
        {
          status: decision.status === 'completed' ? 'completed' : 'cancelled',
          processedAt: tx.now,
          processedBy,
          notes: decision.notes,
          ...(decision.status === 'completed' &&
            decision.transferReference && { paymentReference: decision.transferReference }),
          updatedAt: tx.now,
        },
      );
      if (claimed === 0) {
        const current = await tx.em.findOneOrFail(
          SavingsTransaction,
          { id: withdrawal.id },
          { refresh: true },
        );
        throw new DomainError('INVALID_STATE', `This withdrawal is already ${current.status}`, {
          details: { code: 'WITHDRAWAL_ALREADY_PROCESSED', status: current.status },
        });
      }
      const paid = decision.status === 'completed';
      const decided = paid ? 'completed' : 'cancelled';
      tx.audit?.change({
        subject: { type: 'savings_transaction', id: withdrawal.publicId },
        before: withdrawalState(
          withdrawal,
          withdrawal.status,
          withdrawal.processedAt ?? null,
          withdrawal.notes ?? null,
        ),
        after: withdrawalState(withdrawal, decided, tx.now, decision.notes),
      });
      await this.#ledger.post(
        tx,
        `savings-withdrawal:${withdrawal.id}:${paid ? 'paid' : 'released'}`,
        `Withdrawal ${withdrawal.transactionNumber} ${paid ? 'paid out' : 'rejected'}`,
        [
          { account: withdrawalHoldLedger(account), amount: withdrawal.amount },
          {
            account: paid ? LedgerAccounts.payoutClearing : savingsLedger(account),
            amount: -withdrawal.amount,
          },
        ],
      );
    });
  }
}

/** A withdrawal as its audit entry shows it (the bank account stays out: personal data). */
function withdrawalState(
  withdrawal: SavingsTransaction,
  status: string,
  processedAt: Date | null,
  notes: string | null,
) {
  return {
    transaction_number: withdrawal.transactionNumber,
    amount: withdrawal.amount,
    status,
    processed_at: processedAt,
    notes,
  };
}
