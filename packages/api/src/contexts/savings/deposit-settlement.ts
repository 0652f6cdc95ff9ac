import { DomainError } from '@komisi/domain';
import type { Scope } from '../../kernel/scope.ts';
import type { Payment } from '../payments/payment.entity.ts';
import type { ProviderStatus } from '../payments/payment-provider.ts';
import type { SettlementHandler } from '../payments/payments.service.ts';
import { creditDeposit } from './deposit-credit.ts';
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
    await creditDeposit(tx, payment, gatewayResponse(tx, payment, report));
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
