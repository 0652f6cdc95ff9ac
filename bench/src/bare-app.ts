// The four benchmarked endpoints on a bare Hono app and a `pg.Pool`, at the same paths and with
// the same bodies as our REST API: the yardstick for `pnpm bench`.
import { Hono } from 'hono';
import type pg from 'pg';
import { createBareAuth } from './bare-auth.ts';
import { checkout } from './bare-checkout.ts';
import { bareSandboxPay, settlementTenant } from './bare-checkout-settlement.ts';
import { confirmPayment } from './bare-confirm.ts';
import { mountFinancialDashboard } from './bare-financial-dashboard.ts';
import { HttpError } from './bare-http.ts';
import { mountBenchCooperative } from './bare-koperasi.ts';
import { network } from './bare-network.ts';
import { commissionPreview } from './bare-preview.ts';
import { productList } from './bare-products.ts';
import { createBareReferral } from './bare-referral.ts';
import { cartAdd, shopProducts } from './bare-shop.ts';
import { koperasiSlug } from './generate-koperasi.ts';
import { createLimitApp } from './limit-app.ts';
import { settings } from './settings.ts';
import { productTierSlug, shopTierSlug } from './size-tiers.ts';

export async function createBareApp(
  pool: pg.Pool,
  slug: string,
  jwtSecret: string,
  shopSlug?: string,
  qutabSlug?: string,
  twin: 'bare' | 'limit' = 'bare',
) {
  const { rows } = await pool.query<{ id: number }>('select id from tenant where slug = $1', [slug]);
  const tenantId = rows[0]!.id;
  const authenticate = createBareAuth(pool, jwtSecret, tenantId);
  const authed = async (header: string | undefined) => {
    const accountId = await authenticate(header);
    if (accountId === null) throw new HttpError(401, 'Unauthenticated.');
    return accountId;
  };
  const ok = (data: unknown, message?: string) =>
    message === undefined ? { code: 1, data } : { code: 1, message, data };

  const app = new Hono();
  app.onError((err, c) => {
    if (err instanceof HttpError)
      return c.json({ code: 0, message: err.message, errors: {} }, err.status as 400);
    console.error(err);
    return c.json({ code: 0, message: 'Internal server error', errors: {} }, 500);
  });
  app.get('/health', (c) => c.json({ status: 'ok' }));
  // the limit twin answers the money paths its own way (limit-app.ts) and every other path as bare;
  // mounted first, its routes win
  if (twin === 'limit') app.route('/', await createLimitApp(pool, { slug, shopSlug, jwtSecret }));

  const api = new Hono();
  api.get('/products/list', async (c) =>
    c.json(ok(await productList(pool, tenantId, c.req.query()), 'Products retrieved successfully')),
  );
  api.post('/orders/calculate-commission', async (c) => {
    const buyer = await authed(c.req.header('authorization'));
    const data = await commissionPreview(pool, tenantId, buyer, await c.req.json());
    return c.json(ok(data, 'Commission calculated successfully'));
  });
  api.post('/orders/confirm-payment', async (c) => {
    const buyer = await authed(c.req.header('authorization'));
    const data = await confirmPayment(pool, tenantId, buyer, await c.req.json());
    return c.json(ok(data, 'Payment confirmed successfully. Commissions have been distributed.'));
  });
  api.get('/user/network', async (c) => {
    const member = await authed(c.req.header('authorization'));
    return c.json(ok(await network(pool, tenantId, member, c.req.query())));
  });
  app.route(`/t/${slug}/api`, api);
  if (shopSlug) {
    app.route(`/t/${shopSlug}/api`, await createBareShop(pool, shopSlug, jwtSecret));
    // the sandbox gateway's pay page settling a checkout's payment (checkout-settlement)
    const shop = await settlementTenant(pool, shopSlug);
    app.post('/sandbox/pay/:reference', async (c) => {
      try {
        return c.json(await bareSandboxPay(pool, shop, c.req.param('reference'), await c.req.json()));
      } catch (e) {
        if (e instanceof HttpError) return c.json({ error: e.message }, e.status as 400);
        throw e;
      }
    });
  }
  // cost curves: the product lists of the other data sizes, each its own tenant (size-tiers.ts)
  for (const size of settings.sizes.products) {
    const tier = productTierSlug(size);
    const id = await tenantIdOf(pool, tier);
    if (tier === slug || id === null) continue;
    app.get(`/t/${tier}/api/products/list`, async (c) =>
      c.json(ok(await productList(pool, id, c.req.query()), 'Products retrieved successfully')),
    );
  }
  for (const size of settings.sizes.shopProducts) {
    const tier = shopTierSlug(size);
    if (tier === shopSlug || (await tenantIdOf(pool, tier)) === null) continue;
    app.route(`/t/${tier}/api`, await createBareShop(pool, tier, jwtSecret));
  }
  // referral links and affiliate statistics (qutab), when the bench prepared that tenant
  const { rowCount } = await pool.query('select 1 from tenant where slug = $1', [qutabSlug ?? '']);
  const referral = rowCount ? await createBareReferral(pool, qutabSlug!, jwtSecret) : null;
  if (referral) app.route('/', referral.app);
  // the admins' financial dashboard of each generated cooperative (koperasi-sinoman)
  for (const n of settings.koperasiTransactions)
    await mountFinancialDashboard(app, pool, koperasiSlug(n), jwtSecret);
  // the larger one's member list, savings history and Midtrans deposit notifications
  await mountBenchCooperative(app, pool, koperasiSlug(settings.koperasiTransactions[1]), jwtSecret);
  /** writes the referral clicks still buffered (before the pool closes) */
  const flush = async () => referral?.close();
  return Object.assign(app, { flush });
}

const tenantIdOf = async (pool: pg.Pool, slug: string) =>
  (await pool.query<{ id: number }>('select id from tenant where slug = $1', [slug])).rows[0]?.id ?? null;

/** The ansania storefront routes: envelope `{ success, data, meta }`. */
async function createBareShop(pool: pg.Pool, slug: string, jwtSecret: string) {
  const { rows } = await pool.query<{ id: number; currency: string }>(
    'select id, currency from tenant where slug = $1',
    [slug],
  );
  const tenantId = rows[0]!.id;
  const tenant = { id: tenantId, currency: rows[0]!.currency, baseUrl: `http://127.0.0.1:${settings.port}` };
  const authenticate = createBareAuth(pool, jwtSecret, tenantId);
  const ok = (data: unknown) => ({ success: true, data, meta: { timestamp: new Date().toISOString() } });
  const shop = new Hono();
  shop.onError((err, c) => {
    const status = err instanceof HttpError ? err.status : 500;
    if (status === 500) console.error(err);
    return c.json(
      {
        success: false,
        error: err.message,
        code: 'ERROR',
        details: {},
        meta: { timestamp: new Date().toISOString() },
      },
      status as 400,
    );
  });
  shop.get('/products', async (c) => c.json(ok(await shopProducts(pool, tenantId, c.req.query()))));
  shop.post('/checkout/create-order', async (c) => {
    const accountId = await authenticate(c.req.header('authorization'));
    if (accountId === null) throw new HttpError(401, 'Unauthenticated.');
    return c.json(ok(await checkout(pool, tenant, accountId, await c.req.json())), 201);
  });
  shop.post('/cart/items', async (c) => {
    const accountId = await authenticate(c.req.header('authorization'));
    if (accountId === null) throw new HttpError(401, 'Unauthenticated.');
    return c.json(ok(await cartAdd(pool, tenantId, accountId, await c.req.json())), 201);
  });
  return shop;
}
