// Test data for the referral-link int tests: a database, tenants, affiliates, orders, referrals.
import { randomBytes } from 'node:crypto';
import { createOrm } from '../../composition/db/orm.ts';
import { createServices, type Services } from '../../composition/services.ts';
import type { ReferralStatus } from '../../contexts/referral-affiliates/commissions/affiliate-referral.entity.ts';
import { Tenant } from '../../contexts/tenancy/tenant.entity.ts';
import { toTenantRecord } from '../../contexts/tenancy/tenant.service.ts';
import { type Orm, systemEm, tenantEm } from '../../kernel/database.ts';
import type { Scope } from '../../kernel/scope.ts';
import type { TenantRecord, TenantSettings } from '../../kernel/tenant-record.ts';
import { createTestDatabase, type TestDatabase } from '../test-database.ts';

export const TEST_SECRET = 'test-secret-test-secret-test-secret-0123456789';

export interface ReferralFixture {
  db: TestDatabase;
  orm: Orm;
  services: Services;
  tenant(options?: { timeZone?: string; settings?: TenantSettings; hosts?: string[] }): Promise<TenantRecord>;
  scope(tenant: TenantRecord, now?: Date): Scope;
  /** an account and its affiliate row (approved with `code` unless told otherwise) */
  affiliate(
    tenant: TenantRecord,
    options?: { code?: string | null; status?: 'pending' | 'approved' | 'rejected' },
  ): Promise<{ id: number; accountId: number }>;
  /** a customer account with one order; returns both ids */
  order(tenant: TenantRecord, orderedAt: Date): Promise<{ orderId: number; customerId: number }>;
  referral(
    tenant: TenantRecord,
    affiliateId: number,
    r: { status: ReferralStatus; commission: number; orderedAt: Date; confirmedAt?: Date | null },
  ): Promise<{ id: number; orderId: number }>;
  close(): Promise<void>;
}

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(++counter).toString(36)}${randomBytes(2).toString('hex')}`;

export async function referralFixture(): Promise<ReferralFixture> {
  const db = await createTestDatabase();
  const orm = await createOrm({ databaseUrl: db.url, poolMax: 5 });
  const services = createServices(orm, {
    jwtSecret: TEST_SECRET,
    accessTokenTtlSeconds: 900,
    refreshTokenTtlSeconds: 86_400,
    publicBaseUrl: () => 'http://komisi.test',
  });
  const scope = (tenant: TenantRecord, now = new Date()): Scope => ({
    em: tenantEm(orm, tenant.id),
    tenant,
    now,
  });
  const account = async (tenant: TenantRecord, name: string) =>
    (
      await services.identity.createAccount(scope(tenant), {
        email: `${name}.${unique()}@example.com`,
        password: 'password123',
        name,
      })
    ).id;

  const fixture: ReferralFixture = {
    db,
    orm,
    services,
    scope,
    async tenant(options = {}) {
      const sys = systemEm(orm);
      const t = sys.create(Tenant, {
        slug: `ref-${unique()}`,
        name: 'Referral Test',
        profile: 'qutab-platform',
        currency: 'IDR',
        timeZone: options.timeZone ?? 'Asia/Jakarta',
        hosts: options.hosts ?? [],
        settings: options.settings ?? {},
        createdAt: new Date(),
      });
      await sys.flush();
      return toTenantRecord(t);
    },
    async affiliate(tenant, options = {}) {
      const accountId = await account(tenant, 'Affiliate');
      const status = options.status ?? 'approved';
      const code =
        options.code === undefined ? randomBytes(8).toString('base64url').slice(0, 7) : options.code;
      const [row] = await systemEm(orm).execute<{ id: number }[]>(
        `insert into affiliate (tenant_id, account_id, status, code, first_name, last_name, whatsapp, city,
           primary_platform, reason, approved_at, created_at)
         values (?, ?, ?, ?, 'Dar', 'Mawan', '081200000000', 'Jakarta', 'instagram', 'test', ?, now())
         returning id`,
        [tenant.id, accountId, status, code, status === 'approved' ? new Date() : null],
      );
      return { id: row!.id, accountId };
    },
    async order(tenant, orderedAt) {
      const customerId = await account(tenant, 'Customer');
      const [row] = await systemEm(orm).execute<{ id: number }[]>(
        `insert into customer_order (tenant_id, account_id, total_amount, currency, payment_method, customer_name, created_at)
         values (?, ?, 1000000, 'IDR', 'va', 'Customer', ?) returning id`,
        [tenant.id, customerId, orderedAt],
      );
      return { orderId: row!.id, customerId };
    },
    async referral(tenant, affiliateId, r) {
      const { orderId, customerId } = await fixture.order(tenant, r.orderedAt);
      const [row] = await systemEm(orm).execute<{ id: number }[]>(
        `insert into affiliate_referral (tenant_id, affiliate_id, order_id, customer_account_id, source, status,
           order_value, commission_rate_bps, commission, ordered_at, confirmed_at, created_at)
         values (?, ?, ?, ?, 'link', ?, ?, 1000, ?, ?, ?, ?) returning id`,
        [
          tenant.id,
          affiliateId,
          orderId,
          customerId,
          r.status,
          r.commission * 10,
          r.commission,
          r.orderedAt,
          r.confirmedAt ?? null,
          r.orderedAt,
        ],
      );
      return { id: row!.id, orderId };
    },
    async close() {
      await orm.close();
      await db.drop();
    },
  };
  return fixture;
}
