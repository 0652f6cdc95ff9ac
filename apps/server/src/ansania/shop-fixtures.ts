// Helpers for the ansania shop tests (catalog, reviews, wishlist): requests under /t/ansania/api,
// customers, and paid orders written straight to the database (checkout is not built yet).
import { expect } from 'vitest';
import type { JsonResponse, TestApp } from '../testing/test-app.ts';

export const api = (path: string) => `/t/ansania/api${path}`;

export function shop(app: TestApp) {
  return {
    get: (path: string, token?: string): Promise<JsonResponse> =>
      app.request('GET', api(path), token ? { token } : {}),
    post: (path: string, body: unknown, token?: string): Promise<JsonResponse> =>
      app.request('POST', api(path), { body, ...(token && { token }) }),
    del: (path: string, token?: string): Promise<JsonResponse> =>
      app.request('DELETE', api(path), token ? { token } : {}),
  };
}

let n = 0;

/** A new customer of the ansania store, signed in. */
export async function registerCustomer(app: TestApp, fullName = 'Budi Santoso') {
  const i = ++n;
  const res = await shop(app).post('/auth/register', {
    email: `shopper${i}.${Date.now()}@example.com`,
    phone: `+62813${String(Date.now()).slice(-6)}${String(i).padStart(2, '0')}`,
    full_name: fullName,
    password: 'SecurePass123!',
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { id: res.body.data.user.id as number, token: res.body.data.token as string };
}

/** The spec's test user (John Doe). */
export async function loginTestUser(app: TestApp) {
  const res = await shop(app).post('/auth/login', { email: 'test@example.com', password: 'TestPass123!' });
  expect(res.status).toBe(200);
  return { id: res.body.data.user.id as number, token: res.body.data.token as string };
}

// biome-ignore lint/suspicious/noExplicitAny: raw rows in tests
export async function sql<T = any>(app: TestApp, query: string, params: unknown[] = []): Promise<T[]> {
  return app.orm.em.fork().getConnection().execute(query, params) as Promise<T[]>;
}

export async function ansaniaTenantId(app: TestApp): Promise<number> {
  const [row] = await sql<{ id: number }>(app, "select id from tenant where slug = 'ansania'");
  return row!.id;
}

/** An order of `accountId` containing the products, in `status` (paid by default). */
export async function placeOrder(
  app: TestApp,
  accountId: number,
  productIds: number[],
  status: 'paid' | 'pending_payment' | 'payment_failed' = 'paid',
): Promise<number> {
  const tenantId = await ansaniaTenantId(app);
  const [order] = await sql<{ id: number }>(
    app,
    `insert into customer_order (tenant_id, account_id, status, total_amount, currency, payment_method,
       customer_name, created_at, paid_at)
     values (?, ?, ?, 1000000, 'IDR', 'virtual_account', 'Test Customer', now(), ${status === 'paid' ? 'now()' : 'null'})
     returning id`,
    [tenantId, accountId, status],
  );
  for (const productId of productIds) {
    await sql(
      app,
      `insert into order_item (tenant_id, order_id, product_id, product_name, unit_price, quantity, amount)
       select ?, ?, id, name, price, 1, price from product where id = ?`,
      [tenantId, order!.id, productId],
    );
  }
  return order!.id;
}

/** Product ids of the seeded catalog, by slug. */
export async function productIds(app: TestApp): Promise<Map<string, number>> {
  const tenantId = await ansaniaTenantId(app);
  const rows = await sql<{ id: number; slug: string }>(
    app,
    'select id, slug from product where tenant_id = ? and slug is not null',
    [tenantId],
  );
  return new Map(rows.map((r) => [r.slug, r.id]));
}
