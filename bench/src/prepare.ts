import type pg from 'pg';
import { buyerEmail, login, NETWORK_ROOT_EMAIL, registerMember } from './bench-users.ts';
import { databaseExists, recreateDatabase, startSetupPlatform } from './database.ts';
import { generateChain } from './generate-chain.ts';
import { generateNetwork } from './generate-network.ts';
import { generateOrders } from './generate-orders.ts';
import { generateProducts } from './generate-products.ts';
import { timed, withClient } from './pg.ts';
import { settings } from './settings.ts';

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
      return await timed('fixture read, bench users logged in through REST', () =>
        readFixture(c, platform.app, tenantId),
      );
    });
  } finally {
    await platform.orm.close();
  }
}

async function readFixture(c: pg.Client, app: App, tenantId: number): Promise<Fixture> {
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
  const { rows: parties } = await c.query<{ sponsor: string; stockist: string }>(
    `select s.dtehm_member_id sponsor, k.dtehm_member_id stockist
     from network_member b join network_member s on s.account_id = b.sponsor_id
     join network_member k on k.sponsor_id = s.account_id
     join account ka on ka.id = k.account_id and 'stockist' = any(ka.roles)
     where b.account_id = $1`,
    [buyers[0]!.accountId],
  );
  const { rows: products } = await c.query<{ id: number }>(
    `select id from product where tenant_id = $1 order by (id * 7919) % 1000, id limit 500`,
    [tenantId],
  );
  const tokens = new Map(buyers.map((b) => [b.accountId, b.token]));
  const { rows: orders } = await c.query<{ id: number; account_id: number }>(
    `select id, account_id from customer_order
     where tenant_id = $1 and account_id = any($2) and status = 'pending_payment' order by id`,
    [tenantId, buyers.map((b) => b.accountId)],
  );
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
