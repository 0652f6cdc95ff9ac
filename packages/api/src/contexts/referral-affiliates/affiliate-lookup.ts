import { DomainError } from '@komisi/domain';
import type { Scope } from '../../kernel/scope.ts';
import { Affiliate } from './affiliate.entity.ts';

/** The affiliate of an account, read fresh (not from the scope's cache); 404 when it has none. */
export async function affiliateOf(scope: Scope, accountId: number): Promise<Affiliate> {
  const affiliate = await scope.em.findOne(Affiliate, { account: accountId }, { refresh: true });
  if (!affiliate) throw new DomainError('NOT_FOUND', 'Affiliate not found');
  return affiliate;
}
