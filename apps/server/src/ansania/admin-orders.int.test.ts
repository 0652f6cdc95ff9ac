import { createApiContext, createLogger } from '@komisi/api';
import { unbalancedLedgerEntries } from '@komisi/api/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Tenant } from '../../../../packages/api/src/contexts/tenancy/tenant.entity.ts';
import { paySandbox, startTestApp, type TestApp } from '../testing/test-app.ts';
import { checkoutFixtures } from './checkout-fixtures.ts';

// Admin operations on shop orders: list and detail with the status timeline, the fulfilment moves
// (processing → shipped → delivered) and refunds (stock, voucher use, affiliate commission).

let app: TestApp;
let fx: ReturnType<typeof checkoutFixtures>;
let admin: { id: number; token: string };

/** A request scope on the tenant `slug`. */
async function scopeOf(slug: string) {
  const tenant = (await app.services.tenants.bySlug(slug))!;
  return createApiContext(app.orm, app.services, createLogger('silent'), {
    tenant,
    requestId: 'test',
    ip: '127.0.0.1',
    authorization: undefined,
    baseUrl: `http://komisi.test/t/${slug}`,
  }).scope();
}

/** An access token for an ansania account (no login request, so no rate budget spent). */
async function tokenFor(email: string) {
  const scope = await scopeOf('ansania');
  const [row] = await fx.sql<{ id: number; roles: string[] }>(
    'select id, roles from account where tenant_id = ? and email = ?',
    [scope.tenant.id, email],
  );
  const tokens = await app.services.identity.issueTokens(scope, { id: row!.id, roles: row!.roles as never });
  return { id: row!.id, token: tokens.accessToken };
}

beforeAll(async () => {
  app = await startTestApp();
  fx = checkoutFixtures(app);
  admin = await tokenFor('admin@ansania.demo');
});
afterAll(async () => {
  await app.close();
});

const adminGet = (path: string, token = admin.token) => fx.call('GET', `/admin${path}`, token);
const move = (number: string, body: Record<string, unknown>, token = admin.token) =>
  fx.call('PUT', `/admin/orders/${number}/status`, token, body);
const refund = (number: string, body: Record<string, unknown> = { reason: 'Damaged' }, token = admin.token) =>
  fx.call('POST', `/admin/orders/${number}/refund`, token, body);

/** A customer's order of `quantity` of a fresh variant (with `voucher` applied), paid unless `pay: false`. */
async function order(opts: { stock?: number; quantity?: number; voucher?: string; pay?: boolean } = {}) {
  const v = await fx.variant({ stock: opts.stock ?? 10, price: 2_000_000 });
  const me = await fx.shopper(v.id, opts.quantity ?? 1);
  if (opts.voucher) {
    const applied = await fx.call('POST', '/cart/apply-voucher', me.token, { code: opts.voucher });
    expect(applied.status, JSON.stringify(applied.body)).toBe(200);
  }
  const res = await fx.createOrder(me.token, me.addressId);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const number = res.body.data.order.order_number as string;
  if (opts.pay !== false) await paySandbox(app, res.body.data.payment.payment_url);
  const [row] = await fx.sql<{ id: number }>('select id from customer_order where order_number = ?', [
    number,
  ]);
  return { v, me, number, id: row!.id, payUrl: res.body.data.payment.payment_url as string };
}

const statusOf = async (number: string) =>
  (await fx.sql<{ status: string }>('select status from customer_order where order_number = ?', [number]))[0]!
    .status;
const events = (orderId: number) =>
  fx.sql<{ status: string; note: string | null; actor_account_id: number | null }>(
    'select status, note, actor_account_id from order_status_event where order_id = ? order by created_at, id',
    [orderId],
  );
const reversals = async (orderId: number) =>
  (
    await fx.sql<{ n: number }>('select count(*)::int as n from ledger_entry where idempotency_key = ?', [
      `order:${orderId}:affiliate-commission:reversal`,
    ])
  )[0]!.n;
const soldCount = async (productId: number) =>
  (await fx.sql<{ sold_count: number }>('select sold_count from product where id = ?', [productId]))[0]!
    .sold_count;

describe('the timeline of a shop order', () => {
  it('records creation, payment and the customer’s cancellation with who did it', async () => {
    const { me, number, id } = await order();
    const cancelled = await fx.call('PUT', `/orders/${number}/cancel`, me.token, { reason: 'Too slow' });
    expect(cancelled.status).toBe(200);
    expect(await events(id)).toEqual([
      { status: 'pending_payment', note: null, actor_account_id: me.id },
      { status: 'paid', note: null, actor_account_id: null },
      { status: 'cancelled', note: 'Too slow', actor_account_id: me.id },
    ]);
  });

  it('records a failed payment as a cancellation by the system', async () => {
    const { me, id, payUrl } = await order({ pay: false });
    await paySandbox(app, payUrl, 'failed');
    expect(await events(id)).toEqual([
      { status: 'pending_payment', note: null, actor_account_id: me.id },
      { status: 'cancelled', note: 'payment_failed', actor_account_id: null },
    ]);
  });
});

describe('admin order moves', () => {
  it('takes a paid order through processing, shipped and delivered, and shows the timeline', async () => {
    const { me, number, id } = await order();
    const processing = await move(number, { status: 'processing', note: 'Packing' });
    expect(processing.status, JSON.stringify(processing.body)).toBe(200);
    expect(processing.body.success).toBe(true);
    expect(processing.body.data.order.status).toBe('processing');

    const shipped = await move(number, { status: 'shipped', tracking_number: ' JNT0012345 ' });
    expect(shipped.status, JSON.stringify(shipped.body)).toBe(200);
    expect(shipped.body.data.order.shipping.tracking_number).toBe('JNT0012345');
    const delivered = await move(number, { status: 'delivered' });
    expect(delivered.status).toBe(200);

    const detail = await adminGet(`/orders/${number}`);
    expect(detail.status).toBe(200);
    expect(detail.body.data.order).toMatchObject({
      id,
      order_number: number,
      status: 'delivered',
      payment_status: 'paid',
      refunded_at: null,
      customer: { id: me.id, email: me.email },
    });
    const timeline = detail.body.data.order.timeline;
    expect(timeline.map((e: { status: string }) => e.status)).toEqual([
      'pending_payment',
      'paid',
      'processing',
      'shipped',
      'delivered',
    ]);
    expect(timeline[0]).toMatchObject({ actor_id: me.id, note: null });
    expect(timeline[1]).toMatchObject({ actor_id: null });
    expect(timeline[2]).toMatchObject({ actor_id: admin.id, note: 'Packing' });
    expect(timeline[3].note).toBeNull();
    expect(typeof timeline[4].created_at).toBe('string');
    expect(await events(id)).toHaveLength(5);

    // The customer sees the new status and tracking number; their endpoint's shape is unchanged.
    const mine = await fx.call('GET', `/orders/${number}`, me.token);
    expect(mine.body.data.order.status).toBe('delivered');
    expect(mine.body.data.order.shipping.tracking_number).toBe('JNT0012345');
    expect(mine.body.data.order).not.toHaveProperty('timeline');
  });

  it('lists shop orders newest first, filtered by status, paginated', async () => {
    const first = await order();
    const second = await order({ pay: false });
    const all = await adminGet('/orders?limit=2');
    expect(all.status).toBe(200);
    expect(all.body.data.orders.map((o: { order_number: string }) => o.order_number)).toEqual([
      second.number,
      first.number,
    ]);
    // each order shows its id (what a review's order_id names)
    expect(all.body.data.orders.map((o: { id: number }) => o.id)).toEqual([second.id, first.id]);
    expect(all.body.data.pagination).toMatchObject({ page: 1, limit: 2 });
    expect(all.body.data.pagination.total).toBeGreaterThanOrEqual(2);
    expect(all.body.data.pagination.totalPages).toBe(Math.ceil(all.body.data.pagination.total / 2));
    expect(all.body.data.orders[0]).toMatchObject({
      status: 'pending_payment',
      payment_status: 'unpaid',
      customer: { id: second.me.id, email: second.me.email },
    });
    const pending = await adminGet('/orders?status=pending_payment&limit=100');
    const statuses = new Set(pending.body.data.orders.map((o: { status: string }) => o.status));
    expect([...statuses]).toEqual(['pending_payment']);
    const bad = await adminGet('/orders?status=lost&page=0');
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.details)).toEqual(expect.arrayContaining(['status', 'page']));
  });

  it('refuses moves the status machine does not allow (409) and changes nothing', async () => {
    const unpaid = await order({ pay: false });
    const r1 = await move(unpaid.number, { status: 'processing' });
    expect(r1.status).toBe(409);
    expect(r1.body.code).toBe('CONFLICT');
    const paid = await order();
    expect((await move(paid.number, { status: 'delivered' })).status).toBe(409);
    expect((await move(paid.number, { status: 'shipped', tracking_number: 'X1' })).status).toBe(409);
    expect(await statusOf(paid.number)).toBe('paid');
    expect(await events(paid.id)).toHaveLength(2);
    await move(paid.number, { status: 'processing' });
    expect((await move(paid.number, { status: 'processing' })).status).toBe(409);

    const cancelled = await order({ pay: false });
    await fx.call('PUT', `/orders/${cancelled.number}/cancel`, cancelled.me.token, { reason: 'x' });
    expect((await move(cancelled.number, { status: 'processing' })).status).toBe(409);
    expect((await refund(cancelled.number)).status).toBe(409);
    expect((await refund(unpaid.number)).status).toBe(409);
    expect(await statusOf(unpaid.number)).toBe('pending_payment');

    expect((await move('ORD-19990101-999', { status: 'processing' })).status).toBe(404);
    expect((await refund('ORD-19990101-999')).status).toBe(404);
    expect((await adminGet('/orders/ORD-19990101-999')).status).toBe(404);
  });

  it('400 naming the invalid fields, with nothing written', async () => {
    const { number, id } = await order();
    await move(number, { status: 'processing' });
    const noTracking = await move(number, { status: 'shipped' });
    expect(noTracking.status).toBe(400);
    expect(noTracking.body.code).toBe('VALIDATION_ERROR');
    expect(Object.keys(noTracking.body.details)).toEqual(['tracking_number']);
    const blank = await move(number, { status: 'shipped', tracking_number: '  ' });
    expect(Object.keys(blank.body.details)).toEqual(['tracking_number']);
    const notShipping = await move(number, { status: 'delivered', tracking_number: 'X' });
    expect(notShipping.status).toBe(400);
    expect(Object.keys(notShipping.body.details)).toEqual(['tracking_number']);

    const bad = await move(number, {
      status: 'refunded',
      note: 'x'.repeat(501),
      tracking_number: 'y'.repeat(61),
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.details).sort()).toEqual(['note', 'status', 'tracking_number']);
    expect((await move(number, {})).body.details).toHaveProperty('status');

    const noReason = await refund(number, {});
    expect(noReason.status).toBe(400);
    expect(noReason.body.details).toHaveProperty('reason');
    expect((await refund(number, { reason: 'z'.repeat(501) })).body.details).toHaveProperty('reason');

    expect(await statusOf(number)).toBe('processing');
    expect(await events(id)).toHaveLength(3);
    const [row] = await fx.sql<{ tracking_number: string | null; refund_due: string }>(
      'select tracking_number, refund_due::text from customer_order where id = ?',
      [id],
    );
    expect(row).toEqual({ tracking_number: null, refund_due: '0' });
  });

  it('401 without a token, 403 for customers and affiliates', async () => {
    const { me, number } = await order();
    const affiliate = await tokenFor('darmawan@ansania.demo');
    for (const token of [undefined, me.token, affiliate.token]) {
      const expected = token ? 403 : 401;
      expect((await fx.call('GET', '/admin/orders', token)).status).toBe(expected);
      expect((await fx.call('GET', `/admin/orders/${number}`, token)).status).toBe(expected);
      expect(
        (await fx.call('PUT', `/admin/orders/${number}/status`, token, { status: 'processing' })).status,
      ).toBe(expected);
      expect((await fx.call('POST', `/admin/orders/${number}/refund`, token, { reason: 'x' })).status).toBe(
        expected,
      );
    }
    const forbidden = await fx.call('GET', '/admin/orders', me.token);
    expect(forbidden.body).toMatchObject({ success: false, code: 'FORBIDDEN' });
    expect(await statusOf(number)).toBe('paid');
  });

  it('another tenant’s admin sees none of these orders', async () => {
    const { number } = await order();
    const em = app.orm.em.fork();
    em.create(Tenant, {
      slug: 'shop2',
      name: 'Second Shop',
      profile: 'ansania-ecommerce',
      currency: 'IDR',
      timeZone: 'Asia/Jakarta',
    });
    await em.flush();
    await app.services.tenants.invalidate();
    const scope = await scopeOf('shop2');
    const account = await app.services.identity.createAccount(scope, {
      email: 'admin@shop2.example',
      password: 'Shop2Admin123!',
      name: 'Shop 2 Admin',
      roles: ['admin'],
    });
    const other = (await app.services.identity.issueTokens(scope, account)).accessToken;
    const call = (method: string, path: string, token: string, body?: unknown) =>
      app.request(method, `/t/shop2/api${path}`, { token, ...(body !== undefined && { body }) });

    const list = await call('GET', '/admin/orders', other);
    expect(list.status).toBe(200);
    expect(list.body.data.pagination.total).toBe(0);
    expect((await call('GET', `/admin/orders/${number}`, other)).status).toBe(404);
    expect(
      (await call('PUT', `/admin/orders/${number}/status`, other, { status: 'processing' })).status,
    ).toBe(404);
    expect((await call('POST', `/admin/orders/${number}/refund`, other, { reason: 'x' })).status).toBe(404);
    // ansania's admin token is no key to the other shop.
    expect((await call('GET', '/admin/orders', admin.token)).status).toBe(401);
    expect(await statusOf(number)).toBe('paid');
  });

  it('applies one of ten concurrent moves', async () => {
    const { number, id } = await order();
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => move(number, { status: 'processing', note: `try ${i}` })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, ...Array(9).fill(409)]);
    const shipped = await Promise.all(
      Array.from({ length: 10 }, (_, i) => move(number, { status: 'shipped', tracking_number: `TRK${i}` })),
    );
    expect(shipped.map((r) => r.status).sort()).toEqual([200, ...Array(9).fill(409)]);
    const winner = shipped.find((r) => r.status === 200)!.body.data.order.shipping.tracking_number;
    const [row] = await fx.sql<{ tracking_number: string }>(
      'select tracking_number from customer_order where id = ?',
      [id],
    );
    expect(row!.tracking_number).toBe(winner);
    expect((await events(id)).map((e) => e.status)).toEqual([
      'pending_payment',
      'paid',
      'processing',
      'shipped',
    ]);
  });
});

describe('admin tracking corrections', () => {
  const track = (number: string, body: Record<string, unknown>, token = admin.token) =>
    fx.call('PUT', `/admin/orders/${number}/tracking`, token, body);

  it('replaces the number of a shipped or delivered order and notes the old one on the timeline', async () => {
    const { me, number, id } = await order();
    await move(number, { status: 'processing' });
    await move(number, { status: 'shipped', tracking_number: 'JNT000111' });
    const fixed = await track(number, { tracking_number: ' JNT000222 ', note: 'Typo' });
    expect(fixed.status, JSON.stringify(fixed.body)).toBe(200);
    expect(fixed.body.data.order).toMatchObject({
      status: 'shipped',
      shipping: { tracking_number: 'JNT000222' },
    });
    expect(fixed.body.data.order.timeline.at(-1)).toMatchObject({
      status: 'tracking_updated',
      note: 'Typo (was JNT000111)',
      actor_id: admin.id,
    });
    // the same number again changes nothing
    expect((await track(number, { tracking_number: 'JNT000222' })).status).toBe(200);
    expect(await events(id)).toHaveLength(5);
    await move(number, { status: 'delivered' });
    expect((await track(number, { tracking_number: 'JNT000333' })).body.data.order.timeline.at(-1).note).toBe(
      'was JNT000222',
    );
    const mine = await fx.call('GET', `/orders/${number}`, me.token);
    expect(mine.body.data.order.shipping.tracking_number).toBe('JNT000333');
    expect(await statusOf(number)).toBe('delivered');
  });

  it('409 before the order ships, 400 naming tracking_number, 404 for an unknown order, 403 for a customer', async () => {
    const { me, number, id } = await order();
    const early = await track(number, { tracking_number: 'JNT1' });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('CONFLICT');
    for (const body of [{}, { tracking_number: '   ' }, { tracking_number: 'x'.repeat(61) }]) {
      const res = await track(number, body);
      expect(res.status).toBe(400);
      expect(Object.keys(res.body.details)).toEqual(['tracking_number']);
    }
    expect((await track('ORD-19990101-999', { tracking_number: 'JNT1' })).status).toBe(404);
    expect((await track(number, { tracking_number: 'JNT1' }, me.token)).status).toBe(403);
    expect(
      (await fx.call('PUT', `/admin/orders/${number}/tracking`, undefined, { tracking_number: 'J' })).status,
    ).toBe(401);
    expect(await events(id)).toHaveLength(2);
  });
});

describe('admin refunds', () => {
  it('refunds a paid order in processing: stock and voucher use back, affiliate commission reversed', async () => {
    const { v, number, id } = await order({ stock: 5, quantity: 2, voucher: 'darmawan10' });
    const darmawan = await tokenFor('darmawan@ansania.demo');
    const usesBefore = await fx.voucherUses('DARMAWAN10');
    const earned = await app.services.affiliateCommissions.balance(await fx.scope(), darmawan.id);
    expect(earned).toBeGreaterThan(0);
    expect(await fx.stockOf(v.id)).toBe(3);
    expect(await soldCount(v.productId)).toBe(2);
    await move(number, { status: 'processing' });

    const res = await refund(number, { reason: 'Item damaged in the warehouse' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const o = res.body.data.order;
    expect(o).toMatchObject({ status: 'refunded', payment_status: 'refunded', refund_due: o.summary.total });
    expect(o.refunded_at).toEqual(expect.any(String));
    expect(o.timeline.at(-1)).toMatchObject({
      status: 'refunded',
      note: 'Item damaged in the warehouse',
      actor_id: admin.id,
    });

    expect(await fx.stockOf(v.id)).toBe(5);
    expect(await soldCount(v.productId)).toBe(0);
    expect(await fx.voucherUses('DARMAWAN10')).toBe(usesBefore - 1);
    const [redemption] = await fx.sql<{ status: string }>(
      'select status from voucher_redemption where order_id = ?',
      [id],
    );
    expect(redemption!.status).toBe('void');
    const [commission] = await fx.sql<{ amount: string; reversed_at: Date | null }>(
      "select amount::text, reversed_at from commission where kind = 'affiliate' and order_id = ?",
      [id],
    );
    expect(Number(commission!.amount)).toBe(
      Math.floor(((o.summary.subtotal + o.summary.shipping_cost) * 500) / 10_000),
    );
    expect(commission!.reversed_at).not.toBeNull();
    expect(await reversals(id)).toBe(1);
    expect(await app.services.affiliateCommissions.balance(await fx.scope(), darmawan.id)).toBe(
      earned - Number(commission!.amount),
    );
    expect(await unbalancedLedgerEntries(app.orm)).toEqual([]);

    const again = await refund(number);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('CONFLICT');
    expect(await reversals(id)).toBe(1);

    const mine = await fx.call('GET', `/orders/${number}`, (await tokenFor(o.customer.email)).token);
    expect(mine.body.data.order).toMatchObject({ status: 'refunded', payment_status: 'refunded' });
  });

  it('keeps the stock of an order that has shipped (the goods are with the customer)', async () => {
    const shipped = await order({ stock: 4, quantity: 1 });
    await move(shipped.number, { status: 'processing' });
    await move(shipped.number, { status: 'shipped', tracking_number: 'JNT1' });
    expect((await refund(shipped.number)).status).toBe(200);
    expect(await fx.stockOf(shipped.v.id)).toBe(3);

    const delivered = await order({ stock: 4, quantity: 1 });
    await move(delivered.number, { status: 'processing' });
    await move(delivered.number, { status: 'shipped', tracking_number: 'JNT2' });
    await move(delivered.number, { status: 'delivered' });
    expect((await refund(delivered.number)).status).toBe(200);
    expect(await fx.stockOf(delivered.v.id)).toBe(3);

    const paid = await order({ stock: 4, quantity: 1 });
    expect((await refund(paid.number)).status).toBe(200);
    expect(await fx.stockOf(paid.v.id)).toBe(4);
  });

  it('reverses the commission once under ten concurrent refunds', async () => {
    const { v, number, id } = await order({ stock: 6, quantity: 3, voucher: 'darmawan10' });
    const usesBefore = await fx.voucherUses('DARMAWAN10');
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => refund(number, { reason: `refund ${i}` })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, ...Array(9).fill(409)]);
    expect(await reversals(id)).toBe(1);
    expect(await fx.stockOf(v.id)).toBe(6);
    expect(await fx.voucherUses('DARMAWAN10')).toBe(usesBefore - 1);
    expect((await events(id)).filter((e) => e.status === 'refunded')).toHaveLength(1);
    expect(await unbalancedLedgerEntries(app.orm)).toEqual([]);
  });
});
