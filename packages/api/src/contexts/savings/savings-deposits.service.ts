import { randomUUID } from 'node:crypto';
import {
  bankDisplayName,
  checkDeposit,
  checkOneTimeDeposit,
  SAVINGS_TRANSACTION_TYPES,
  type SavingsSettings,
} from '@komisi/domain';
import { inTransaction, type Scope } from '../../kernel/scope.ts';
import type { IdentityService } from '../identity/identity.service.ts';
import type { LedgerService } from '../ledger/ledger.service.ts';
import type { Payment } from '../payments/payment.entity.ts';
import type { NewPayment, PaymentsService } from '../payments/payments.service.ts';
import { checkActive, ownedAccount } from './owned-accounts.ts';
import type { SavingsAccount } from './savings-account.entity.ts';
import { lockSavingsAccount, savingsLedger } from './savings-ledger.ts';
import type { SavingsProduct } from './savings-product.entity.ts';
import { savingsSettingsOf } from './savings-settings.ts';
import { SavingsTransaction } from './savings-transaction.entity.ts';
import { nextTransactionNumber } from './transaction-numbers.ts';
import { allocateUniqueCode } from './unique-codes.ts';

export interface DepositRequest {
  /** the savings account's public id */
  savingsAccountId: string;
  transactionType: string;
  amount: number;
  description: string | null;
  paymentMethod: string;
}

/** Where and how much to transfer for a deposit. */
export interface PaymentInstructions {
  bankName: string;
  /** the gateway's virtual account when it opened one, else the savings account's own */
  accountNumber: string;
  accountName: string;
  amount: number;
  uniqueCode: number;
  totalAmount: number;
  deadline: Date;
  /** the gateway's payment page, when it has one */
  paymentUrl: string | null;
}

export interface CreatedDeposit {
  transaction: SavingsTransaction;
  account: SavingsAccount;
  product: SavingsProduct;
  instructions: PaymentInstructions;
}

/**
 * Deposits a member pays through the tenant's gateway: a pending transaction with its unique code,
 * then a payment of amount + code. The money reaches the savings when the payment settles
 * (`DepositSettlement`).
 */
export class SavingsDepositsService {
  readonly #ledger: LedgerService;
  readonly #payments: PaymentsService;
  readonly #identity: IdentityService;

  constructor(deps: { ledger: LedgerService; payments: PaymentsService; identity: IdentityService }) {
    this.#ledger = deps.ledger;
    this.#payments = deps.payments;
    this.#identity = deps.identity;
  }

  /**
   * Errors: 404 ACCOUNT_NOT_FOUND; 422 naming transaction_type or amount (INVALID_AMOUNT); 400
   * DUPLICATE_DEPOSIT (a second Simpanan Pokok), ACCOUNT_NOT_ACTIVE; a gateway refusal (the
   * transaction is then failed).
   */
  async create(scope: Scope, ownerAccountId: number, request: DepositRequest): Promise<CreatedDeposit> {
    const { account, product } = await ownedAccount(scope, ownerAccountId, request.savingsAccountId);
    checkActive(account);
    checkDeposit(product, request.transactionType, request.amount);
    const settings = savingsSettingsOf(scope.tenant);
    const transaction = await inTransaction(scope, async (tx) => {
      // one deposit of an account at a time: the once-only check and the projected balance hold
      await lockSavingsAccount(tx, account.id);
      if (product.depositSchedule === 'once') {
        checkOneTimeDeposit(product, await this.#paidOrPending(tx, account.id, settings));
      }
      const balance = await this.#ledger.balance(tx, savingsLedger(account));
      const uniqueCode = await allocateUniqueCode(tx, request.amount, settings.paymentDeadlineHours);
      const created = tx.em.create(SavingsTransaction, {
        tenant: tx.tenant.id,
        publicId: randomUUID(),
        transactionNumber: await nextTransactionNumber(tx),
        savingsAccount: account.id,
        owner: ownerAccountId,
        typeCode: request.transactionType,
        category: 'deposit',
        amount: request.amount,
        uniqueCode,
        description: request.description,
        // a projection until the payment settles, when the balances of that moment replace it
        balanceBefore: balance,
        balanceAfter: balance + request.amount,
        paymentMethod: request.paymentMethod,
        status: 'pending',
        createdAt: tx.now,
        updatedAt: tx.now,
      });
      await tx.em.flush();
      return created;
    });
    const payment = await this.#openPayment(scope, transaction);
    transaction.paymentId = payment.id;
    transaction.paymentReference = payment.merchantReference;
    await scope.em.nativeUpdate(
      SavingsTransaction,
      { id: transaction.id },
      { paymentId: payment.id, paymentReference: payment.merchantReference },
    );
    return {
      transaction,
      account,
      product,
      instructions: instructionsOf(payment, transaction, account, settings, scope),
    };
  }

  /** A completed Simpanan Pokok deposit, or one still payable. */
  async #paidOrPending(tx: Scope, savingsAccountId: number, settings: SavingsSettings): Promise<boolean> {
    const rows = await tx.em.execute<{ id: number }[]>(
      `select id from savings_transaction
       where tenant_id = ? and savings_account_id = ? and category = 'deposit'
         and (status = 'completed' or (status in ('pending', 'processing') and created_at > ?))
       limit 1`,
      [
        tx.tenant.id,
        savingsAccountId,
        new Date(tx.now.getTime() - settings.paymentDeadlineHours * 3_600_000),
      ],
    );
    return rows.length > 0;
  }

  /** The gateway's charge of amount + unique code; a refusal fails the transaction and is rethrown. */
  async #openPayment(scope: Scope, transaction: SavingsTransaction): Promise<Payment> {
    const member = await this.#identity.account(scope, transaction.owner);
    const type = SAVINGS_TRANSACTION_TYPES.get(transaction.typeCode)?.name ?? transaction.typeCode;
    const request: NewPayment = {
      accountId: transaction.owner,
      purpose: 'savings_deposit',
      subjectId: transaction.id,
      // the gateway's order id is the transaction number, as the document's notification shows it
      merchantReference: transaction.transactionNumber,
      amount: transaction.amount + transaction.uniqueCode,
      requestedMethod: transaction.paymentMethod ?? 'bank_transfer',
      callbackUrl: null,
      description: `${type} ${transaction.transactionNumber}`,
      customer: { email: member.email, name: member.name, phone: member.phone ?? null },
      details: { transactionNumber: transaction.transactionNumber, uniqueCode: transaction.uniqueCode },
    };
    try {
      return await this.#payments.create(scope, request);
    } catch (e) {
      await scope.em.nativeUpdate(
        SavingsTransaction,
        { id: transaction.id, status: 'pending' },
        { status: 'failed', notes: 'The payment could not be opened', updatedAt: scope.now },
      );
      throw e;
    }
  }
}

/** The gateway's own instructions (its virtual account and bank) when it gave some, else the cooperative's. */
function instructionsOf(
  payment: Payment,
  transaction: SavingsTransaction,
  account: SavingsAccount,
  settings: SavingsSettings,
  scope: Scope,
): PaymentInstructions {
  const given = payment.details.instructions as { bank?: unknown; vaNumber?: unknown } | undefined;
  const gateway =
    typeof given?.vaNumber === 'string' && typeof given.bank === 'string'
      ? { bankName: bankDisplayName(given.bank), accountNumber: given.vaNumber }
      : null;
  return {
    ...(gateway ?? { bankName: settings.depositBankName, accountNumber: account.virtualAccountNumber }),
    accountName: scope.tenant.name,
    amount: transaction.amount,
    uniqueCode: transaction.uniqueCode,
    totalAmount: payment.amount,
    deadline: new Date(transaction.createdAt.getTime() + settings.paymentDeadlineHours * 3_600_000),
    paymentUrl: payment.paymentUrl || null,
  };
}
