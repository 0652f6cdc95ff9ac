import { Tenant } from '../../../contexts/tenancy/tenant.entity.ts';
import { toTenantRecord } from '../../../contexts/tenancy/tenant.service.ts';
import { type Orm, systemEm, tenantEm } from '../../../kernel/database.ts';
import type { Scope } from '../../../kernel/scope.ts';
import type { Services } from '../../services.ts';
import { type DemoLogin, existingLogins, type SeededTenant } from './demo-login.ts';
import { SINOMAN_ADMIN_EMAIL } from './sinoman/admin.ts';
import { seedSinomanFitChallenge } from './sinoman/fit-challenge.ts';
import { SINOMAN_MEMBER_LOGINS, seedSinomanMembers } from './sinoman/members.ts';
import { seedSinomanSavingsHistory } from './sinoman/savings-history.ts';

export { SINOMAN_ADMIN_EMAIL };

const ADMIN_LOGIN: DemoLogin = { role: 'admin', email: SINOMAN_ADMIN_EMAIL, password: null };

/** Demo tenant `sinoman` (koperasi-sinoman, IDR, Asia/Jakarta): created once, then left alone. */
export async function seedSinomanDemo(
  orm: Orm,
  services: Services,
  adminPassword: string,
): Promise<SeededTenant> {
  const existing = await systemEm(orm).findOne(Tenant, { slug: 'sinoman' });
  const logins = [ADMIN_LOGIN, ...SINOMAN_MEMBER_LOGINS];
  if (existing) {
    const scope: Scope = {
      em: tenantEm(orm, existing.id),
      tenant: toTenantRecord(existing),
      now: new Date(),
    };
    // a tenant seeded before some demo login existed lists only the ones it has
    return {
      slug: 'sinoman',
      created: false,
      rootMemberId: null,
      logins: await existingLogins(services, scope, logins),
    };
  }
  const { tenant } = await services.tenantProvisioning.create({
    profile: 'koperasi-sinoman',
    slug: 'sinoman',
    name: 'Koperasi Sinoman',
    currency: 'IDR',
    timeZone: 'Asia/Jakarta',
    admin: { email: SINOMAN_ADMIN_EMAIL, name: 'Sinoman Admin', password: adminPassword },
  });
  // demo data only: the tenant, its admin and its savings products come from the platform's own path above
  const scope: Scope = { em: tenantEm(orm, tenant.id), tenant, now: new Date() };
  const memberAccountIds = await seedSinomanMembers(services, scope);
  await seedSinomanSavingsHistory(services, scope, memberAccountIds);
  await seedSinomanFitChallenge(services, scope);
  return { slug: 'sinoman', created: true, rootMemberId: null, logins };
}
