import type { BootstrapInput } from '../../contexts/platform/tenant-provisioning.ts';
import type { Services } from '../../kernel/api-context.ts';
import type { Scope } from '../../kernel/scope.ts';

/**
 * A new dtehm-mobile tenant needs its network's root member: registration names a sponsor, and the
 * first member has nobody else to name. It gets the admin's password and, unless told otherwise,
 * the admin's address with `+root` (`me+root@example.com`).
 */
export async function bootstrapDtehmTenant(
  services: Services,
  tx: Scope,
  { admin, rootMember }: BootstrapInput,
) {
  const [local, domain] = admin.email.split('@') as [string, string];
  const root = await services.identity.createAccount(tx, {
    email: rootMember?.email ?? `${local}+root@${domain}`,
    password: admin.password,
    name: rootMember?.name ?? `${tx.tenant.name} Root Member`,
    phone: rootMember?.phone ?? null,
    roles: ['member', 'stockist'],
  });
  const rootMemberId = await services.membership.foundRoot(tx, root.id, rootMember?.address ?? null);
  return { rootMemberId };
}
