// Cost curves: the list scenarios (products, shop-products, network) at several data sizes.
// Each product size lives in its own tenant (a copy of dtehm or ansania), each network size under
// its own root in dtehm; a size equal to the main setting (BENCH_PRODUCTS, BENCH_SHOP_PRODUCTS,
// BENCH_DESCENDANTS) is the main tenant's or root's data. Sizes are generated only when absent, so
// BENCH_REUSE_DB=1 keeps them.
import type pg from 'pg';
import { login, NETWORK_ROOT_EMAIL, registerMember } from './bench-users.ts';
import { generateNetwork } from './generate-network.ts';
import { generateProducts } from './generate-products.ts';
import { generateShop } from './generate-shop.ts';
import { timed } from './pg.ts';
import { settings } from './settings.ts';

/** 10000 → 10k, 1000000 → 1m, 2500 → 2500 */
export function sizeLabel(n: number): string {
  if (n >= 1_000_000 && n % 1_000_000 === 0) return `${n / 1_000_000}m`;
  if (n >= 1_000 && n % 1_000 === 0) return `${n / 1_000}k`;
  return String(n);
}

/** the tenant of a product-list size (the main tenant at the main size) */
export const productTierSlug = (size: number) =>
  size === settings.products ? settings.tenantSlug : `${settings.tenantSlug}-size-${sizeLabel(size)}`;
export const shopTierSlug = (size: number) =>
  size === settings.shopProducts
    ? settings.shopTenantSlug
    : `${settings.shopTenantSlug}-size-${sizeLabel(size)}`;
const networkRootEmail = (size: number) =>
  size === settings.descendants ? NETWORK_ROOT_EMAIL : `network-root-${sizeLabel(size)}@bench.komisi.test`;

export interface CatalogTier {
  size: number;
  slug: string;
  tenantId: number;
  /** products the tenant holds */
  products: number;
}

export interface NetworkTier {
  size: number;
  accountId: number;
  token: string;
  descendants: number;
  levels: number;
}

export interface SizeTiers {
  products: CatalogTier[];
  shopProducts: CatalogTier[];
  network: NetworkTier[];
}

type App = Parameters<typeof registerMember>[0];

/** A tenant like `template` (profile, currency, settings) under another slug; made when absent. */
async function tenantLike(c: pg.Client, template: string, slug: string): Promise<number> {
  const { rows } = await c.query<{ id: number }>(
    `insert into tenant (slug, name, profile, currency, time_zone, hosts, settings, created_at)
     select $2::text, name || ' (' || $2::text || ')', profile, currency, time_zone, '[]', settings, now()
     from tenant where slug = $1
     on conflict (slug) do update set slug = excluded.slug
     returning id`,
    [template, slug],
  );
  if (!rows[0]) throw new Error(`tenant ${template} is missing (demo seed)`);
  return rows[0].id;
}

const countProducts = async (c: pg.Client, tenantId: number) =>
  (await c.query<{ n: number }>('select count(*)::int n from product where tenant_id = $1', [tenantId]))
    .rows[0]!.n;

async function catalogTiers(
  c: pg.Client,
  sizes: number[],
  template: string,
  slugOf: (size: number) => string,
  generate: (tenantId: number, size: number) => Promise<void>,
  what: string,
): Promise<CatalogTier[]> {
  const out: CatalogTier[] = [];
  for (const size of sizes) {
    const slug = slugOf(size);
    const tenantId = await tenantLike(c, template, slug);
    let products = await countProducts(c, tenantId);
    if (products < size / 2) {
      await timed(`${size.toLocaleString('en')} ${what} in tenant ${slug}`, async () => {
        await generate(tenantId, size);
        await c.query('vacuum analyze product');
      });
      products = await countProducts(c, tenantId);
    }
    out.push({ size, slug, tenantId, products });
  }
  return out;
}

/** Every size of the three families; each missing one is generated (the main ones are already). */
export async function prepareSizeTiers(
  c: pg.Client,
  app: App,
  dtehm: { tenantId: number; passwordHash: string },
): Promise<SizeTiers> {
  const products = await catalogTiers(
    c,
    settings.sizes.products,
    settings.tenantSlug,
    productTierSlug,
    (tenantId, size) => generateProducts(c, tenantId, size),
    'dtehm products',
  );
  const shopProducts = await catalogTiers(
    c,
    settings.sizes.shopProducts,
    settings.shopTenantSlug,
    shopTierSlug,
    (tenantId, size) => generateShop(c, tenantId, size),
    'ansania products with variants and images',
  );
  const network: NetworkTier[] = [];
  for (const [i, size] of settings.sizes.network.entries()) {
    const email = networkRootEmail(size);
    const { rows } = await c.query<{ id: number }>(
      'select id from account where tenant_id = $1 and email = $2',
      [dtehm.tenantId, email],
    );
    let accountId = rows[0]?.id;
    if (accountId === undefined)
      accountId = await registerMember(app, {
        email,
        name: `Network Root ${sizeLabel(size)}`,
        phone: `+2567008000${String(i).padStart(2, '0')}`,
      });
    const root = accountId;
    const { rows: have } = await c.query<{ n: number }>(
      'select count(*)::int n from network_link where ancestor_id = $1',
      [root],
    );
    if (have[0]!.n < size / 2)
      await timed(`${size.toLocaleString('en')} descendants under network root ${email}`, async () => {
        await generateNetwork(c, dtehm.tenantId, root, dtehm.passwordHash, size);
        await c.query('vacuum analyze account, network_member, network_link, network_level_count');
      });
    const { rows: stats } = await c.query<{ n: number; levels: number }>(
      'select count(*)::int n, coalesce(max(depth), 0)::int levels from network_link where ancestor_id = $1',
      [accountId],
    );
    network.push({
      size,
      accountId,
      token: await login(app, email),
      descendants: stats[0]!.n,
      levels: stats[0]!.levels,
    });
  }
  return { products, shopProducts, network };
}
