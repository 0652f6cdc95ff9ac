import type { AutocannonRequest } from 'autocannon';
import { checkShopSettlements } from './checks.ts';
import { SEARCH_TERMS } from './generate-products.ts';
import type { ReferralFixture } from './generate-referrals.ts';
import { categorySlug, SHOP_COLORS, SHOP_SEARCH_TERMS, SHOP_TYPES } from './generate-shop.ts';
import { koperasiScenarios } from './koperasi-scenarios.ts';
import type { Fixture } from './prepare.ts';
import { settings } from './settings.ts';
import { type CatalogTier, type NetworkTier, sizeLabel } from './size-tiers.ts';

const API = `/t/${settings.tenantSlug}/api`;
const SHOP = `/t/${settings.shopTenantSlug}/api`;
const QUTAB = `/t/${settings.qutabTenantSlug}`;

const BROWSERS = [
  'Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
];

/**
 * The i-th referral-link visit: mostly people on the big affiliate's link (some with utm_*), others
 * on 200 other affiliates' links, a few WhatsApp previews (redirected, not counted) and unknown codes.
 */
function referralVisit(r: ReferralFixture, i: number): Call {
  const slot = i % 20;
  const code = slot === 19 ? 'Unknwn1' : slot >= 12 ? r.otherCodes[(i * 7) % r.otherCodes.length]! : r.code;
  const query = slot % 4 === 1 ? '?utm_source=instagram&utm_campaign=qurban' : '';
  return {
    method: 'GET',
    path: `${QUTAB}/r/${code}${query}`,
    headers: {
      'user-agent': slot === 18 ? 'WhatsApp/2.23.20.0 A' : BROWSERS[i % BROWSERS.length]!,
      'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
      referer: 'https://www.instagram.com/',
    },
  };
}

/** The i-th dashboard read: the summary, then each statistics period (custom: the last 90 days). */
function statsPath(i: number, custom: { start: string; end: string }): string {
  switch (i % 6) {
    case 0:
      return `${QUTAB}/api/affiliate/dashboard/summary`;
    case 1:
      return `${QUTAB}/api/affiliate/statistics?period=today`;
    case 2:
      return `${QUTAB}/api/affiliate/statistics?period=7days`;
    case 3:
      return `${QUTAB}/api/affiliate/statistics?period=30days`;
    case 4:
      return `${QUTAB}/api/affiliate/statistics?period=this_month`;
    default:
      return `${QUTAB}/api/affiliate/statistics?period=custom&start_date=${custom.start}&end_date=${custom.end}`;
  }
}

/** One request as plain data, so the same one can be sent by fetch (probe) and by autocannon. */
export interface Call {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface Scenario {
  name: string;
  title: string;
  /** the i-th request of a run (i counts across the run's connections) */
  call(i: number): Call;
  /** inputs a request uses up (orders to confirm): how many were handed out, and whether they ran out */
  consumption?: () => { used: number; exhausted: boolean };
  /** bodies of ours and bare must be equal (read-only scenarios) */
  sameBody: boolean;
  /** only ours is measured (no bare twin written) */
  noBare?: true;
  /** a money path with a limit twin (limit-app.ts): measured on it too */
  limit?: true;
  /** a redirect endpoint: 3xx responses are the successes */
  redirects?: true;
  /** load connections for this scenario (default BENCH_CONNECTIONS) */
  connections?: number;
  /** the SQL trace waits this long after the request (writes buffered off the request path) */
  settleMs?: number;
  /** after the runs: checks of what the consumed inputs left in the database */
  check?: () => Promise<{ notes: string[]; flags: string[] }>;
}

const json = (token?: string) => ({
  'content-type': 'application/json',
  ...(token && { authorization: `Bearer ${token}` }),
});

/** The i-th storefront query: search, category, colour, price range, in stock; sorted by price or newest. */
function shopQuery(i: number): string {
  const q = new URLSearchParams({ limit: '20' });
  const term = SHOP_SEARCH_TERMS[i % SHOP_SEARCH_TERMS.length]!;
  const category = categorySlug(SHOP_TYPES[(i * 7) % SHOP_TYPES.length]!);
  const color = SHOP_COLORS[i % SHOP_COLORS.length]!.toLowerCase();
  const low = 1_000_000 + (i % 5) * 1_000_000;
  switch (i % 6) {
    case 0:
      q.set('search', term);
      q.set('sort', 'price_asc');
      break;
    case 1:
      q.set('category', category);
      q.set('sort', 'newest');
      break;
    case 2:
      q.set('color', color);
      q.set('in_stock', 'true');
      q.set('sort', 'price_asc');
      break;
    case 3:
      q.set('price_min', String(low));
      q.set('price_max', String(low + 500_000));
      q.set('sort', 'newest');
      break;
    case 4:
      q.set('search', term);
      q.set('category', category);
      q.set('in_stock', 'true');
      q.set('sort', 'newest');
      break;
    default:
      q.set('category', category);
      q.set('color', color);
      q.set('price_min', String(low));
      q.set('sort', 'price_asc');
  }
  return q.toString();
}

export function scenarios(f: Fixture): Scenario[] {
  let nextOrder = 0;
  let exhausted = false;
  let nextCheckout = 0;
  let checkoutsOut = false;
  let nextSettlement = 0;
  let settlementsOut = false;
  const shop = f.shop;
  const referral = f.referral;
  const day = (offset: number) =>
    new Date(Date.now() + 7 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);
  const last90 = { start: day(-89), end: day(0) };
  return [
    ...f.sizes.products.map(productsAt),
    {
      name: 'preview',
      title: 'POST /orders/calculate-commission (10-level chain + stockist)',
      sameBody: true,
      call: (i) => ({
        method: 'POST',
        path: `${API}/orders/calculate-commission`,
        headers: json(f.buyers[i % f.buyers.length]!.token),
        body: JSON.stringify({
          product_id: f.productIds[i % f.productIds.length],
          quantity: 1 + (i % 3),
          sponsor_id: f.sponsorMemberId,
          stockist_id: f.stockistMemberId,
        }),
      }),
    },
    {
      name: 'confirm',
      title: `POST /orders/confirm-payment (full settlement, 11 commissions; orders of ${f.buyers.length} buyers)`,
      sameBody: false,
      limit: true,
      consumption: () => ({ used: Math.min(nextOrder, f.pendingOrders.length), exhausted }),
      call: () => {
        // every request confirms an order nobody confirmed before; 0 (a 400) once they run out
        const order = f.pendingOrders[nextOrder++] ?? { id: 0, token: f.buyers[0]!.token };
        if (order.id === 0) exhausted = true;
        return {
          method: 'POST',
          path: `${API}/orders/confirm-payment`,
          headers: json(order.token),
          body: JSON.stringify({ order_id: order.id }),
        };
      },
    },
    ...f.sizes.network.map(networkAt),
    ...f.sizes.shopProducts.map(shopProductsAt),
    {
      name: 'cart-add',
      title: `POST ansania /cart/items (${shop.cartCustomers.length} registered customers, ${shop.variantIds.length} variants)`,
      sameBody: false,
      call: (i) => {
        const n = shop.cartCustomers.length;
        return {
          method: 'POST',
          path: `${SHOP}/cart/items`,
          headers: json(shop.cartCustomers[i % n]!.token),
          body: JSON.stringify({
            product_variant_id: shop.variantIds[Math.floor(i / n) % shop.variantIds.length],
            quantity: 1,
          }),
        };
      },
    },
    {
      name: 'checkout',
      title: `POST ansania /checkout/create-order (one-item cart, J&T REG, sandbox payment; ${shop.checkouts.length.toLocaleString('en')} customers ready)`,
      sameBody: false,
      limit: true,
      consumption: () => ({ used: Math.min(nextCheckout, shop.checkouts.length), exhausted: checkoutsOut }),
      call: () => {
        const who = shop.checkouts[nextCheckout++];
        if (!who) checkoutsOut = true;
        const customer = who ?? shop.checkouts[0]!;
        return {
          method: 'POST',
          path: `${SHOP}/checkout/create-order`,
          headers: json(customer.token),
          body: JSON.stringify({
            shipping_address_id: customer.addressId,
            shipping_courier: 'jnt',
            shipping_service: 'REG',
            payment_method: 'virtual_account',
            payment_channel: 'bca',
          }),
        };
      },
    },
    {
      name: 'checkout-settlement',
      title: `POST /sandbox/pay/{reference} (the sandbox gateway settles a pending checkout order's payment: receipt on the ledger, order paid, sold counts; ${shop.pendingOrders.length.toLocaleString('en')} orders ready)`,
      sameBody: false,
      limit: true,
      consumption: () => ({
        used: Math.min(nextSettlement, shop.pendingOrders.length),
        exhausted: settlementsOut,
      }),
      call: () => {
        const order = shop.pendingOrders[nextSettlement++];
        if (!order) settlementsOut = true;
        // once they run out: an unknown reference (404)
        const reference = order?.reference ?? 'SBX-none';
        return {
          method: 'POST',
          path: `/sandbox/pay/${reference}`,
          headers: json(),
          body: JSON.stringify({ outcome: 'success' }),
        };
      },
      check: () =>
        checkShopSettlements(
          shop.tenantId,
          shop.pendingOrders.slice(0, nextSettlement).map((o) => o.orderId),
          shop.soldBefore,
        ),
    },
    {
      name: 'referral-redirect',
      title: `GET qutab /r/{code} (302 + signed cookie, click buffered; 1 in 20 a WhatsApp preview, 1 in 20 an unknown code; ${(referral.otherCodes.length + 1).toLocaleString('en')} affiliates)`,
      sameBody: true,
      redirects: true,
      settleMs: 600,
      call: (i) => referralVisit(referral, i),
    },
    {
      name: 'affiliate-stats',
      title: `GET qutab /affiliate/dashboard/summary and /affiliate/statistics (today, 7days, 30days, this_month, custom 90 days; ${referral.clicks.toLocaleString('en')} clicks, ${referral.referrals.toLocaleString('en')} referred orders)`,
      sameBody: true,
      call: (i) => ({
        method: 'GET',
        path: statsPath(i, last90),
        headers: { authorization: `Bearer ${referral.token}` },
      }),
    },
    // the same reads by affiliates of growing size: how p50 and p99 grow with the clicks stored
    ...referral.tiers.map(
      (t): Scenario => ({
        name: `affiliate-stats-${t.label}`,
        title: `GET qutab /affiliate/dashboard/summary and /affiliate/statistics as affiliate-stats, ${t.clicks.toLocaleString('en')} clicks (daily rollups), ${t.referrals.toLocaleString('en')} referred orders, ${settings.statsTierConnections} connections`,
        sameBody: true,
        connections: settings.statsTierConnections,
        call: (i) => ({
          method: 'GET',
          path: statsPath(i, last90),
          headers: { authorization: `Bearer ${t.token}` },
        }),
      }),
    ),
    ...f.koperasi.map(
      (k): Scenario => ({
        name: `financial-dashboard-${k.generated >= 1_000_000 ? `${k.generated / 1_000_000}m` : k.generated}`,
        title: `GET koperasi /admin/financial/dashboard (today, week, month, quarter, year; ${k.members.toLocaleString('en')} members, ${k.transactions.toLocaleString('en')} savings transactions)`,
        sameBody: true,
        call: (i) => ({
          method: 'GET',
          path: `/t/${k.slug}/api/admin/financial/dashboard?period=${DASHBOARD_PERIODS[i % DASHBOARD_PERIODS.length]}`,
          // admins in turn: each has the document's budget of 1,000 requests an hour
          headers: { authorization: `Bearer ${k.adminTokens[i % k.adminTokens.length]}` },
        }),
      }),
    ),
    ...koperasiScenarios(f.cooperative),
  ];
}

// ── cost curves: the list scenarios at each data size (size-tiers.ts), named family@size
const tierName = (family: string, size: number) => `${family}@${sizeLabel(size)}`;

function productsAt(t: CatalogTier): Scenario {
  return {
    name: tierName('products', t.size),
    title: `GET /products/list (search, sort by price; ${t.products.toLocaleString('en')} products, tenant ${t.slug})`,
    sameBody: true,
    call: (i) => ({
      method: 'GET',
      path: `/t/${t.slug}/api/products/list?per_page=20&search=${encodeURIComponent(SEARCH_TERMS[i % SEARCH_TERMS.length]!)}&sort_by=price`,
      headers: {},
    }),
  };
}

function shopProductsAt(t: CatalogTier): Scenario {
  return {
    name: tierName('shop-products', t.size),
    title: `GET ansania /products (search, category, colour, price range, in stock; ${t.products.toLocaleString('en')} products, tenant ${t.slug})`,
    sameBody: true,
    call: (i) => ({
      method: 'GET',
      path: `/t/${t.slug}/api/products?${shopQuery(i)}`,
      // a different shopper per request: the anonymous rate limit is per client address
      headers: { 'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` },
    }),
  };
}

function networkAt(t: NetworkTier): Scenario {
  const pages = Math.min(50, Math.ceil(t.descendants / 20));
  return {
    name: tierName('network', t.size),
    title: `GET /user/network (level=all; ${t.descendants.toLocaleString('en')} descendants, ${t.levels} levels)`,
    sameBody: true,
    call: (i) => ({
      method: 'GET',
      path: `${API}/user/network?page=${1 + (i % pages)}&level=all`,
      headers: json(t.token),
    }),
  };
}
// ──

const DASHBOARD_PERIODS = ['today', 'week', 'month', 'quarter', 'year'];

/** autocannon's request list: one entry whose setup draws the next call from a shared counter. */
export function autocannonRequests(s: Scenario): () => AutocannonRequest[] {
  let i = 0;
  return () => [
    {
      setupRequest: (req) => {
        const c = s.call(i++);
        req.method = c.method;
        req.path = c.path;
        req.headers = c.headers;
        req.body = c.body ?? '';
        return req;
      },
    },
  ];
}
