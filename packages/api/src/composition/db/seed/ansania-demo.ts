import { Tenant } from '../../../contexts/tenancy/tenant.entity.ts';
import { type Orm, systemEm, tenantEm } from '../../../kernel/database.ts';
import type { Services } from '../../services.ts';
import { seedAnsaniaCatalog } from './ansania/catalog.seed.ts';
import { seedAnsaniaVouchers } from './ansania/vouchers.seed.ts';
import type { DemoLogin, SeededTenant } from './demo-login.ts';

/** The spec's test user. */
export const ANSANIA_TEST_USER = { email: 'test@example.com', password: 'TestPass123!' };

/** The demo voucher-code affiliate (affiliate-marketer profile): DARMAWAN10 = 10% off, 5% commission. */
export const ANSANIA_DEMO_AFFILIATE = {
  email: 'darmawan@ansania.demo',
  password: 'AffiliatePass123!',
  voucherCode: 'DARMAWAN10',
};

const ANSANIA_ADMIN_EMAIL = 'admin@ansania.demo';

const ANSANIA_LOGINS: DemoLogin[] = [
  { role: 'admin', email: ANSANIA_ADMIN_EMAIL, password: null },
  { role: 'customer', ...ANSANIA_TEST_USER },
  {
    role: 'affiliate',
    email: ANSANIA_DEMO_AFFILIATE.email,
    password: ANSANIA_DEMO_AFFILIATE.password,
    note: `voucher ${ANSANIA_DEMO_AFFILIATE.voucherCode}, affiliate-marketer paths`,
  },
];

/** Demo tenant `ansania` (IDR, Asia/Jakarta): created once, then left alone. */
export async function seedAnsaniaDemo(
  orm: Orm,
  services: Services,
  adminPassword: string,
): Promise<SeededTenant> {
  const sys = systemEm(orm);
  const existing = await sys.findOne(Tenant, { slug: 'ansania' });
  const seeded = { slug: 'ansania', rootMemberId: null, logins: ANSANIA_LOGINS };
  if (existing) return { ...seeded, created: false };
  const created = await services.tenantProvisioning.create({
    profile: 'ansania-ecommerce',
    slug: 'ansania',
    name: 'Ansania Furniture',
    currency: 'IDR',
    timeZone: 'Asia/Jakarta',
    admin: { email: ANSANIA_ADMIN_EMAIL, name: 'Ansania Admin', password: adminPassword },
  });
  const record = created.tenant;
  // demo data only: the tenant and its admin come from the platform's own path above
  await tenantEm(orm, record.id).transactional(async (tx) => {
    const scope = { em: tx, tenant: record, now: new Date() };
    const user = await services.identity.createAccount(scope, {
      email: ANSANIA_TEST_USER.email,
      password: ANSANIA_TEST_USER.password,
      name: 'John Doe',
      phone: '+628123456789',
    });
    user.emailVerifiedAt = scope.now;
    await services.addresses.create(scope, user.id, {
      label: 'Home',
      recipientName: 'John Doe',
      phone: '+628123456789',
      addressLine1: 'Jl. Example No. 123',
      city: 'Jakarta Selatan',
      district: 'Kebayoran Baru',
      province: 'DKI Jakarta',
      postalCode: '12345',
      isDefault: true,
    });
    await seedAnsaniaCatalog(scope);
    await seedAnsaniaVouchers(scope);
    await services.affiliates.create(scope, {
      name: 'Darmawan',
      email: ANSANIA_DEMO_AFFILIATE.email,
      password: ANSANIA_DEMO_AFFILIATE.password,
      voucherCode: ANSANIA_DEMO_AFFILIATE.voucherCode,
      discountBps: 1000,
      commissionBps: 500,
    });
  });
  return { ...seeded, created: true };
}
