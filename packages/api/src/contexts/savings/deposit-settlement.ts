import { DomainError } from '@komisi/domain';
import { boundRow, boundRun, sql } from '../../kernel/bound-sql.ts';
import { type Scope, toSafeInteger } from '../../kernel/scope.ts';
import { LedgerAccounts } from '../ledger/ledger.service.ts';
import type { Payment } from '../payments/payment.entity.ts';
import type { ProviderStatus } from '../payments/payment-provider.ts';
import type { SettlementHandler } from '../payments/payments.service.ts';
import { postSavingsEntry, SavingsCompanyAccounts } from './savings-ledger.ts';
import { SavingsTransaction } from './savings-transaction.entity.ts';

/**
 * What the gateway reported when it settled a deposit's payment, kept on the transaction: its own
 * words where it gives them (Midtrans' `settlement`, its times), ours otherwise (the sandbox).
 */
function gatewayResponse(tx: Scope, payment: Payment, report: ProviderStatus) {
  return {
    provider: payment.provider,
    transaction_id: payment.providerReference,
    order_id: payment.merchantReference,
    payment_type: payment.requestedMethod,
    gross_amount: payment.amount,
    transaction_status: report.status,
    status_message: report.description ?? null,
    settlement_time: tx.now.toISOString(),
    ...report.report,
  };
}

/**
 * A deposit's payment settled (`payments.onSettlement('savings_deposit', …)`), inside the settling
 * transaction, which the payment's claim makes run once however many notifications arrive. The
 * receipt put amount + unique code into deposits-received; this moves exactly the amount into the
 * member's savings and the unique code to the cooperative's other income.
 */
export class DepositSettlement implements SettlementHandler {
  async completed(tx: Scope, payment: Payment, report: ProviderStatus): Promise<void> {
    const deposit = await lockedDeposit(tx, payment);
    if (payment.amount !== deposit.amount + deposit.uniqueCode) {
      throw new DomainError(
        'INTERNAL_ERROR',
        `deposit ${deposit.transactionNumber} does not match its payment`,
      );
    }
    const posted = await postSavingsEntry(tx, {
      key: `savings-deposit:${deposit.id}:credited`,
      description: `Deposit ${deposit.transactionNumber} credited`,
      account: { id: deposit.savingsAccount, owner: deposit.owner },
      gain: deposit.amount,
      counterparts: [
        { account: LedgerAccounts.depositsReceived, amount: payment.amount },
        { account: SavingsCompanyAccounts.uniqueCodeIncome, amount: -deposit.uniqueCode },
      ],
    });
    if (posted === null) return;
    // a deposit failed or cancelled meanwhile is still credited: the member's money did arrive
    await boundRun(
      tx.em,
      sql`update savings_transaction
          set status = 'completed', processed_at = ${tx.now}, processed_by = null,
            balance_before = ${posted.balance - deposit.amount}, balance_after = ${posted.balance},
            gateway_response = ${JSON.stringify(gatewayResponse(tx, payment, report))},
            notes = 'Transaction completed automatically via payment gateway', updated_at = ${tx.now}
          where tenant_id = ${tx.tenant.id} and id = ${deposit.id}`,
    );
  }

  async failed(tx: Scope, payment: Payment, report: ProviderStatus): Promise<void> {
    const deposit = await this.#depositOf(tx, payment);
    await tx.em.nativeUpdate(
      SavingsTransaction,
      { id: deposit.id, status: { $in: ['pending', 'processing'] } },
      {
        status: 'failed',
        gatewayResponse: gatewayResponse(tx, payment, report),
        notes: 'The payment failed at the payment gateway',
        updatedAt: tx.now,
      },
    );
  }

  async #depositOf(tx: Scope, payment: Payment): Promise<SavingsTransaction> {
    const deposit =
      payment.subjectId === null ? null : await tx.em.findOne(SavingsTransaction, { id: payment.subjectId });
    if (!deposit) throw new DomainError('INTERNAL_ERROR', `payment ${payment.id} names no savings deposit`);
    return deposit;
  }
}

/** What crediting a deposit needs of it. */
interface DepositRow {
  id: number;
  transactionNumber: string;
  savingsAccount: number;
  owner: number;
  amount: number;
  uniqueCode: number;
}

/**
 * The deposit a payment settles, read in the statement that locks its savings account's row (see
 * `lockSavingsAccount`): every movement of that balance queues here, so the balance the credit
 * leaves is exactly this deposit's doing.
 */
async function lockedDeposit(tx: Scope, payment: Payment): Promise<DepositRow> {
  const row =
    payment.subjectId === null
      ? undefined
      : await boundRow<{
          id: number;
          transaction_number: string;
          savings_account_id: number;
          owner_account_id: number;
          amount: string | number;
          unique_code: number;
        }>(
          tx.em,
          sql`select t.id, t.transaction_number, t.savings_account_id, t.owner_account_id, t.amount, t.unique_code
              from savings_transaction t
              join savings_account a on a.tenant_id = t.tenant_id and a.id = t.savings_account_id
              where t.tenant_id = ${tx.tenant.id} and t.id = ${payment.subjectId}
              for update of a`,
        );
  if (!row) throw new DomainError('INTERNAL_ERROR', `payment ${payment.id} names no savings deposit`);
  return {
    id: row.id,
    transactionNumber: row.transaction_number,
    savingsAccount: row.savings_account_id,
    owner: row.owner_account_id,
    amount: toSafeInteger(row.amount),
    uniqueCode: toSafeInteger(row.unique_code),
  };
}
