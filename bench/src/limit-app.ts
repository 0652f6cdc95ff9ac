// The limit twin: each money path (dtehm confirm, ansania checkout and its payment settlement,
// koperasi deposit settlement) as a PostgreSQL expert would write it by hand for the same effects —
// the same rows, ledger entries, locks and idempotency — in the fewest round trips. In the bench
// only: it is the ceiling ours is measured against (`limit req/s`), not a second implementation
// to keep. Paths, request and response bodies are ours; a scenario with `limit: true` is measured
// on it. Each money path's route lives in its own `limit-*.ts` module and is mounted here.
import { Hono } from 'hono';
import type pg from 'pg';
import { createBareAuth } from './bare-auth.ts';
import { HttpError } from './bare-http.ts';
import { koperasiSlug } from './generate-koperasi.ts';
import { limitCheckout } from './limit-checkout.ts';
import { mountLimitConfirm } from './limit-confirm.ts';
import { mountLimitDepositSettlement } from './limit-deposit-settlement.ts';
import { limitSandboxPay } from './limit-settlement.ts';
import { settings } from './settings.ts';

export interface LimitTenants {
  /** dtehm */
  slug: string;
  /** ansania */
  shopSlug?: string | undefined;
  jwtSecret: string;
}

export async function createLimitApp(pool: pg.Pool, tenants: LimitTenants): Promise<Hono> {
  const app = new Hono();
  if (tenants.shopSlug) {
    app.route(`/t/${tenants.shopSlug}/api`, await limitShop(pool, tenants.shopSlug, tenants.jwtSecret));
    // the sandbox gateway's pay page settling a checkout's payment (the checkout-settlement scenario)
    app.post('/sandbox/pay/:reference', async (c) => {
      try {
        return c.json(await limitSandboxPay(pool, c.req.param('reference'), await c.req.json()));
      } catch (e) {
        if (e instanceof HttpError) return c.json({ error: e.message }, e.status as 400);
        throw e;
      }
    });
  }
  await mountLimitConfirm(app, pool, tenants.slug, tenants.jwtSecret);
  // koperasi deposit settlement, on the bench cooperative (the larger generated one)
  await mountLimitDepositSettlement(app, pool, koperasiSlug(settings.koperasiTransactions[1]));
  return app;
}

/** The ansania checkout (limit-checkout.ts), with the shop's envelope. */
async function limitShop(pool: pg.Pool, slug: string, jwtSecret: string): Promise<Hono> {
  const { rows } = await pool.query<{ id: number; currency: string }>(
    'select id, currency from tenant where slug = $1',
    [slug],
  );
  const tenant = {
    id: rows[0]!.id,
    currency: rows[0]!.currency,
    baseUrl: `http://127.0.0.1:${settings.port}`,
  };
  const authenticate = createBareAuth(pool, jwtSecret, tenant.id);
  const ok = (data: unknown) => ({ success: true, data, meta: { timestamp: new Date().toISOString() } });
  const shop = new Hono();
  shop.onError((err, c) => {
    const status = err instanceof HttpError ? err.status : 500;
    if (status === 500) console.error(err);
    const meta = { timestamp: new Date().toISOString() };
    return c.json({ success: false, error: err.message, code: 'ERROR', details: {}, meta }, status as 400);
  });
  shop.post('/checkout/create-order', async (c) => {
    const accountId = await authenticate(c.req.header('authorization'));
    if (accountId === null) throw new HttpError(401, 'Unauthenticated.');
    return c.json(ok(await limitCheckout(pool, tenant, accountId, await c.req.json())), 201);
  });
  return shop;
}
