import { createApiContext, createLogger } from '@komisi/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Tenant } from '../../../../packages/api/src/contexts/tenancy/tenant.entity.ts';
import { paySandbox, startTestApp, type TestApp } from '../testing/test-app.ts';
import { trpcCall } from '../testing/trpc-call.ts';
import { checkoutFixtures } from './checkout-fixtures.ts';

// The shop's voucher administration: list, usage report, create, edit, switch off and on; what an
// administrator writes is what the next checkout applies.

// biome-ignore lint/suspicious/noExplicitAny: JSON bodies
type Json = any;

let app: TestApp;
let fx: ReturnType<typeof checkoutFixtures>;
let admin: { id: number; token: string };
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

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

const call = (method: string, path: string, body?: unknown, token = admin.token) =>
  fx.call(method, `/admin${path}`, token, body);
const create = (body: Record<string, unknown>, token = admin.token) => call('POST', '/vouchers', body, token);
const update = (id: number, body: Record<string, unknown>, token = admin.token) =>
  call('PUT', `/vouchers/${id}`, body, token);

let codes = 0;
/** A fresh code for a test's voucher. */
const freshCode = (prefix = 'ADM') => `${prefix}${++codes}${Date.now() % 100_000}`;

/** Creates a voucher through the API (a fixed 100,000 off unless `fields` say otherwise). */
async function voucher(fields: Record<string, unknown> = {}) {
  const res = await create({
    code: freshCode(),
    name: 'Admin voucher',
    discount_type: 'fixed',
    discount_value: 100_000,
    ...fields,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data.voucher as Json;
}

/** A customer's order of one 1,000,000 item with `code` applied; paid unless `pay: false`. */
async function orderWith(code: string, opts: { pay?: boolean } = {}) {
  const v = await fx.variant({ price: 1_000_000, stock: 50 });
  const me = await fx.shopper(v.id, 1);
  const applied = await fx.call('POST', '/cart/apply-voucher', me.token, { code });
  expect(applied.status, JSON.stringify(applied.body)).toBe(200);
  const res = await fx.createOrder(me.token, me.addressId);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  if (opts.pay !== false) await paySandbox(app, res.body.data.payment.payment_url);
  return { me, number: res.body.data.order.order_number as string };
}

const voucherRows = async () => (await fx.sql<{ n: number }>('select count(*)::int as n from voucher'))[0]!.n;

/** Sends `body` and expects a 4xx naming exactly `fields`, with no voucher written or changed. */
async function refused(
  send: () => Promise<{ status: number; body: Json }>,
  status: number,
  fields: string[],
  code = status === 409 ? 'CONFLICT' : 'VALIDATION_ERROR',
) {
  const before = await fx.sql('select * from voucher order by id');
  const res = await send();
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body).toMatchObject({ success: false, code });
  expect(Object.keys(res.body.details ?? {}).sort()).toEqual([...fields].sort());
  expect(await fx.sql('select * from voucher order by id')).toEqual(before);
  return res.body;
}

describe('an administrator’s voucher at checkout', () => {
  it('is created, applied by a customer at once, carried by the order and reported with its usage', async () => {
    const code = freshCode('NEW');
    const created = await create({
      code: `  ${code.toLowerCase()} `,
      name: 'Opening week',
      description: '15% off, at most 120,000',
      discount_type: 'percentage',
      discount_value: 15,
      max_discount_amount: 120_000,
      min_purchase_amount: 500_000,
      end_date: iso(Date.now() + 7 * DAY),
      usage_limit: 100,
      per_customer_limit: 1,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ success: true });
    const v = created.body.data.voucher;
    expect(v).toEqual({
      id: expect.any(Number),
      code,
      name: 'Opening week',
      description: '15% off, at most 120,000',
      discount_type: 'percentage',
      discount_value: 15,
      max_discount_amount: 120_000,
      min_purchase_amount: 500_000,
      start_date: null,
      end_date: expect.any(String),
      usage_limit: 100,
      per_customer_limit: 1,
      used_count: 0,
      usage_remaining: 100,
      is_active: true,
      is_public: true,
      state: 'active',
      affiliate_id: null,
      created_at: expect.any(String),
      usage: { used_count: 0, voided_count: 0, paid_orders: 0, total_discount: 0 },
      recent_orders: [],
    });

    // The customer's own voucher list shows it, and the order carries its discount (15% of 1,000,000).
    const shopper = await fx.shopper();
    const available = await fx.call('GET', '/vouchers/available', shopper.token);
    expect(available.body.data.vouchers.map((x: Json) => x.code)).toContain(code);
    const { me, number } = await orderWith(code);
    const detail = await fx.call('GET', `/orders/${number}`, me.token);
    expect(detail.body.data.order.summary).toMatchObject({
      subtotal: 1_000_000,
      discount: 120_000,
      voucher_code: code,
    });

    const report = await call('GET', `/vouchers/${v.id}`);
    expect(report.status).toBe(200);
    expect(report.body.data.voucher).toMatchObject({
      used_count: 1,
      usage_remaining: 99,
      usage: { used_count: 1, voided_count: 0, paid_orders: 1, total_discount: 120_000 },
      recent_orders: [
        {
          order_number: number,
          status: 'paid',
          discount_amount: 120_000,
          redemption_status: 'active',
          customer: { id: me.id, email: me.email },
        },
      ],
    });
    // The customer may not use it twice (per_customer_limit 1).
    const twice = await fx.call('POST', '/cart/apply-voucher', me.token, { code });
    expect(twice.status).toBe(400);
    expect(twice.body.code).toBe('VOUCHER_CUSTOMER_LIMIT');
  });

  it('a cancelled order gives its use back; an unpaid order is a use but gave no discount yet', async () => {
    const v = await voucher({ usage_limit: 5 });
    const unpaid = await orderWith(v.code, { pay: false });
    const paid = await orderWith(v.code);
    let report = (await call('GET', `/vouchers/${v.id}`)).body.data.voucher;
    expect(report.usage).toEqual({ used_count: 2, voided_count: 0, paid_orders: 1, total_discount: 100_000 });
    expect(report.recent_orders.map((o: Json) => o.order_number)).toEqual([paid.number, unpaid.number]);
    const cancelled = await fx.call('PUT', `/orders/${unpaid.number}/cancel`, unpaid.me.token, {
      reason: 'x',
    });
    expect(cancelled.status).toBe(200);
    report = (await call('GET', `/vouchers/${v.id}`)).body.data.voucher;
    expect(report).toMatchObject({ used_count: 1, usage_remaining: 4 });
    expect(report.usage).toEqual({ used_count: 1, voided_count: 1, paid_orders: 1, total_discount: 100_000 });
    expect(report.recent_orders[1]).toMatchObject({ status: 'cancelled', redemption_status: 'void' });
  });

  it('switched off, checkout refuses it; switched on again, it applies; repeating either changes nothing', async () => {
    const v = await voucher();
    const off = await call('POST', `/vouchers/${v.id}/deactivate`);
    expect(off.status).toBe(200);
    expect(off.body.data.voucher).toMatchObject({ is_active: false, state: 'inactive' });
    expect((await call('POST', `/vouchers/${v.id}/deactivate`)).body.data.voucher.is_active).toBe(false);
    const shopper = await fx.shopper();
    const refusedApply = await fx.call('POST', '/cart/apply-voucher', shopper.token, { code: v.code });
    expect(refusedApply.status).toBe(400);
    expect(refusedApply.body.code).toBe('VOUCHER_INACTIVE');

    const on = await call('POST', `/vouchers/${v.id}/reactivate`);
    expect(on.body.data.voucher).toMatchObject({ is_active: true, state: 'active' });
    expect((await call('POST', `/vouchers/${v.id}/reactivate`)).status).toBe(200);
    await orderWith(v.code);
  });

  it('an order placed while the voucher is switched off concurrently either has the discount or is refused', async () => {
    const v = await voucher({ usage_limit: 100 });
    const product = await fx.variant({ price: 1_000_000, stock: 100 });
    const shoppers = await Promise.all(
      Array.from({ length: 6 }, async () => {
        const s = await fx.shopper(product.id, 1);
        expect((await fx.call('POST', '/cart/apply-voucher', s.token, { code: v.code })).status).toBe(200);
        return s;
      }),
    );
    const [results] = await Promise.all([
      Promise.all(shoppers.map((s) => fx.createOrder(s.token, s.addressId))),
      call('POST', `/vouchers/${v.id}/deactivate`),
    ]);
    for (const r of results) {
      if (r.status !== 201) expect(r.body.code, JSON.stringify(r.body)).toBe('VOUCHER_INACTIVE');
    }
    const placed = results.filter((r) => r.status === 201).length;
    expect(await fx.voucherUses(v.code)).toBe(placed);
  });

  it('a limit set by the administrator holds under 12 concurrent checkouts', async () => {
    const v = await voucher({ usage_limit: 3 });
    const product = await fx.variant({ price: 1_000_000, stock: 100 });
    const shoppers = await Promise.all(
      Array.from({ length: 12 }, async () => {
        const s = await fx.shopper(product.id, 1);
        expect((await fx.call('POST', '/cart/apply-voucher', s.token, { code: v.code })).status).toBe(200);
        return s;
      }),
    );
    const results = await Promise.all(shoppers.map((s) => fx.createOrder(s.token, s.addressId)));
    expect(results.filter((r) => r.status === 201)).toHaveLength(3);
    for (const r of results.filter((x) => x.status !== 201)) expect(r.body.code).toBe('VOUCHER_USAGE_LIMIT');
    expect((await call('GET', `/vouchers/${v.id}`)).body.data.voucher).toMatchObject({
      used_count: 3,
      usage_remaining: 0,
      state: 'used_up',
    });
  });
});

describe('creating a voucher', () => {
  it('takes the three kinds with defaults for what is not sent', async () => {
    const fixed = await voucher({ discount_type: 'fixed', discount_value: 50_000 });
    expect(fixed).toMatchObject({
      discount_value: 50_000,
      min_purchase_amount: 0,
      max_discount_amount: null,
      usage_limit: null,
      usage_remaining: null,
      per_customer_limit: null,
      description: null,
      is_public: true,
      is_active: true,
    });
    const free = await voucher({ discount_type: 'free_shipping', discount_value: 0, is_public: false });
    expect(free).toMatchObject({ discount_type: 'free_shipping', discount_value: 0, is_public: false });
    const later = await voucher({
      discount_type: 'percentage',
      discount_value: 12.5,
      start_date: iso(Date.now() + DAY),
      is_active: false,
    });
    expect(later).toMatchObject({ discount_value: 12.5, is_active: false, state: 'inactive' });
    const [row] = await fx.sql<{ discount_value: string }>(
      'select discount_value::text from voucher where id = ?',
      [later.id],
    );
    expect(row!.discount_value).toBe('1250');
  });

  it.each([
    ['no fields', {}, ['code', 'name', 'discount_type', 'discount_value']],
    ['a percentage over 100', { discount_type: 'percentage', discount_value: 150 }, ['discount_value']],
    ['a percentage of 0', { discount_type: 'percentage', discount_value: 0 }, ['discount_value']],
    ['three decimals', { discount_type: 'percentage', discount_value: 10.555 }, ['discount_value']],
    ['a fixed 0', { discount_type: 'fixed', discount_value: 0 }, ['discount_value']],
    ['a fixed fraction', { discount_type: 'fixed', discount_value: 10.5 }, ['discount_value']],
    ['a negative value', { discount_value: -1 }, ['discount_value']],
    ['an unknown type', { discount_type: 'bogo' }, ['discount_type']],
    ['a code with spaces inside', { code: 'TWO WORDS' }, ['code']],
    ['a 33-character code', { code: 'A'.repeat(33) }, ['code']],
    ['an empty name', { name: '  ' }, ['name']],
    [
      'bad amounts and limits',
      { min_purchase_amount: -5, max_discount_amount: 1.5, usage_limit: -1, per_customer_limit: 'x' },
      ['min_purchase_amount', 'max_discount_amount', 'usage_limit', 'per_customer_limit'],
    ],
    [
      'a date that is not one',
      { start_date: 'tomorrow', end_date: '2026-13-01T00:00:00Z' },
      ['start_date', 'end_date'],
    ],
    [
      'an end before the start',
      { start_date: '2026-03-01T00:00:00Z', end_date: '2026-02-01T00:00:00Z' },
      ['end_date'],
    ],
    ['a string flag', { is_public: 'yes', is_active: 1 }, ['is_public', 'is_active']],
  ])('refuses %s with 400 naming the fields, writing nothing', async (_, fields, names) => {
    const base = { code: freshCode(), name: 'Bad', discount_type: 'fixed', discount_value: 1 };
    await refused(() => create(Object.keys(fields).length ? { ...base, ...fields } : {}), 400, names);
  });

  it('refuses a code another voucher has (any case, padded) with 409 naming code', async () => {
    const v = await voucher();
    await refused(
      () => create({ code: v.code, name: 'Copy', discount_type: 'fixed', discount_value: 1 }),
      409,
      ['code'],
    );
    await refused(
      () =>
        create({
          code: ` ${v.code.toLowerCase()} `,
          name: 'Copy',
          discount_type: 'fixed',
          discount_value: 1,
        }),
      409,
      ['code'],
    );
    await refused(
      () => create({ code: 'welcome10', name: 'Seeded', discount_type: 'fixed', discount_value: 1 }),
      409,
      ['code'],
    );
  });

  it('of five concurrent creates of one code, one is 201 and four 409; one row', async () => {
    const code = freshCode('RACE');
    const before = await voucherRows();
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        create({ code, name: 'Race', discount_type: 'fixed', discount_value: 1 }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
    for (const r of results.filter((x) => x.status === 409))
      expect(Object.keys(r.body.details)).toEqual(['code']);
    expect(await voucherRows()).toBe(before + 1);
  });
});

describe('editing a voucher', () => {
  it('changes only what is sent, clears with null, and checkout applies the new rules at once', async () => {
    const v = await voucher({ min_purchase_amount: 2_000_000, usage_limit: 10, description: 'Old' });
    const shopper = await fx.shopper();
    const tooSmall = await fx.call('POST', '/vouchers/validate', shopper.token, {
      code: v.code,
      cart_total: 1_000_000,
    });
    expect(tooSmall.body.code).toBe('VOUCHER_MIN_PURCHASE');

    const res = await update(v.id, {
      name: 'Renamed',
      description: null,
      min_purchase_amount: 0,
      usage_limit: null,
      end_date: iso(Date.now() + 3 * DAY),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.data.voucher).toMatchObject({
      ...Object.fromEntries(Object.entries(v).filter(([k]) => !['usage', 'recent_orders'].includes(k))),
      name: 'Renamed',
      description: null,
      min_purchase_amount: 0,
      usage_limit: null,
      usage_remaining: null,
      end_date: expect.any(String),
    });
    const fine = await fx.call('POST', '/vouchers/validate', shopper.token, {
      code: v.code,
      cart_total: 1_000_000,
    });
    expect(fine.status, JSON.stringify(fine.body)).toBe(200);
    expect((await update(v.id, {})).body.data.voucher.name).toBe('Renamed');
  });

  it('changes code and terms of an unused voucher; the old code is then unknown', async () => {
    const v = await voucher();
    const code = freshCode('MOVED');
    const res = await update(v.id, { code, discount_type: 'percentage', discount_value: 20 });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.data.voucher).toMatchObject({ code, discount_type: 'percentage', discount_value: 20 });
    const shopper = await fx.shopper();
    const old = await fx.call('POST', '/vouchers/validate', shopper.token, {
      code: v.code,
      cart_total: 1_000_000,
    });
    expect(old.status).toBe(404);
    const moved = await fx.call('POST', '/vouchers/validate', shopper.token, { code, cart_total: 1_000_000 });
    expect(moved.body.data.voucher.discount_amount).toBe(200_000);
  });

  it('keeps the code and terms of a used voucher (409 naming them); the rest still changes', async () => {
    const v = await voucher({ usage_limit: 10 });
    const { me, number } = await orderWith(v.code);
    await refused(() => update(v.id, { discount_type: 'fixed', discount_value: 150_000 }), 409, [
      'discount_value',
    ]);
    await refused(() => update(v.id, { discount_type: 'percentage', discount_value: 10 }), 409, [
      'discount_type',
      'discount_value',
    ]);
    await refused(() => update(v.id, { code: freshCode() }), 409, ['code']);
    // A use given back still counts: that order had the discount.
    expect((await fx.call('PUT', `/orders/${number}/cancel`, me.token, { reason: 'x' })).status).toBe(200);
    await refused(() => update(v.id, { discount_type: 'fixed', discount_value: 1 }), 409, ['discount_value']);
    const same = await update(v.id, {
      code: v.code,
      discount_type: 'fixed',
      discount_value: 100_000,
      usage_limit: 20,
    });
    expect(same.status, JSON.stringify(same.body)).toBe(200);
    expect(same.body.data.voucher).toMatchObject({ usage_limit: 20, used_count: 0 });
    expect(same.body.data.voucher.usage).toMatchObject({ used_count: 0, voided_count: 1 });
  });

  it('refuses a usage limit below the uses made, a lone discount_value and bad fields, changing nothing', async () => {
    const v = await voucher({ usage_limit: 10 });
    await orderWith(v.code);
    await orderWith(v.code);
    await refused(() => update(v.id, { usage_limit: 1 }), 400, ['usage_limit']);
    expect((await update(v.id, { usage_limit: 2 })).body.data.voucher.usage_remaining).toBe(0);
    await refused(() => update(v.id, { discount_value: 5 }), 400, ['discount_type']);
    await refused(
      () => update(v.id, { end_date: '2000-01-01T00:00:00Z', start_date: '2001-01-01T00:00:00Z' }),
      400,
      ['end_date'],
    );
    await refused(() => update(v.id, { name: '', max_discount_amount: -1 }), 400, [
      'name',
      'max_discount_amount',
    ]);
    // the rule is checked before the terms are: a malformed code is a 400 even on a used voucher
    await refused(() => update(v.id, { code: 'a b' }), 400, ['code']);
    await refused(() => call('PUT', '/vouchers/abc', { name: 'x' }), 400, ['id']);
  });

  it('refuses taking another voucher’s code (409 naming code); 404 for a voucher that does not exist', async () => {
    const a = await voucher();
    const b = await voucher();
    await refused(() => update(b.id, { code: a.code.toLowerCase() }), 409, ['code']);
    for (const res of [
      await update(999_999, { name: 'x' }),
      await call('GET', '/vouchers/999999'),
      await call('POST', '/vouchers/999999/deactivate'),
      await call('POST', '/vouchers/999999/reactivate'),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ success: false, code: 'NOT_FOUND' });
    }
  });

  it('an edit of the terms racing checkouts lands wholly before or after each order', async () => {
    const v = await voucher({ usage_limit: 100 });
    const product = await fx.variant({ price: 1_000_000, stock: 100 });
    const shoppers = await Promise.all(
      Array.from({ length: 6 }, async () => {
        const s = await fx.shopper(product.id, 1);
        expect((await fx.call('POST', '/cart/apply-voucher', s.token, { code: v.code })).status).toBe(200);
        return s;
      }),
    );
    const [results, edit] = await Promise.all([
      Promise.all(shoppers.map((s) => fx.createOrder(s.token, s.addressId))),
      update(v.id, { discount_type: 'fixed', discount_value: 250_000 }),
    ]);
    expect(results.every((r) => r.status === 201)).toBe(true);
    expect([200, 409]).toContain(edit.status);
    const discounts = await fx.sql<{ discount: string }>(
      'select distinct discount::text from customer_order where voucher_code = ?',
      [v.code],
    );
    // every order got the terms the voucher has now: the edit came before all of them, or was refused
    expect(discounts).toEqual([{ discount: edit.status === 200 ? '250000' : '100000' }]);
  });
});

describe('the voucher list', () => {
  it('filters by state, searches code and name, sorts and pages', async () => {
    const tag = freshCode('LST');
    const now = Date.now();
    const made = {
      active: await voucher({ code: `${tag}A`, name: `List ${tag} alpha`, usage_limit: 5 }),
      expired: await voucher({ code: `${tag}B`, end_date: iso(now - DAY), start_date: iso(now - 2 * DAY) }),
      scheduled: await voucher({ code: `${tag}C`, start_date: iso(now + DAY) }),
      inactive: await voucher({ code: `${tag}D`, is_active: false }),
      used_up: await voucher({ code: `${tag}E`, usage_limit: 0 }),
    };
    const list = async (query: string) => {
      const res = await call('GET', `/vouchers?search=${tag}&limit=100&${query}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body.data;
    };
    const all = await list('');
    expect(all.vouchers.map((x: Json) => x.code)).toEqual([
      `${tag}E`,
      `${tag}D`,
      `${tag}C`,
      `${tag}B`,
      `${tag}A`,
    ]);
    expect(all.pagination).toEqual({ page: 1, limit: 100, total: 5, totalPages: 1 });
    for (const [state, v] of Object.entries(made)) {
      const only = await list(`status=${state}`);
      expect(
        only.vouchers.map((x: Json) => x.code),
        state,
      ).toEqual([v.code]);
      expect(only.vouchers[0].state).toBe(state);
    }
    expect((await list('sort=code')).vouchers.map((x: Json) => x.code)).toEqual([
      `${tag}A`,
      `${tag}B`,
      `${tag}C`,
      `${tag}D`,
      `${tag}E`,
    ]);
    expect((await list('sort=ending_soon')).vouchers[0].code).toBe(`${tag}B`);
    // by name, any case; a search that is a LIKE pattern matches itself only
    const byName = await call(
      'GET',
      `/vouchers?search=${encodeURIComponent(`list ${tag.toLowerCase()} ALPHA`)}`,
    );
    expect(byName.body.data.vouchers.map((x: Json) => x.code)).toEqual([`${tag}A`]);
    expect(
      (await call('GET', `/vouchers?search=${encodeURIComponent('%_%_%_%')}`)).body.data.pagination.total,
    ).toBe(0);
    const page2 = await call('GET', `/vouchers?search=${tag}&limit=2&page=2&sort=code`);
    expect(page2.body.data.vouchers.map((x: Json) => x.code)).toEqual([`${tag}C`, `${tag}D`]);
    expect(page2.body.data.pagination).toEqual({ page: 2, limit: 2, total: 5, totalPages: 3 });
    // with no query at all, the seeded vouchers are there too
    const plain = await call('GET', '/vouchers');
    expect(plain.body.data.pagination.limit).toBe(20);
    const seeded = await call('GET', '/vouchers?search=WELCOME10');
    expect(seeded.body.data.vouchers[0]).toMatchObject({ code: 'WELCOME10', discount_value: 10 });
  });

  it('400 naming bad query fields', async () => {
    const res = await call('GET', '/vouchers?status=lost&page=0&limit=500&sort=random');
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.details).sort()).toEqual(['limit', 'page', 'sort', 'status']);
  });
});

describe('who may use the voucher desk', () => {
  it('401 without a token, 403 for customers and affiliates, with nothing written', async () => {
    const v = await voucher();
    const customer = await fx.user();
    const affiliate = await tokenFor('darmawan@ansania.demo');
    const before = await fx.sql('select * from voucher order by id');
    for (const token of [undefined, customer.token, affiliate.token]) {
      const expected = token ? 403 : 401;
      const calls: [string, string, unknown?][] = [
        ['GET', '/admin/vouchers'],
        ['GET', `/admin/vouchers/${v.id}`],
        [
          'POST',
          '/admin/vouchers',
          { code: freshCode(), name: 'x', discount_type: 'fixed', discount_value: 1 },
        ],
        ['PUT', `/admin/vouchers/${v.id}`, { name: 'x' }],
        ['POST', `/admin/vouchers/${v.id}/deactivate`],
        ['POST', `/admin/vouchers/${v.id}/reactivate`],
      ];
      for (const [method, path, body] of calls) {
        const res = await fx.call(method, path, token, body);
        expect(res.status, `${method} ${path}`).toBe(expected);
        expect(res.body).toMatchObject({ success: false, code: token ? 'FORBIDDEN' : 'UNAUTHORIZED' });
      }
      const viaTrpc = await trpcCall(
        app,
        'ansania',
        'adminVouchers.create',
        'mutation',
        { code: 'X' },
        token,
      );
      expect(viaTrpc.status).toBe(expected);
    }
    expect(await fx.sql('select * from voucher order by id')).toEqual(before);
  });

  it('another shop’s administrator sees none of these vouchers and can change none', async () => {
    const v = await voucher();
    const em = app.orm.em.fork();
    em.create(Tenant, {
      slug: 'voucher-shop2',
      name: 'Second Shop',
      profile: 'ansania-ecommerce',
      currency: 'IDR',
      timeZone: 'Asia/Jakarta',
    });
    await em.flush();
    await app.services.tenants.invalidate();
    const scope = await scopeOf('voucher-shop2');
    const account = await app.services.identity.createAccount(scope, {
      email: 'admin@voucher-shop2.example',
      password: 'Shop2Admin123!',
      name: 'Shop 2 Admin',
      roles: ['admin'],
    });
    const other = (await app.services.identity.issueTokens(scope, account)).accessToken;
    const at = (method: string, path: string, body?: unknown) =>
      app.request(method, `/t/voucher-shop2/api/admin${path}`, {
        token: other,
        ...(body !== undefined && { body }),
      });
    expect((await at('GET', '/vouchers')).body.data.pagination.total).toBe(0);
    expect((await at('GET', `/vouchers/${v.id}`)).status).toBe(404);
    expect((await at('PUT', `/vouchers/${v.id}`, { name: 'Stolen' })).status).toBe(404);
    expect((await at('POST', `/vouchers/${v.id}/deactivate`)).status).toBe(404);
    // the same code is free in the other shop: codes are unique per tenant
    const own = await at('POST', '/vouchers', {
      code: v.code,
      name: 'Ours',
      discount_type: 'fixed',
      discount_value: 1,
    });
    expect(own.status, JSON.stringify(own.body)).toBe(201);
    expect((await call('GET', `/vouchers/${v.id}`)).body.data.voucher).toMatchObject({
      name: 'Admin voucher',
      is_active: true,
    });
    // ansania's token is no key to the other shop
    expect(
      (await app.request('GET', '/t/voucher-shop2/api/admin/vouchers', { token: admin.token })).status,
    ).toBe(401);
  });
});

describe('REST and tRPC', () => {
  it('answer the same data, and name the same fields when they refuse', async () => {
    const v = await voucher({ usage_limit: 7 });
    const rest = await call('GET', `/vouchers/${v.id}`);
    const trpc = await trpcCall(app, 'ansania', 'adminVouchers.detail', 'query', { id: v.id }, admin.token);
    expect(trpc.status).toBe(200);
    expect(trpc.data).toEqual(rest.body.data);
    const restList = await call('GET', `/vouchers?search=${v.code}`);
    const trpcList = await trpcCall(
      app,
      'ansania',
      'adminVouchers.list',
      'query',
      { search: v.code },
      admin.token,
    );
    expect(trpcList.data).toEqual(restList.body.data);

    const code = freshCode('TRPC');
    const made = await trpcCall(
      app,
      'ansania',
      'adminVouchers.create',
      'mutation',
      { code, name: 'Via tRPC', discount_type: 'percentage', discount_value: 5 },
      admin.token,
    );
    expect(made.status).toBe(200);
    expect(made.data.voucher).toMatchObject({ code, discount_value: 5, state: 'active' });
    const bad = await trpcCall(
      app,
      'ansania',
      'adminVouchers.update',
      'mutation',
      { id: v.id, discount_type: 'percentage', discount_value: 101 },
      admin.token,
    );
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.error.fields)).toEqual(['discount_value']);
    const off = await trpcCall(
      app,
      'ansania',
      'adminVouchers.deactivate',
      'mutation',
      { id: v.id },
      admin.token,
    );
    expect(off.data.voucher.is_active).toBe(false);
    expect((await call('GET', `/vouchers/${v.id}`)).body.data.voucher.state).toBe('inactive');
  });
});
