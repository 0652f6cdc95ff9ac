// The limit twin: each money path (dtehm confirm, ansania checkout and its payment settlement,
// koperasi deposit settlement) as a PostgreSQL expert would write it by hand for the same effects —
// the same rows, ledger entries, locks and idempotency — in the fewest round trips. In the bench
// only: it is the ceiling ours is measured against (`limit req/s`), not a second implementation
// to keep. Paths, request and response bodies are ours; a scenario with `limit: true` is measured
// on it. Each money path's route lives in its own `limit-*.ts` module and is mounted here.
import { Hono } from 'hono';
import type pg from 'pg';
import { koperasiSlug } from './generate-koperasi.ts';
import { mountLimitConfirm } from './limit-confirm.ts';
import { mountLimitDepositSettlement } from './limit-deposit-settlement.ts';
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
  await mountLimitConfirm(app, pool, tenants.slug, tenants.jwtSecret);
  // koperasi deposit settlement, on the bench cooperative (the larger generated one)
  await mountLimitDepositSettlement(app, pool, koperasiSlug(settings.koperasiTransactions[1]));
  return app;
}
