import { DomainError } from '@komisi/domain';
import type { Scope } from '../../kernel/scope.ts';
import { SavingsAccount } from './savings-account.entity.ts';
import { SavingsProduct } from './savings-product.entity.ts';

/** 404 ACCOUNT_NOT_FOUND: no such account, or another member's (which is not told apart). */
export const accountNotFound = () =>
  new DomainError('NOT_FOUND', 'Savings account not found', { details: { code: 'ACCOUNT_NOT_FOUND' } });

export const transactionNotFound = () => new DomainError('NOT_FOUND', 'Transaction not found');

/** A public id's shape: anything else names no row (and is never sent to a uuid column). */
export const isUuid = (value: string) =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

/** The member's own savings account by its public id, with its product. */
export async function ownedAccount(
  scope: Scope,
  ownerAccountId: number,
  publicId: string,
): Promise<{ account: SavingsAccount; product: SavingsProduct }> {
  const account = isUuid(publicId)
    ? await scope.em.findOne(SavingsAccount, { publicId, owner: ownerAccountId })
    : null;
  if (!account) throw accountNotFound();
  const product = await scope.em.findOneOrFail(SavingsProduct, { id: account.product });
  return { account, product };
}

/** A frozen or closed account takes no new deposit or withdrawal. */
export function checkActive(account: SavingsAccount): void {
  if (account.status !== 'active') {
    throw new DomainError('RULE_VIOLATION', `This savings account is ${account.status}`, {
      fields: { savings_account_id: [`the account is ${account.status}`] },
      details: { code: 'ACCOUNT_NOT_ACTIVE' },
    });
  }
}
