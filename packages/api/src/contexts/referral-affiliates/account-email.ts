import type { Scope } from '../../kernel/scope.ts';
import { Account } from '../identity/account.entity.ts';
import type { OutboxService } from '../notifications/outbox.service.ts';

/**
 * Emails an account through the outbox, in the caller's transaction (sent only if it commits); the
 * message is written for the account (its name). Nothing is sent when the account no longer exists.
 */
export async function emailAccount(
  outbox: OutboxService,
  tx: Scope,
  accountId: number,
  message: (account: Account) => { subject: string; body: string },
): Promise<void> {
  const account = await tx.em.findOne(Account, { id: accountId });
  if (!account) return;
  await outbox.enqueue(tx, { channel: 'email', recipient: account.email, ...message(account) });
}
