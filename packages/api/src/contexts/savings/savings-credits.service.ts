import { randomUUID } from 'node:crypto';
import { DomainError, type SavingsCode } from '@komisi/domain';
import { inTransaction, type Scope } from '../../kernel/scope.ts';
import type { AccountRef, LedgerService } from '../ledger/ledger.service.ts';
import { accountNotFound } from './owned-accounts.ts';
import { SavingsAccount } from './savings-account.entity.ts';
import { lockSavingsAccount, savingsLedger } from './savings-ledger.ts';
import { SavingsProduct } from './savings-product.entity.ts';
import { SavingsTransaction, type SavingsTransactionCategory } from './savings-transaction.entity.ts';
import { nextTransactionNumber } from './transaction-numbers.ts';

export interface SavingsCredit {
  ownerAccountId: number;
  /** which of the member's accounts receives it (bonuses and interest: SS) */
  productCode: SavingsCode;
  typeCode: string;
  /** `deposit`: money taken outside any gateway (cash at the counter), recorded as it arrives */
  category: Extract<SavingsTransactionCategory, 'interest' | 'bonus' | 'deposit'>;
  amount: number;
  description: string;
  /** one business event, one credit: a replay with the same key credits nothing */
  idempotencyKey: string;
  /** the cooperative's account the money comes from (an expense; for a recorded deposit, cash) */
  from: AccountRef;
  notes?: string;
  /** how the money came (a recorded deposit: `cash`) */
  paymentMethod?: string;
}

/**
 * Money the cooperative itself adds to a member's savings (interest, referral bonuses) or records
 * as received without a gateway (cash at the counter): a completed transaction and its ledger
 * entry, together, once per idempotency key.
 */
export class SavingsCreditsService {
  readonly #ledger: LedgerService;

  constructor(ledger: LedgerService) {
    this.#ledger = ledger;
  }

  /** The transaction it recorded, or null when the key was credited before. */
  async credit(scope: Scope, credit: SavingsCredit): Promise<SavingsTransaction | null> {
    if (!Number.isSafeInteger(credit.amount) || credit.amount <= 0) {
      throw new DomainError(
        'INTERNAL_ERROR',
        `a savings credit must be a positive whole amount: ${credit.amount}`,
      );
    }
    return inTransaction(scope, async (tx) => {
      const product = await tx.em.findOneOrFail(SavingsProduct, { code: credit.productCode });
      const account = await tx.em.findOne(SavingsAccount, {
        owner: credit.ownerAccountId,
        product: product.id,
      });
      if (!account) throw accountNotFound();
      const ledgerAccount = savingsLedger(account);
      await lockSavingsAccount(tx, account.id);
      const before = await this.#ledger.balance(tx, ledgerAccount);
      const entryId = await this.#ledger.post(tx, credit.idempotencyKey, credit.description, [
        { account: credit.from, amount: credit.amount },
        { account: ledgerAccount, amount: -credit.amount },
      ]);
      if (entryId === null) return null;
      const transaction = tx.em.create(SavingsTransaction, {
        tenant: tx.tenant.id,
        publicId: randomUUID(),
        transactionNumber: await nextTransactionNumber(tx),
        savingsAccount: account.id,
        owner: credit.ownerAccountId,
        typeCode: credit.typeCode,
        category: credit.category,
        amount: credit.amount,
        description: credit.description,
        balanceBefore: before,
        balanceAfter: before + credit.amount,
        status: 'completed',
        processedAt: tx.now,
        notes: credit.notes ?? null,
        paymentMethod: credit.paymentMethod ?? null,
        createdAt: tx.now,
        updatedAt: tx.now,
      });
      await tx.em.flush();
      return transaction;
    });
  }
}
