import { createApiContext, createLogger } from '@komisi/api';
import type { TestApp } from '../testing/test-app.ts';

// Test data for the ansania cart and voucher tests, written straight to the database (no dependence
// on the demo catalog) and users made through the identity service (no anonymous rate budget spent).

export const PASSWORD = 'SecurePass123!';
const log = createLogger('silent');
let seq = 0;

export function ansaniaFixtures(app: TestApp) {
  const tenant = async () => (await app.services.tenants.bySlug('ansania'))!;
  const sql = async <T = Record<string, unknown>>(query: string, params: unknown[] = []) =>
    (await app.orm.em.fork().getConnection().execute(query, params)) as T[];

  /** A fresh request scope on the ansania tenant. */
  async function scope() {
    return createApiContext(app.orm, app.services, log, {
      tenant: await tenant(),
      requestId: 'test',
      ip: '127.0.0.1',
      authorization: undefined,
      baseUrl: 'http://komisi.test/t/ansania',
    }).scope();
  }

  /** A product with one variant (and a primary image unless `image: null`). */
  async function variant(
    o: {
      price?: number;
      stock?: number;
      visible?: boolean;
      image?: string | null;
      color?: string;
      finishing?: string;
      size?: string;
    } = {},
  ) {
    const n = ++seq;
    const { id: tenantId } = await tenant();
    const price = o.price ?? 3_500_000;
    const [product] = await sql<{ id: number }>(
      `insert into product (tenant_id, name, slug, price, images, created_at)
       values (?, ?, ?, ?, '[]', now()) returning id`,
      [tenantId, `Oak Dining Table ${n}`, `dining-table-oak-${n}`, price],
    );
    const image = o.image === undefined ? `https://cdn.example.com/images/table${n}.jpg` : o.image;
    if (image !== null) {
      await sql(
        `insert into product_image (tenant_id, product_id, url, alt, is_primary, position)
         values (?, ?, ?, 'front', true, 0)`,
        [tenantId, product!.id, image],
      );
    }
    const sku = `TABLE-OAK-${n}`;
    const [row] = await sql<{ id: number }>(
      `insert into product_variant (tenant_id, product_id, sku, color, finishing, size, price, stock, is_visible)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id`,
      [
        tenantId,
        product!.id,
        sku,
        o.color ?? 'Natural',
        o.finishing ?? 'Matte',
        o.size ?? 'Large',
        price,
        o.stock ?? 10,
        o.visible ?? true,
      ],
    );
    return {
      id: row!.id,
      productId: product!.id,
      name: `Oak Dining Table ${n}`,
      slug: `dining-table-oak-${n}`,
      sku,
      price,
      image,
    };
  }

  /** A registered customer and an access token. */
  async function user() {
    const s = await scope();
    const email = `shopper${++seq}.${Date.now()}@example.com`;
    const account = await app.services.identity.createAccount(s, {
      email,
      password: PASSWORD,
      name: 'Shopper',
    });
    const tokens = await app.services.identity.issueTokens(s, account);
    return { id: account.id, email, token: tokens.accessToken };
  }

  return { tenant, sql, scope, variant, user };
}
