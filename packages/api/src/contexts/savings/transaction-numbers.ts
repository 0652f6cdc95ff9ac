import { formatYearNumber, yearCounterName } from '@komisi/domain';
import type { Scope } from '../../kernel/scope.ts';
import { nextSequence } from '../tenancy/tenant.service.ts';
import { localYear } from './savings-accounts.service.ts';

/** `TXN-{year}-{6 digits}`: every savings transaction's number, gap-free per tenant and local year. */
export async function nextTransactionNumber(scope: Scope): Promise<string> {
  const year = localYear(scope.now, scope.tenant.timeZone);
  return formatYearNumber('TXN', year, await nextSequence(scope, yearCounterName('TXN', year)), 6);
}
