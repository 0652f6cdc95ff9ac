import { createHmac, randomUUID } from 'node:crypto';
import { productSummarySetSql } from '@komisi/api';
import type pg from 'pg';
import { bulk } from './pg.ts';

// The ansania storefront catalog, in words the shop scenarios filter and search with.
export const SHOP_TYPES = [
  'Dining Table',
  'Coffee Table',
  'Side Table',
  'Sofa',
  'Armchair',
  'Dining Chair',
  'Bar Stool',
  'Bench',
  'Bed Frame',
  'Wardrobe',
  'Nightstand',
  'Dresser',
  'Bookshelf',
  'Desk',
  'Office Chair',
  'Sideboard',
  'TV Cabinet',
  'Lounger',
  'Daybed',
  'Shoe Rack',
];
const MATERIALS = [
  'Teak',
  'Mahogany',
  'Rattan',
  'Bamboo',
  'Oak',
  'Walnut',
  'Suar',
  'Pine',
  'Acacia',
  'Mango',
];
const STYLES = [
  'Rustic',
  'Modern',
  'Classic',
  'Minimalist',
  'Scandinavian',
  'Industrial',
  'Colonial',
  'Tropical',
];
const COLLECTIONS = ['Bali', 'Jepara', 'Lombok', 'Bandung', 'Surabaya', 'Solo', 'Yogya', 'Semarang'];
export const SHOP_COLORS = ['Natural', 'Walnut', 'White', 'Black', 'Grey', 'Honey'];
const FINISHINGS = ['Matte', 'Glossy', 'Oiled', 'Waxed'];
const SIZES = ['Small', 'Medium', 'Large'];
export const SHOP_SEARCH_TERMS = [
  'teak',
  'rattan chair',
  'oak desk',
  'rustic',
  'bamboo',
  'walnut table',
  'sofa',
];

export const categorySlug = (type: string) => `${type.toLowerCase().replace(/\s+/g, '-')}-collection`;

const sqlArray = (xs: string[]) => `array[${xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(',')}]`;
const pick = (xs: string[], expr: string) => `(${sqlArray(xs)})[1 + (${expr}) % ${xs.length}]`;

/** `count` products with slug, 2–4 variants (colour/finishing/size/price/stock) and 1–2 images. */
export async function generateShop(c: pg.Client, tenantId: number, count: number): Promise<void> {
  await bulk(c, async () => {
    await c.query(
      `insert into product_category (tenant_id, name, slug, description, created_at)
       select $1, t || ' Collection', lower(replace(t, ' ', '-')) || '-collection', 'Handmade ' || lower(t) || 's', now()
       from unnest($2::text[]) t
       on conflict do nothing`,
      [tenantId, SHOP_TYPES],
    );
    await c.query(`drop table if exists bench_shop`);
    await c.query(
      `create temp table bench_shop as
       select k, nextval('product_id_seq')::int as id,
              ${pick(STYLES, 'k * 7')} as style, ${pick(MATERIALS, 'k * 13 / 7')} as material,
              ${pick(SHOP_TYPES, 'k')} as type, ${pick(COLLECTIONS, 'k / 3')} as coll,
              (500 + (k::bigint * 7919) % 9500) * 1000 as price
       from generate_series(1, $1::int) k`,
      [count],
    );
    await c.query(
      `insert into product (id, tenant_id, category_id, name, description, price, images, stock_quantity, created_at,
                            slug, short_description, compare_price, is_featured, weight_grams, review_count, rating_sum, sold_count)
       select s.id, $1, cat.id, s.style || ' ' || s.material || ' ' || s.type || ' ' || s.coll || ' ' || s.k,
              'A ' || lower(s.style) || ' ' || lower(s.type) || ' crafted from solid ' || lower(s.material) ||
              ' wood by artisans in ' || s.coll || '. Sturdy joinery and a hand-rubbed finish.',
              s.price, '[]', 0, now() - (s.k || ' minutes')::interval,
              lower(s.style || '-' || s.material || '-' || replace(s.type, ' ', '-') || '-' || s.coll) || '-' || s.k,
              s.style || ' ' || lower(s.type) || ' in solid ' || lower(s.material),
              case when s.k % 5 = 0 then s.price * 12 / 10 end, s.k % 50 = 0, 2000 + (s.k % 40) * 1000,
              s.k % 13, (s.k % 13) * (3 + s.k % 3), s.k % 97
       from bench_shop s
       join product_category cat on cat.tenant_id = $1 and cat.slug = lower(replace(s.type, ' ', '-')) || '-collection'`,
      [tenantId],
    );
    await c.query(
      `insert into product_variant (tenant_id, product_id, sku, color, finishing, size, price, stock, is_visible)
       select $1, s.id, 'BSH-' || s.k || '-' || n, ${pick(SHOP_COLORS, 's.k + n')}, ${pick(FINISHINGS, 's.k / 2 + n')},
              ${pick(SIZES, 'n')}, s.price + (n - 1) * 150000, ((s.k * 31 + n * 17) % 40)::int - 5 + abs(((s.k * 31 + n * 17) % 40)::int - 5), true
       from bench_shop s, generate_series(1, 2 + s.k % 3) n`,
      [tenantId],
    );
    await c.query(
      `insert into product_image (tenant_id, product_id, url, alt, is_primary, position)
       select $1, s.id, 'https://cdn.ansania.test/p/' || s.id || '-' || n || '.jpg', s.type || ' photo ' || n, n = 1, n - 1
       from bench_shop s, generate_series(1, 1 + s.k % 2) n`,
      [tenantId],
    );
    await c.query(`drop table bench_shop`);
  });
  // Bulk loads skip triggers: fill the product summary the variant trigger keeps in normal writes.
  await c.query(
    `update product p set ${productSummarySetSql('p.id')} where p.tenant_id = $1 and p.slug is not null`,
    [tenantId],
  );
  // as autovacuum would before long: visibility map set, statistics current, the update's dead rows gone
  await c.query('vacuum analyze product, product_variant, product_image');
}

/** An access token exactly as `AccessTokens.sign` makes it (HS256, iss komisi, aud tenant:<id>). */
export function signAccessToken(
  secret: string,
  claims: { accountId: number; tenantId: number; sessionId: string; roles: string[] },
  ttlSeconds: number,
): string {
  const iat = Math.floor(Date.now() / 1000);
  const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const head = enc({ alg: 'HS256', typ: 'JWT' });
  const body = enc({
    tid: claims.tenantId,
    sid: claims.sessionId,
    roles: claims.roles,
    iss: 'komisi',
    aud: `tenant:${claims.tenantId}`,
    sub: String(claims.accountId),
    iat,
    exp: iat + ttlSeconds,
  });
  const sig = createHmac('sha256', Buffer.from(secret)).update(`${head}.${body}`).digest('base64url');
  return `${head}.${body}.${sig}`;
}

export interface CheckoutCustomer {
  accountId: number;
  addressId: number;
  token: string;
}

/**
 * `n` fresh customers ready to check out: account, session, default address, a cart holding one
 * item (a variant with plenty of stock) and a signed access token each. Every run makes a new batch.
 */
export async function checkoutCustomers(
  c: pg.Client,
  tenantId: number,
  opts: { n: number; hash: string; variantIds: number[]; secret: string; ttlSeconds: number },
): Promise<CheckoutCustomer[]> {
  const batch = `${Date.now().toString(36)}`;
  const { rows } = await c.query<{ account_id: number; address_id: number; k: number }>(
    `with acc as (
       insert into account (tenant_id, email, name, phone, password_hash, roles, created_at)
       select $1, 'shopper-' || $2 || '-' || k || '@bench.komisi.test', 'Bench Shopper ' || k,
              '+62812' || lpad(k::text, 7, '0'), $3, '{member}', now()
       from generate_series(1, $4::int) k
       returning id, email),
     numbered as (select id, split_part(split_part(email, '-', 3), '@', 1)::int k from acc),
     addr as (
       insert into address (tenant_id, account_id, label, recipient_name, phone, address_line1, city, district,
                            province, postal_code, is_default, created_at)
       select $1, id, 'Home', 'Bench Shopper ' || k, '+62812' || lpad(k::text, 7, '0'), 'Jl. Kemang Raya ' || k,
              'Jakarta Selatan', 'Mampang', 'DKI Jakarta', '12730', true, now()
       from numbered returning id, account_id),
     cart as (
       insert into cart (tenant_id, account_id, created_at, updated_at)
       select $1, id, now(), now() from numbered returning id, account_id),
     item as (
       insert into cart_item (tenant_id, cart_id, variant_id, quantity, added_at)
       select $1, cart.id, ($5::int[])[1 + n.k % cardinality($5::int[])], 1, now()
       from cart join numbered n on n.id = cart.account_id returning cart_id)
     select n.id account_id, addr.id address_id, n.k from numbered n
     join addr on addr.account_id = n.id
     where (select count(*) from item) >= 0
     order by n.k`,
    [tenantId, batch, opts.hash, opts.n, opts.variantIds],
  );
  const sessions = rows.map(() => randomUUID());
  await c.query(
    `insert into session (id, tenant_id, account_id, family_id, token_hash, expires_at, created_at)
     select s, $1, a, s, md5(s::text) || md5(a::text), now() + interval '1 day', now()
     from unnest($2::uuid[], $3::int[]) as t(s, a)`,
    [tenantId, sessions, rows.map((r) => r.account_id)],
  );
  return rows.map((r, i) => ({
    accountId: r.account_id,
    addressId: r.address_id,
    token: signAccessToken(
      opts.secret,
      { accountId: r.account_id, tenantId, sessionId: sessions[i]!, roles: ['member'] },
      opts.ttlSeconds,
    ),
  }));
}

/** A checkout order awaiting its sandbox payment: what the checkout-settlement scenario settles. */
export interface PendingShopOrder {
  orderId: number;
  /** the sandbox charge's reference (the pay page's path) */
  reference: string;
}

/**
 * `n` checkout orders as `POST /checkout/create-order` leaves them (stock taken, cart emptied): pending,
 * one line of a bench variant each, with its timeline event, its pending sandbox charge and its
 * pending payment, for the cart customers in turn. Every run makes a new batch.
 */
export async function pendingShopOrders(
  c: pg.Client,
  tenantId: number,
  opts: { n: number; accountIds: number[]; variantIds: number[] },
): Promise<PendingShopOrder[]> {
  const batch = Date.now().toString(36);
  const { rows } = await c.query<{ order_id: number; reference: string }>(
    `with k as (
       select k, nextval('customer_order_id_seq')::int as order_id, nextval('payment_id_seq')::int as payment_id,
              'SBX-b' || $2 || '-' || k as reference, 'KMS-bench-' || $2 || '-' || k as merchant_reference,
              ($3::int[])[1 + k % cardinality($3::int[])] as account_id,
              ($4::int[])[1 + (k / 7) % cardinality($4::int[])] as variant_id
       from generate_series(1, $5::int) k),
     r as (
       select k.*, a.name as customer_name, a.phone as customer_phone, v.product_id, v.sku, v.price::bigint as price,
              p.name as product_name, p.weight_grams
       from k join account a on a.id = k.account_id
       join product_variant v on v.id = k.variant_id join product p on p.id = v.product_id),
     o as (
       insert into customer_order (id, tenant_id, account_id, status, total_amount, currency, payment_method, payment_id,
         customer_name, customer_phone, customer_address, created_at, order_number, subtotal, discount, shipping_cost,
         shipping_discount, payment_channel, shipping_recipient, shipping_phone, shipping_province, shipping_courier,
         shipping_service)
       select order_id, $1, account_id, 'pending_payment', price + 9000 * greatest(1, ceil(coalesce(weight_grams, 1000) / 1000.0)),
         'IDR', 'virtual_account', payment_id, customer_name, customer_phone, 'Jl. Kemang Raya 1, Mampang, Jakarta Selatan, DKI Jakarta 12730',
         now(), 'BSO-' || $2 || '-' || k, price, 0, 9000 * greatest(1, ceil(coalesce(weight_grams, 1000) / 1000.0)), 0,
         'bca', customer_name, '+6281200000001', 'DKI Jakarta', 'jnt', 'REG'
       from r returning id, account_id, total_amount, order_number, payment_id),
     i as (
       insert into order_item (tenant_id, order_id, product_id, variant_id, product_name, sku, unit_price, quantity, amount)
       select $1, r.order_id, r.product_id, r.variant_id, r.product_name, r.sku, r.price, 1, r.price from r),
     e as (
       insert into order_status_event (tenant_id, order_id, status, actor_account_id, created_at)
       select $1, id, 'pending_payment', account_id, now() from o),
     ch as (
       insert into sandbox_charge (reference, tenant_id, merchant_reference, amount, currency, description, created_at)
       select r.reference, $1, r.merchant_reference, o.total_amount, 'IDR', 'Order ' || o.order_number, now()
       from r join o on o.id = r.order_id),
     pay as (
       insert into payment (id, tenant_id, account_id, purpose, subject_id, amount, currency, provider, requested_method,
         merchant_reference, provider_reference, payment_url, details, created_at)
       select o.payment_id, $1, o.account_id, 'order', o.id, o.total_amount, 'IDR', 'sandbox', 'virtual_account',
         r.merchant_reference, r.reference, 'http://127.0.0.1/sandbox/pay/' || r.reference,
         jsonb_build_object('orderNumber', o.order_number, 'channel', 'bca'), now()
       from r join o on o.id = r.order_id)
     select order_id, reference from r order by k`,
    [tenantId, batch, opts.accountIds, opts.variantIds, opts.n],
  );
  return rows.map((r) => ({ orderId: r.order_id, reference: r.reference }));
}
