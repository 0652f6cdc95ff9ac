import type pg from 'pg';
import { buyerEmail, login, NETWORK_ROOT_EMAIL, registerMember } from './bench-users.ts';
import { databaseExists, recreateDatabase, startSetupPlatform } from './database.ts';
import { generateChain } from './generate-chain.ts';
import { type KoperasiFixture, koperasiSlug, prepareKoperasi } from './generate-koperasi.ts';
import { prepareDeposits } from './generate-koperasi-deposits.ts';
import { prepareSavers } from './generate-koperasi-savers.ts';
import { generateNetwork } from './generate-network.ts';
import { generateOrders } from './generate-orders.ts';
import { generateProducts } from './generate-products.ts';
import { prepareReferrals, type ReferralFixture } from './generate-referrals.ts';
import {
  type CheckoutCustomer,
  checkoutCustomers,
  generateShop,
  type PendingShopOrder,
  pendingShopOrders,
} from './generate-shop.ts';
import type { BenchCooperative } from './koperasi-scenarios.ts';
import { timed, withClient } from './pg.ts';
import { settings } from './settings.ts';
import { prepareSizeTiers, type SizeTiers } from './size-tiers.ts';

export interface BenchUser {
  accountId: number;
  token: string;
}

/** What the scenarios need to know about the generated data. */
export interface Fixture {
  tenantId: number;
  networkRoot: BenchUser & { descendants: number; levels: number };
  /** members sponsored by the bottom of the 10-level chain */
  buyers: BenchUser[];
  sponsorMemberId: string;
  stockistMemberId: string;
  /** products the commission preview cycles through */
  productIds: number[];
  /** orders awaiting confirmation, oldest first, with their buyer's token; runs consume from the front */
  pendingOrders: { id: number; token: string }[];
  shop: ShopFixture;
  /** qutab: one affiliate with a million clicks and 100,000 referred orders */
  referral: ReferralFixture;
  /** koperasi-sinoman: two cooperatives of 100,000 members, 1M and 10M savings transactions */
  koperasi: KoperasiFixture[];
  /** the larger cooperative with its savers and pending deposits (admin list, history, deposit settlement) */
  cooperative: BenchCooperative;
  /** the cost-curve sizes of products, shop-products and network (size-tiers.ts) */
  sizes: SizeTiers;
}

/** The ansania storefront: catalog, cart customers and ready-to-check-out customers. */
export interface ShopFixture {
  tenantId: number;
  /** registered through the real /auth/register (logged in through /auth/login when reused) */
  cartCustomers: BenchUser[];
  /** visible variants with plenty of stock: cart-add and checkout carts use them */
  variantIds: number[];
  /** fresh for this run; each checkout request consumes one */
  checkouts: CheckoutCustomer[];
  /** fresh for this run: pending checkout orders; each checkout-settlement request pays one */
  pendingOrders: PendingShopOrder[];
  /** the sold count of the bench variants' products before the runs (the settlement check's baseline) */
  soldBefore: Map<number, number>;
}

const SHOP_PASSWORD = 'BenchShop123!';
const cartCustomerEmail = (n: number) => `cart-customer${n}@bench.komisi.test`;

async function shopCall(app: App, path: string, body: unknown): Promise<Record<string, unknown>> {
  const res = await app.request(`/t/${settings.shopTenantSlug}/api${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as { success?: boolean; data?: Record<string, unknown> };
  if (res.status >= 300 || !json.success || !json.data)
    throw new Error(`POST ${path} failed: ${res.status} ${JSON.stringify(json)}`);
  return json.data;
}

async function prepareShop(c: pg.Client, app: App): Promise<ShopFixture> {
  const { rows } = await c.query<{ id: number }>('select id from tenant where slug = $1', [
    settings.shopTenantSlug,
  ]);
  if (!rows[0]) throw new Error(`tenant ${settings.shopTenantSlug} is missing (demo seed)`);
  const tenantId = rows[0].id;
  const { rows: have } = await c.query<{ n: number }>(
    `select count(*)::int n from product where tenant_id = $1 and slug like '%-%-%-%'`,
    [tenantId],
  );
  if (have[0]!.n < settings.shopProducts / 2) {
    await timed(`${settings.shopProducts} ansania products with variants and images`, async () => {
      await generateShop(c, tenantId, settings.shopProducts);
      await c.query('analyze product, product_variant, product_image, product_category');
    });
  }
  // ten variants that never run out: cart-add grows lines of these, checkout carts hold them
  const { rows: variants } = await c.query<{ id: number }>(
    `update product_variant set stock = 10000000 where id in (
       select id from product_variant where tenant_id = $1 and sku like 'BSH-%' and is_visible order by id limit 10)
     returning id`,
    [tenantId],
  );
  const variantIds = variants.map((v) => v.id).sort((a, b) => a - b);
  const cartCustomers = await timed(
    `${settings.cartCustomers} ansania customers through /auth/register (or /auth/login)`,
    async () => {
      const out: BenchUser[] = [];
      for (let n = 1; n <= settings.cartCustomers; n++) {
        const email = cartCustomerEmail(n);
        const { rowCount } = await c.query('select 1 from account where tenant_id = $1 and email = $2', [
          tenantId,
          email,
        ]);
        const data =
          rowCount === 0
            ? await shopCall(app, '/auth/register', {
                email,
                password: SHOP_PASSWORD,
                full_name: `Cart Customer ${n}`,
                phone: `+62811${String(1000000 + n)}`,
              })
            : await shopCall(app, '/auth/login', { email, password: SHOP_PASSWORD });
        out.push({ accountId: (data.user as { id: number }).id, token: data.token as string });
      }
      return out;
    },
  );
  const hash = (
    await c.query<{ password_hash: string }>(
      `select password_hash from account where tenant_id = $1 and email = 'admin@ansania.demo'`,
      [tenantId],
    )
  ).rows[0]!.password_hash;
  const checkouts = await timed(`${settings.checkouts} ansania customers ready to check out`, () =>
    checkoutCustomers(c, tenantId, {
      n: settings.checkouts,
      hash,
      variantIds,
      secret: settings.jwtSecret,
      ttlSeconds: 86_400,
    }),
  );
  const pendingOrders = await timed(`${settings.checkouts} pending ansania orders to settle`, () =>
    pendingShopOrders(c, tenantId, {
      n: settings.checkouts,
      accountIds: cartCustomers.map((u) => u.accountId),
      variantIds,
    }),
  );
  // thousands of orders just written: without fresh statistics the planner may read an order by its
  // tenant's order-number index instead of its id (50 ms a lookup), as autovacuum would fix later
  await c.query(
    'analyze account, address, cart, cart_item, session, customer_order, order_item, payment, sandbox_charge',
  );
  const { rows: sold } = await c.query<{ id: number; sold_count: number }>(
    'select p.id, p.sold_count from product p where p.id in (select product_id from product_variant where id = any($1))',
    [variantIds],
  );
  const soldBefore = new Map(sold.map((p) => [p.id, p.sold_count]));
  return { tenantId, cartCustomers, variantIds, checkouts, pendingOrders, soldBefore };
}

type App = Awaited<ReturnType<typeof startSetupPlatform>>['app'];

/** Generated data in a fresh database: catalog, chain, buyers (through REST), network, orders. */
async function generate(c: pg.Client, app: App, tenantId: number): Promise<void> {
  // Bulk accounts share the seeded admin's argon2 hash (password: settings.password).
  const hash = (
    await c.query<{ password_hash: string }>(
      `select password_hash from account where tenant_id = $1 and email = 'admin@dtehm.demo'`,
      [tenantId],
    )
  ).rows[0]!.password_hash;
  await timed(`${settings.products} products in ${settings.categories} categories`, () =>
    generateProducts(c, tenantId, settings.products),
  );
  const chain = await timed('10-level chain of active members and a stockist', () =>
    generateChain(c, tenantId, hash),
  );
  const { rootId, buyerIds } = await timed(
    `network root and ${settings.buyers} buyers registered through REST`,
    async () => {
      const rootId = await registerMember(app, {
        email: NETWORK_ROOT_EMAIL,
        name: 'Network Root',
        phone: '+256700900001',
      });
      const buyerIds: number[] = [];
      for (let n = 1; n <= settings.buyers; n++) {
        buyerIds.push(
          await registerMember(app, {
            email: buyerEmail(n),
            name: `Bench Buyer ${n}`,
            phone: `+2567009${String(10000 + n)}`,
            sponsorMemberId: chain.sponsorMemberId,
          }),
        );
      }
      return { rootId, buyerIds };
    },
  );
  await timed(`${settings.descendants} descendants under the network root (closure rows included)`, () =>
    generateNetwork(c, tenantId, rootId, hash, settings.descendants),
  );
  await timed(`${settings.orders} pending orders with completed sandbox charges`, () =>
    generateOrders(
      c,
      tenantId,
      {
        buyerAccountIds: buyerIds,
        sponsorAccountId: chain.accountIds.at(-1)!,
        stockistAccountId: chain.stockistAccountId,
      },
      settings.orders,
    ),
  );
  await timed('vacuum analyze', () => c.query('vacuum analyze'));
}

/** Fresh database, migrations, seed and generated data (or the existing ones with BENCH_REUSE_DB=1). */
export async function prepare(): Promise<Fixture> {
  const reuse = settings.reuseDb && (await databaseExists());
  if (!reuse) await timed(`database ${settings.dbName} recreated`, recreateDatabase);
  const platform = await timed('platform started (migrations, demo seed)', startSetupPlatform);
  try {
    return await withClient(settings.databaseUrl, async (c) => {
      const { rows } = await c.query<{ id: number }>('select id from tenant where slug = $1', [
        settings.tenantSlug,
      ]);
      const tenantId = rows[0]!.id;
      if (!reuse) await generate(c, platform.app, tenantId);
      const fixture = await timed('fixture read, bench users logged in through REST', () =>
        readFixture(c, platform.app, tenantId),
      );
      const shop = await prepareShop(c, platform.app);
      const referral = await timed('qutab referral data (affiliate with 1M clicks, 100k referrals)', () =>
        prepareReferrals(c),
      );
      const koperasi: KoperasiFixture[] = [];
      for (const n of settings.koperasiTransactions)
        koperasi.push(
          await timed(`koperasi data (${n.toLocaleString('en')} savings transactions)`, () =>
            prepareKoperasi(c, koperasiSlug(n), n),
          ),
        );
      // ── cost curves: every size of the list scenarios, generated when absent
      const passwordHash = (
        await c.query<{ password_hash: string }>(
          `select password_hash from account where tenant_id = $1 and email = 'admin@dtehm.demo'`,
          [tenantId],
        )
      ).rows[0]!.password_hash;
      const sizes = await prepareSizeTiers(c, platform.app, { tenantId, passwordHash });
      // ──
      const larger = koperasi.at(-1)!;
      const savers = await prepareSavers(c, larger.tenantId);
      const deposits = await prepareDeposits(c, larger.tenantId);
      const members = (
        await c.query<{ n: number }>(
          'select count(*)::int as n from cooperative_member where tenant_id = $1',
          [larger.tenantId],
        )
      ).rows[0]!.n;
      return {
        ...fixture,
        shop,
        referral,
        koperasi,
        cooperative: { ...larger, members, savers, deposits },
        sizes,
      };
    });
  } finally {
    await platform.orm.close();
  }
}

async function readFixture(
  c: pg.Client,
  app: App,
  tenantId: number,
): Promise<Omit<Fixture, 'shop' | 'referral' | 'koperasi' | 'cooperative' | 'sizes'>> {
  const user = async (email: string): Promise<BenchUser> => {
    const { rows } = await c.query<{ id: number }>(
      'select id from account where tenant_id = $1 and email = $2',
      [tenantId, email],
    );
    if (!rows[0]) throw new Error(`${email} is missing: run without BENCH_REUSE_DB`);
    return { accountId: rows[0].id, token: await login(app, email) };
  };
  const root = await user(NETWORK_ROOT_EMAIL);
  const buyers: BenchUser[] = [];
  for (let n = 1; n <= settings.buyers; n++) buyers.push(await user(buyerEmail(n)));
  const { rows: stats } = await c.query<{ n: number; levels: number }>(
    'select count(*)::int n, coalesce(max(depth), 0)::int levels from network_link where ancestor_id = $1',
    [root.accountId],
  );
  const { rows: parties } = await c.query<{
    sponsor: string;
    stockist: string;
    sponsor_account: number;
    stockist_account: number;
  }>(
    `select s.dtehm_member_id sponsor, k.dtehm_member_id stockist, s.account_id sponsor_account,
            k.account_id stockist_account
     from network_member b join network_member s on s.account_id = b.sponsor_id
     join network_member k on k.sponsor_id = s.account_id
     join account ka on ka.id = k.account_id and 'stockist' = any(ka.roles)
     where b.account_id = $1`,
    [buyers[0]!.accountId],
  );
  const { rows: products } = await c.query<{ id: number }>(
    `select id from product where tenant_id = $1 order by (id::bigint * 7919) % 1000, id limit 500`,
    [tenantId],
  );
  const tokens = new Map(buyers.map((b) => [b.accountId, b.token]));
  const pending = () =>
    c.query<{ id: number; account_id: number }>(
      `select id, account_id from customer_order
       where tenant_id = $1 and account_id = any($2) and status = 'pending_payment' order by id`,
      [tenantId, buyers.map((b) => b.accountId)],
    );
  let { rows: orders } = await pending();
  // earlier runs confirmed some: topped up to BENCH_ORDERS, as the per-run inputs are
  const missing = settings.orders - orders.length;
  if (missing > 0) {
    await timed(`${missing} pending orders topped up`, () =>
      generateOrders(
        c,
        tenantId,
        {
          buyerAccountIds: buyers.map((b) => b.accountId),
          sponsorAccountId: parties[0]!.sponsor_account,
          stockistAccountId: parties[0]!.stockist_account,
        },
        missing,
        `${Date.now().toString(36)}-`,
      ),
    );
    await c.query('analyze customer_order, order_item, payment, sandbox_charge');
    ({ rows: orders } = await pending());
  }
  return {
    tenantId,
    networkRoot: { ...root, descendants: stats[0]!.n, levels: stats[0]!.levels },
    buyers,
    sponsorMemberId: parties[0]!.sponsor,
    stockistMemberId: parties[0]!.stockist,
    productIds: products.map((p) => p.id),
    pendingOrders: orders.map((o) => ({ id: o.id, token: tokens.get(o.account_id)! })),
  };
}
