import { Product } from '../../../contexts/catalog/product.entity.ts';
import { ProductVariant } from '../../../contexts/catalog/product-variant.entity.ts';
import { Voucher } from '../../../contexts/commerce/vouchers/voucher.entity.ts';
import { Tenant } from '../../../contexts/tenancy/tenant.entity.ts';
import { type Orm, systemEm, tenantEm } from '../../../kernel/database.ts';
import type { Scope } from '../../../kernel/scope.ts';
import type { Services } from '../../services.ts';
import type { DemoLogin, SeededTenant } from './demo-login.ts';

/** The demo affiliate (approved): sign in at /api/affiliate/auth/login; coupon DARMAWAN10. */
export const QUTAB_DEMO_AFFILIATE = {
  email: 'darmawan@qutab.demo',
  password: 'Affiliate123!',
  couponCode: 'DARMAWAN10',
};

/** A customer to try orders with. */
export const QUTAB_DEMO_CUSTOMER = { email: 'customer@qutab.demo', password: 'Customer123!' };

/** The qurban catalogue: each animal (or cattle share) is one product sold through one variant. */
export const QUTAB_PRODUCTS = [
  { sku: 'KAMBING-A', name: 'Kambing Tipe A (23–25 kg)', price: 2_750_000, stock: 120, weightKg: 24 },
  { sku: 'KAMBING-B', name: 'Kambing Tipe B (26–29 kg)', price: 3_250_000, stock: 80, weightKg: 27 },
  { sku: 'DOMBA-A', name: 'Domba Tipe A (23–25 kg)', price: 2_600_000, stock: 90, weightKg: 24 },
  { sku: 'DOMBA-B', name: 'Domba Tipe B (26–29 kg)', price: 3_100_000, stock: 60, weightKg: 27 },
  { sku: 'SAPI-A', name: 'Sapi Tipe A (250–280 kg)', price: 21_500_000, stock: 15, weightKg: 265 },
  { sku: 'SAPI-B', name: 'Sapi Tipe B (300–350 kg)', price: 26_000_000, stock: 10, weightKg: 325 },
  // a seventh of a cow: seven shareholders make one cattle qurban, so stock counts shares
  { sku: 'SAPI-1-7', name: 'Patungan Sapi 1/7', price: 3_350_000, stock: 140, weightKg: 40 },
] as const;

const QUTAB_ADMIN_EMAIL = 'admin@qutab.demo';

const QUTAB_LOGINS: DemoLogin[] = [
  { role: 'admin', email: QUTAB_ADMIN_EMAIL, password: null },
  { role: 'customer', ...QUTAB_DEMO_CUSTOMER },
  {
    role: 'affiliate',
    email: QUTAB_DEMO_AFFILIATE.email,
    password: QUTAB_DEMO_AFFILIATE.password,
    note: `approved, coupon ${QUTAB_DEMO_AFFILIATE.couponCode}`,
  },
];

/** Demo tenant `qutab` (IDR, Asia/Jakarta): created once, then left alone. */
export async function seedQutabDemo(
  orm: Orm,
  services: Services,
  adminPassword: string,
): Promise<SeededTenant> {
  const sys = systemEm(orm);
  const existing = await sys.findOne(Tenant, { slug: 'qutab' });
  const seeded = { slug: 'qutab', rootMemberId: null, logins: QUTAB_LOGINS };
  if (existing) return { ...seeded, created: false };
  const created = await services.tenantProvisioning.create({
    profile: 'qutab-platform',
    slug: 'qutab',
    name: 'Qutab',
    currency: 'IDR',
    timeZone: 'Asia/Jakarta',
    admin: { email: QUTAB_ADMIN_EMAIL, name: 'Qutab Admin', password: adminPassword },
  });
  const record = created.tenant;
  const tenant = { id: record.id };
  // demo data only: the tenant and its admin come from the platform's own path above
  const adminAccount = await tenantEm(orm, tenant.id).transactional(async (tx) => {
    const scope: Scope = { em: tx, tenant: record, now: new Date() };
    const adminId = await services.identity.accountIdByEmail(scope, QUTAB_ADMIN_EMAIL);
    await services.identity.createAccount(scope, {
      email: QUTAB_DEMO_CUSTOMER.email,
      password: QUTAB_DEMO_CUSTOMER.password,
      name: 'Ahmad Fauzi',
      phone: '081234567890',
    });
    await seedQurbanProducts(scope);
    await seedProgrammeContent(services, scope);
    return { id: adminId! };
  });
  await services.tenants.updateSetting(tenant.id, 'affiliateSupport', {
    whatsapp: '+6281100002222',
    email: 'affiliate@qutab.demo',
    responseTime: 'Dalam 1×24 jam kerja',
  });
  const scope: Scope = { em: tenantEm(orm, tenant.id), tenant: record, now: new Date() };
  const { affiliate, account } = await services.affiliateApplications.apply(scope, {
    firstName: 'Darmawan',
    lastName: 'Putra',
    email: QUTAB_DEMO_AFFILIATE.email,
    password: QUTAB_DEMO_AFFILIATE.password,
    whatsapp: '081298765432',
    city: 'Bandung',
    instagram: '@darmawan.qurban',
    primaryPlatform: 'instagram',
    reason: 'Saya aktif berbagi info qurban dan sedekah kepada komunitas pengajian saya.',
  });
  await services.affiliateApplications.approve(scope, affiliate.id, adminAccount.id);
  await scope.em.transactional(async (tx) => {
    const day = 86_400_000;
    tx.create(Voucher, {
      tenant: tenant.id,
      code: QUTAB_DEMO_AFFILIATE.couponCode,
      name: 'Diskon 10% dari Darmawan',
      description: 'Kupon affiliate: potongan 10% (maks. Rp 500.000)',
      discountType: 'percentage',
      discountValue: 1000,
      maxDiscountAmount: 500_000,
      minPurchaseAmount: 0,
      startsAt: new Date(Date.now() - day),
      endsAt: new Date(Date.now() + 365 * day),
      usageLimit: 100,
      perCustomerLimit: 1,
      active: true,
      isPublic: false,
      affiliate: account.id,
      createdAt: new Date(),
    });
  });
  return { ...seeded, created: true };
}

async function seedQurbanProducts(scope: Scope): Promise<void> {
  for (const item of QUTAB_PRODUCTS) {
    const product = scope.em.create(Product, {
      tenant: scope.tenant.id,
      name: item.name,
      description: `Hewan qurban sehat, cukup umur dan bersertifikat; berat hidup sekitar ${item.weightKg} kg.`,
      price: item.price,
      images: [],
      stockQuantity: item.stock,
      weightGrams: item.weightKg * 1000,
      createdAt: scope.now,
    });
    await scope.em.flush();
    scope.em.create(ProductVariant, {
      tenant: scope.tenant.id,
      product: product.id,
      sku: item.sku,
      price: item.price,
      stock: item.stock,
      isVisible: true,
    });
  }
  await scope.em.flush();
}

/** Banners, social graphics and FAQ entries the admins would publish. */
async function seedProgrammeContent(services: Services, scope: Scope): Promise<void> {
  const image = (name: string, size: string) => `https://cdn.qutab.demo/materials/${name}-${size}.png`;
  for (const [i, size] of ['728x90', '300x250', '1200x628'].entries()) {
    await services.programContent.create(scope, {
      kind: 'banner',
      title: `Banner Qurban 1447 H (${size})`,
      imageUrl: image('banner-qurban', size),
      size,
      position: i,
    });
  }
  for (const [i, platform] of ['instagram', 'whatsapp'].entries()) {
    await services.programContent.create(scope, {
      kind: 'social_graphic',
      title: `Poster qurban untuk ${platform}`,
      body: 'Qurban mudah dan amanah bersama Qutab. Klik link di bio!',
      category: platform,
      imageUrl: image(`social-${platform}`, '1080x1080'),
      size: '1080x1080',
      position: i,
    });
  }
  const faq: [string, string, string][] = [
    [
      'Kapan komisi saya bisa dicairkan?',
      'Komisi tersedia 30 hari setelah pembayaran pesanan dikonfirmasi.',
      'Komisi',
    ],
    [
      'Berapa minimal pencairan?',
      'Minimal pencairan Rp 100.000 ke rekening yang sudah terverifikasi.',
      'Pencairan',
    ],
    [
      'Apakah saya dapat komisi dari pesanan sendiri?',
      'Tidak. Pesanan dari akun, email atau nomor Anda sendiri tidak mendapat komisi.',
      'Komisi',
    ],
  ];
  for (const [i, [question, answer, category]] of faq.entries()) {
    await services.programContent.create(scope, {
      kind: 'faq',
      title: question,
      body: answer,
      category,
      position: i,
    });
  }
}
