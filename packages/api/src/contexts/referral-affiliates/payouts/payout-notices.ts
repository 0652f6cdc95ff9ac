import type { Scope } from '../../../kernel/scope.ts';
import type { OutboxService } from '../../notifications/outbox.service.ts';
import { emailAccount } from '../account-email.ts';
import type { AffiliatePayout } from './payout.entity.ts';

/** Tells the affiliate, through the outbox in the payout's transaction, that it was paid or failed. */
export function notifyPayoutOutcome(
  outbox: OutboxService,
  tx: Scope,
  payout: AffiliatePayout,
  outcome: 'paid' | 'failed',
): Promise<void> {
  const where = `${payout.bankName} ${payout.accountNumberMasked}`;
  return emailAccount(outbox, tx, payout.account, (account) =>
    outcome === 'paid'
      ? {
          subject: `${tx.tenant.name}: your payout has been sent`,
          body: `Hello ${account.name},\n\nYour payout of ${payout.amount} ${tx.tenant.currency} has been transferred to ${where} (reference ${payout.transferReference}).`,
        }
      : {
          subject: `${tx.tenant.name}: your payout could not be made`,
          body: `Hello ${account.name},\n\nYour payout of ${payout.amount} ${tx.tenant.currency} to ${where} could not be made: ${payout.notes}\n\nThe amount is back in your available balance.`,
        },
  );
}
