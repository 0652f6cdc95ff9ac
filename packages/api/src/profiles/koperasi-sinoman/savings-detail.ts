import type { ApiContext } from '../../kernel/api-context.ts';
import { presentTransactionDetail } from './savings.presenters.ts';

/** A transaction's details with its member's card: the member's own (`ownerAccountId`) or, for an administrator (null), anyone's. */
export async function transactionDetail(
  ctx: Pick<ApiContext, 'services' | 'scope'>,
  ownerAccountId: number | null,
  transactionId: string,
) {
  const scope = ctx.scope();
  const detail = await ctx.services.savingsHistory.detail(scope, ownerAccountId, transactionId);
  const cards = await ctx.services.cooperativeMembers.cardsOf(scope, [detail.transaction.owner]);
  return presentTransactionDetail(detail, cards.get(detail.transaction.owner));
}
