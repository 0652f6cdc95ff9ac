// Test fixtures for the referral-link affiliate programme (integration and PGlite tests only).
import { createOrm, migrate } from '../../composition/db/orm.ts';
import { createServices, type Services } from '../../composition/services.ts';
import { Tenant } from '../../contexts/tenancy/tenant.entity.ts';
import { toTenantRecord } from '../../contexts/tenancy/tenant.service.ts';
import { type Orm, systemEm, tenantEm } from '../../kernel/database.ts';
import type { Scope } from '../../kernel/scope.ts';
import type { TenantRecord, TenantSettings } from '../../kernel/tenant-record.ts';

export interface ProgrammeWorld {
  orm: Orm;
  services: Services;
  tenant: TenantRecord;
  scope(now?: Date): Scope;
}

/** An ORM on `databaseUrl` (PostgreSQL) or an in-memory PGlite, migrated, with one qutab-style tenant. */
export async function programmeWorld(
  target: { databaseUrl?: string },
  slug = 'qutab',
  settings: TenantSettings = {},
): Promise<ProgrammeWorld> {
  const orm = await createOrm(
    target.databaseUrl ? { databaseUrl: target.databaseUrl, poolMax: 30 } : { pgliteDir: 'memory://' },
  );
  await migrate(orm); // a no-op on a test database cloned from the migrated template
  const services = createServices(orm, {
    jwtSecret: 'test-secret-test-secret-test-secret-0123456789',
    accessTokenTtlSeconds: 900,
    refreshTokenTtlSeconds: 86_400,
    publicBaseUrl: () => 'http://komisi.test',
  });
  const tenant = await addTenant(orm, slug, settings);
  return {
    orm,
    services,
    tenant,
    scope: (now = new Date()) => ({ em: tenantEm(orm, tenant.id), tenant, now }),
  };
}

export async function addTenant(
  orm: Orm,
  slug: string,
  settings: TenantSettings = {},
): Promise<TenantRecord> {
  const sys = systemEm(orm);
  const tenant = sys.create(Tenant, {
    slug,
    name: `Tenant ${slug}`,
    profile: 'qutab-platform',
    currency: 'IDR',
    timeZone: 'Asia/Jakarta',
    hosts: [],
    settings,
    createdAt: new Date(),
  });
  await sys.flush();
  return toTenantRecord(tenant);
}

let counter = 0;
export const uniqueEmail = (prefix = 'user') => `${prefix}.${Date.now()}.${++counter}@example.com`;

/** An account without the cost of hashing a password (argon2): for customers and admins in tests. */
export async function quickAccount(
  scope: Scope,
  options: { email?: string; phone?: string | null; roles?: string[] } = {},
): Promise<{ id: number; email: string; phone: string | null }> {
  const email = options.email ?? uniqueEmail('customer');
  const [row] = await scope.em.execute<{ id: number }[]>(
    `insert into account (tenant_id, email, name, phone, password_hash, roles, created_at)
     values (?, ?, 'Test Customer', ?, 'x', ?, ?) returning id`,
    [
      scope.tenant.id,
      email,
      options.phone ?? null,
      `{${(options.roles ?? ['member']).join(',')}}`,
      scope.now,
    ],
  );
  return { id: row!.id, email, phone: options.phone ?? null };
}

/** `count` unpaid orders of `accountId` for `total` each; their ids in order. */
export async function quickOrders(
  scope: Scope,
  accountId: number,
  total: number,
  count = 1,
): Promise<number[]> {
  const rows = await scope.em.execute<{ id: number }[]>(
    `insert into customer_order (tenant_id, account_id, status, total_amount, currency, payment_method, customer_name, created_at)
     select ?, ?, 'pending_payment', ?, 'IDR', 'va', 'Test Customer', ? from generate_series(1, ?)
     returning id`,
    [scope.tenant.id, accountId, total, scope.now, count],
  );
  return rows.map((r) => r.id).sort((a, b) => a - b);
}

export const application = (email: string, password = 'password123') => ({
  firstName: 'Darmawan',
  lastName: 'Putra',
  email,
  password,
  whatsapp: '+62 812-0000-0000',
  city: 'Bandung',
  instagram: '@darmawan',
  tiktok: '',
  primaryPlatform: 'instagram' as const,
  reason: 'I share qurban tips with my followers.',
});

/** Applies and approves: an affiliate ready to earn (rate: the programme default unless given). */
export async function approvedAffiliate(
  world: ProgrammeWorld,
  options: { email?: string; whatsapp?: string; commissionRateBps?: number } = {},
): Promise<{ id: number; accountId: number; code: string; email: string }> {
  const scope = world.scope();
  const email = options.email ?? uniqueEmail('affiliate');
  const admin = await quickAccount(scope, { roles: ['admin'] });
  const applied = await world.services.affiliateApplications.apply(scope, {
    ...application(email),
    ...(options.whatsapp && { whatsapp: options.whatsapp }),
  });
  const approved = await world.services.affiliateApplications.approve(
    world.scope(),
    applied.affiliate.id,
    admin.id,
    options.commissionRateBps === undefined ? {} : { commissionRateBps: options.commissionRateBps },
  );
  return { id: approved.id, accountId: approved.account, code: approved.code!, email };
}
