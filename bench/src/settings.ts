// Every knob of the benchmark, read once from the environment.
const env = process.env;

const int = (name: string, fallback: number): number => {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number, got "${raw}"`);
  return n;
};

// ── cost curves (products@10k, shop-products@10k, network@10k, …) ──
/** a comma-separated list of data sizes, smallest first (the cost-curve tiers of one scenario family) */
const sizes = (name: string, fallback: readonly number[]): number[] => {
  const raw = env[name];
  if (raw === undefined || raw === '') return [...fallback];
  const list = raw.split(',').map((s) => Number(s.trim()));
  if (list.some((n) => !Number.isInteger(n) || n < 1))
    throw new Error(`${name} must be comma-separated whole numbers, got "${raw}"`);
  return [...new Set(list)].sort((a, b) => a - b);
};
const TIERS = [10_000, 100_000, 1_000_000] as const;
// ──

const pgServer = env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432';
const dbName = env.BENCH_DB ?? 'komisi_bench';
const port = int('BENCH_PORT', 3917);
const midtransPort = int('BENCH_MIDTRANS_PORT', port + 1);

export const settings = {
  /** server without a database name: used to drop and create the bench database */
  adminUrl: `${pgServer}/postgres`,
  dbName,
  databaseUrl: `${pgServer}/${dbName}`,
  /** measured seconds per server and scenario */
  seconds: int('BENCH_SECONDS', 8),
  warmupSeconds: int('BENCH_WARMUP_SECONDS', 2),
  connections: int('BENCH_CONNECTIONS', 10),
  /** ours then bare, this many times per scenario; the best round of each counts (noise only slows) */
  rounds: Math.max(1, int('BENCH_ROUNDS', 1)),
  /** other load on the machine above this share of all cores marks a measurement as noisy */
  busyThreshold: 0.25,
  /** both servers get the same pool size (our default DATABASE_POOL_MAX) */
  poolMax: int('BENCH_POOL_MAX', 10),
  products: int('BENCH_PRODUCTS', 100_000),
  categories: 50,
  descendants: int('BENCH_DESCENDANTS', 100_000),
  /** buyers under the 10-level chain; orders are spread over them (1 = every order locks one account row) */
  buyers: Math.max(1, int('BENCH_BUYERS', 20)),
  /** pending orders ready to confirm; each confirmation consumes one */
  orders: int('BENCH_ORDERS', 30_000),
  /** skip recreating the database and data when it is already there (`BENCH_REUSE_DB=1`) */
  reuseDb: env.BENCH_REUSE_DB === '1',
  /** comma-separated scenario names to run (default: all) */
  only: env.BENCH_ONLY ? env.BENCH_ONLY.split(',').map((s) => s.trim()) : null,
  /** passes `--cpu-prof` to the server children (profiles land in bench/results/profiles) */
  cpuProfile: env.BENCH_CPU_PROF === '1',
  port,
  jwtSecret: 'bench-secret-bench-secret-bench-secret-0123456789',
  password: 'bench-password-123',
  tenantSlug: 'dtehm',
  /** the storefront tenant (ansania-ecommerce profile) of the shop scenarios */
  shopTenantSlug: 'ansania',
  shopProducts: int('BENCH_SHOP_PRODUCTS', 100_000),
  /** customers registered through /auth/register for cart-add (requests cycle over them) */
  cartCustomers: Math.max(1, int('BENCH_CART_CUSTOMERS', 20)),
  /** customers with a cart and an address made per run for checkout; each checkout consumes one */
  checkouts: int('BENCH_CHECKOUTS', 8_000),
  /** the referral-link tenant (qutab-platform profile) of referral-redirect and affiliate-stats */
  qutabTenantSlug: 'qutab',
  /** clicks of the one big affiliate (rollups filled from them) */
  referralClicks: int('BENCH_REFERRAL_CLICKS', 1_000_000),
  /** referred orders of the big affiliate, with their ledger entries */
  referralOrders: int('BENCH_REFERRAL_ORDERS', 100_000),
  /** qutab: the statistics' size tiers (affiliate-stats-100k, -1m, -10m): clicks of one affiliate each */
  statsTiers: (env.BENCH_STATS_TIERS ?? '100000,1000000,10000000')
    .split(',')
    .filter((s) => s.trim() !== '')
    .map((s) => {
      const n = Number(s);
      if (!Number.isInteger(n) || n < 0) throw new Error(`BENCH_STATS_TIERS: "${s}" is not a whole number`);
      return n;
    }),
  /** referred orders of each size tier's affiliate */
  statsTierReferrals: int('BENCH_STATS_TIER_REFERRALS', 10_000),
  /** connections of the size-tier scenarios (the goal: p99 at 4 connections) */
  statsTierConnections: Math.max(1, int('BENCH_STATS_TIER_CONNECTIONS', 4)),
  /** koperasi-sinoman: members of each generated cooperative (three savings accounts each) */
  koperasiMembers: int('BENCH_KOPERASI_MEMBERS', 100_000),
  /** the savings transactions of the two generated cooperatives (the dashboard's scaling from one to the other) */
  koperasiTransactions: [
    int('BENCH_KOPERASI_TRANSACTIONS_SMALL', 1_000_000),
    int('BENCH_KOPERASI_TRANSACTIONS_LARGE', 10_000_000),
  ] as const,
  /** koperasi-sinoman: members of the bench cooperative (the larger one) with a long savings history each */
  koperasiSavers: Math.max(1, int('BENCH_KOPERASI_SAVERS', 500)),
  /** savings transactions of each saver, over two years (member-transactions, member-transactions-filtered) */
  koperasiSaverTransactions: int('BENCH_KOPERASI_SAVER_TRANSACTIONS', 300),
  /**
   * pending Midtrans deposits ready to settle (deposit-settlement); each settlement consumes one, and
   * each run tops them up again (default: 2 rounds of ours and bare, 10 s each, at about 150/s, with room)
   */
  koperasiDeposits: int('BENCH_KOPERASI_DEPOSITS', 8_000),
  /** the fake Midtrans API the bench cooperative's deposits are asked of (its own child process) */
  midtransPort,
  midtransBaseUrl: `http://127.0.0.1:${midtransPort}`,
  midtransServerKey: 'SB-Mid-server-bench-0123456789abcdef',
  // ── cost curves: each list scenario at several data sizes, each size its own tenant (products, shop)
  // or network root; a size equal to BENCH_PRODUCTS / BENCH_SHOP_PRODUCTS / BENCH_DESCENDANTS is the
  // main tenant's or root's data, the others are generated once and kept with BENCH_REUSE_DB=1
  sizes: {
    products: sizes('BENCH_PRODUCT_SIZES', TIERS),
    shopProducts: sizes('BENCH_SHOP_PRODUCT_SIZES', TIERS),
    network: sizes('BENCH_NETWORK_SIZES', TIERS),
  },
  /** the goal for each cost curve: p99 at the largest size below this multiple of p99 at the smallest */
  flatGrowth: 2,
  // ──
  /** the ratio to the bare twin issue 13 asks of every hot path */
  targetRatio: 0.8,
} as const;

export type Settings = typeof settings;
