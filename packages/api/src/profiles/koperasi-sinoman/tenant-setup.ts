import type { BootstrapInput } from '../../contexts/platform/tenant-provisioning.ts';
import type { Services } from '../../kernel/api-context.ts';
import type { Scope } from '../../kernel/scope.ts';

/** A new cooperative offers the document's three savings products (SP, SW, SS) from the start. */
export async function bootstrapSinomanTenant(services: Services, tx: Scope, _input: BootstrapInput) {
  await services.savingsAccounts.installProducts(tx);
  return {};
}
