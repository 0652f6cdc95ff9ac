import { formatDtehmMemberId } from '@komisi/domain';
import { Category } from '../../../contexts/catalog/category.entity.ts';
import { Product } from '../../../contexts/catalog/product.entity.ts';
import { Member } from '../../../contexts/network/member.entity.ts';
import { Tenant } from '../../../contexts/tenancy/tenant.entity.ts';
import { toTenantRecord } from '../../../contexts/tenancy/tenant.service.ts';
import { type Orm, systemEm, tenantEm } from '../../../kernel/database.ts';
import type { Services } from '../../services.ts';
import { type DemoLogin, existingLogins, type SeededTenant } from './demo-login.ts';
import { DTEHM_DEMO_MEMBER_LOGINS, seedDtehmDemoDownline } from './dtehm/demo-downline.seed.ts';

const ROOT_MEMBER_EMAIL = 'root@dtehm.demo';

function dtehmLogins(rootMemberId: string): DemoLogin[] {
  return [
    { role: 'admin', email: 'admin@dtehm.demo', password: null },
    {
      role: 'member',
      email: ROOT_MEMBER_EMAIL,
      password: null,
      note: `root member ${rootMemberId}, stockist`,
    },
    ...DTEHM_DEMO_MEMBER_LOGINS,
  ];
}

const CATALOG: { category: string; description: string; products: [string, string, number, number][] }[] = [
  {
    category: 'Health Supplements',
    description: 'Vitamins, minerals and herbal supplements',
    products: [
      ['Moringa Capsules 60s', 'Organic moringa leaf powder in vegetarian capsules.', 45_000, 120],
      ['Vitamin C 1000mg', 'High-strength vitamin C with rose hips, 30 effervescent tablets.', 28_000, 200],
      ['Omega-3 Fish Oil', 'Purified fish oil, 90 softgels.', 65_000, 80],
    ],
  },
  {
    category: 'Personal Care',
    description: 'Soaps, lotions and oral care',
    products: [
      ['Aloe Vera Body Lotion', 'Soothing lotion with 40% aloe vera gel, 400ml.', 32_000, 150],
      ['Herbal Toothpaste', 'Fluoride-free toothpaste with neem and clove, 150g.', 12_000, 300],
    ],
  },
  {
    category: 'Electronics',
    description: 'Electronic devices and accessories',
    products: [
      ['Premium Laptop', 'High-performance laptop, 16GB RAM, 512GB SSD.', 850_000, 50],
      ['Laptop Bag', 'Water-resistant 15.6" laptop bag.', 45_000, 75],
      ['Solar Power Bank 20000mAh', 'Dual-USB power bank with solar panel.', 95_000, 60],
    ],
  },
];

/** Demo tenant `dtehm`: created once, then left alone (safe to run at every start). */
export async function seedDtehmDemo(
  orm: Orm,
  services: Services,
  adminPassword: string,
): Promise<SeededTenant> {
  const sys = systemEm(orm);
  const tenant = await sys.findOne(Tenant, { slug: 'dtehm' });
  const year = new Date().getUTCFullYear();
  if (tenant) {
    const scope = { em: tenantEm(orm, tenant.id), tenant: toTenantRecord(tenant), now: new Date() };
    const root = await scope.em.findOne(Member, { sponsor: null, dtehmMemberId: { $ne: null } });
    const rootMemberId = root?.dtehmMemberId ?? formatDtehmMemberId(year, 1);
    // a tenant seeded before some demo login existed lists only the ones it has
    const logins = await existingLogins(services, scope, dtehmLogins(rootMemberId));
    return { slug: 'dtehm', created: false, rootMemberId, logins };
  }
  const created = await services.tenantProvisioning.create({
    profile: 'dtehm-mobile',
    slug: 'dtehm',
    name: 'DTEHM Demo',
    currency: 'UGX',
    timeZone: 'Africa/Kampala',
    admin: { email: 'admin@dtehm.demo', name: 'DTEHM Admin', password: adminPassword },
    rootMember: {
      email: ROOT_MEMBER_EMAIL,
      name: 'DTEHM Root Member',
      phone: '+256700000001',
      address: 'Kampala, Uganda',
    },
  });
  const record = created.tenant;
  const em = tenantEm(orm, record.id);
  // demo data only: the tenant, its admin and root member come from the platform's own path above
  await em.transactional(async (tx) => {
    const scope = { em: tx, tenant: record, now: new Date() };
    for (const group of CATALOG) {
      const category = tx.create(Category, {
        tenant: record.id,
        name: group.category,
        description: group.description,
        createdAt: scope.now,
      });
      await tx.flush();
      for (const [name, description, price, stock] of group.products) {
        tx.create(Product, {
          tenant: record.id,
          category: category.id,
          name,
          description,
          specifications: null,
          price,
          featurePhoto: `https://picsum.photos/seed/${encodeURIComponent(name)}/600/400`,
          images: [`https://picsum.photos/seed/${encodeURIComponent(name)}-2/600/400`],
          stockQuantity: stock,
          createdAt: scope.now,
        });
      }
    }
    await tx.flush();
  });
  const root = await em.findOneOrFail(Member, { sponsor: null, dtehmMemberId: { $ne: null } });
  await seedDtehmDemoDownline(services, { em, tenant: record, now: new Date() }, root.account);
  return {
    slug: 'dtehm',
    created: true,
    rootMemberId: root.dtehmMemberId!,
    logins: dtehmLogins(root.dtehmMemberId!),
  };
}
