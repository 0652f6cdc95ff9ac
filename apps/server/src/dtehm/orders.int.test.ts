import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  activeMember,
  adminToken,
  paySandbox,
  registerMember,
  startTestApp,
  type TestApp,
} from '../testing/test-app.ts';

// biome-ignore lint/suspicious/noExplicitAny: JSON bodies
type Json = any;
type Member = Awaited<ReturnType<typeof activeMember>>;

let app: TestApp;
/** chain[0] is sponsored by the root, chain[9] sponsors the buyer: chain[9] is GN1, chain[0] GN10. */
const chain: Member[] = [];
let stockist: Member;
let buyer: Member;
let outsider: Member;
let laptopId: number;
let bagId: number;

const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
const PRICE = 850_000;
/** GN1..GN10 in basis points, as the spec's table: 3, 2.5, 2, 1.5, 1, 0.8, 0.6, 0.5, 0.4, 0.2 %. */
const GENERATION_BPS = [300, 250, 200, 150, 100, 80, 60, 50, 40, 20];

async function sql(query: string, params: unknown[] = []): Promise<Json[]> {
  return app.orm.em.fork().getConnection().execute(query, params);
}

async function count(table: string, where = 'true', params: unknown[] = []): Promise<number> {
  const [row] = await sql(`select count(*)::int as n from ${table} where ${where}`, params);
  return row.n;
}

async function stockOf(productId: number): Promise<number> {
  const res = await app.get(`/products/detail/${productId}`);
  return res.body.data.stock_quantity;
}

async function balanceOf(m: { token: string }): Promise<number> {
  const res = await app.get('/user/balance', m.token);
  expect(res.status).toBe(200);
  return res.body.data.balance;
}

async function productIdByName(name: string): Promise<number> {
  const res = await app.get(`/products/list?per_page=100&search=${encodeURIComponent(name)}`);
  return res.body.data.products.find((p: Json) => p.name === name).id;
}

async function makeStockist(m: { id: number }) {
  await sql(`update account set roles = '{member,stockist}' where id = ?`, [m.id]);
}

/** Runs `work` with the tenant's plan accepting only members holding the stockist role. */
async function underDesignatedStockists(work: () => Promise<void>) {
  await sql(
    `update tenant set settings = jsonb_set(settings, '{mlm}',
       coalesce(settings->'mlm', '{}') || '{"stockistEligibility": "designated"}') where slug = 'dtehm'`,
  );
  await app.services.tenants.invalidate();
  try {
    await work();
  } finally {
    await sql(`update tenant set settings = settings #- '{mlm,stockistEligibility}' where slug = 'dtehm'`);
    await app.services.tenants.invalidate();
  }
}

/** Everything an order request may write. */
async function footprint() {
  return {
    orders: await count('customer_order'),
    items: await count('order_item'),
    payments: await count('payment'),
    commissions: await count('commission'),
    ledger: await count('ledger_entry'),
    laptopStock: await stockOf(laptopId),
  };
}

async function createOrder(m: { token: string }, body: Record<string, unknown> = {}) {
  const res = await app.post('/orders/create', { product_id: laptopId, quantity: 1, ...body }, m.token);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.data as {
    order_id: number;
    ordered_item_id: number;
    total_amount: number;
    payment_url: string;
    tracking_id: string;
  };
}

/** The customer pays at the gateway but its notification never reaches us: only confirm-payment can settle. */
async function payAtGatewayOnly(order: { tracking_id: string }) {
  const charge = await app.services.sandbox.settle(order.tracking_id, 'success');
  expect(charge?.status).toBe('completed');
}

const ref = (m: Member) => ({ id: m.id, name: m.user.name, member_id: m.memberId });

/** The spec's full example: the stockist line, then GN1 (the sponsor) to GN10. */
function fullChainLines(amount = PRICE) {
  return [
    { level: 'Stockist', rate: 8, amount: (amount * 800) / 10_000, member: ref(stockist) },
    ...GENERATION_BPS.map((bps, i) => ({
      level: `GN${i + 1}`,
      rate: bps / 100,
      amount: (amount * bps) / 10_000,
      member: ref(chain[9 - i]!),
    })),
  ];
}

beforeAll(async () => {
  app = await startTestApp();
  let sponsorId = app.rootMemberId;
  for (let i = 1; i <= 10; i++) {
    const m = await activeMember(app, { sponsorId, name: `Chain Member ${i}` });
    chain.push(m);
    sponsorId = m.memberId;
  }
  stockist = await activeMember(app, { name: 'John Stockist' });
  await makeStockist(stockist);
  buyer = await activeMember(app, { sponsorId: chain[9]!.memberId, name: 'Bryan Buyer' });
  outsider = await activeMember(app, { name: 'Olive Outsider' });
  laptopId = await productIdByName('Premium Laptop');
  bagId = await productIdByName('Laptop Bag');
}, 120_000);

afterAll(async () => {
  await app.close();
});

describe('POST /orders/calculate-commission', () => {
  it('reproduces the spec example over a full chain of ten active uplines and a stockist', async () => {
    const before = await footprint();
    const res = await app.post(
      '/orders/calculate-commission',
      { product_id: laptopId, quantity: 1, sponsor_id: chain[9]!.memberId, stockist_id: stockist.memberId },
      buyer.token,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({
      code: 1,
      message: 'Commission calculated successfully',
      data: {
        product: { id: laptopId, name: 'Premium Laptop', price: PRICE, quantity: 1, total: PRICE },
        sponsor: ref(chain[9]!),
        stockist: ref(stockist),
        commissions: fullChainLines(),
        summary: {
          product_price: 850_000,
          stockist_commission: 68_000,
          network_commission: 106_250,
          total_commission: 174_250,
          balance: 675_750,
          commission_percentage: 20.5,
        },
      },
    });
    expect(res.body.data.commissions.map((l: Json) => [l.level, l.rate, l.amount])).toEqual([
      ['Stockist', 8, 68_000],
      ['GN1', 3, 25_500],
      ['GN2', 2.5, 21_250],
      ['GN3', 2, 17_000],
      ['GN4', 1.5, 12_750],
      ['GN5', 1, 8_500],
      ['GN6', 0.8, 6_800],
      ['GN7', 0.6, 5_100],
      ['GN8', 0.5, 4_250],
      ['GN9', 0.4, 3_400],
      ['GN10', 0.2, 1_700],
    ]);
    // A preview writes nothing.
    expect(await footprint()).toEqual(before);
  });

  it("defaults the sponsor to the buyer's own sponsor and accepts '' / null for none", async () => {
    const res = await app.post(
      '/orders/calculate-commission',
      { product_id: laptopId, stockist_id: '', sponsor_id: null },
      buyer.token,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.data.sponsor).toEqual(ref(chain[9]!));
    expect(res.body.data.stockist).toBeNull();
    expect(res.body.data.commissions).toEqual(fullChainLines().slice(1));
    expect(res.body.data.summary).toEqual({
      product_price: 850_000,
      stockist_commission: 0,
      network_commission: 106_250,
      total_commission: 106_250,
      balance: 743_750,
      commission_percentage: 12.5,
    });
  });

  it('scales with the quantity', async () => {
    const res = await app.post(
      '/orders/calculate-commission',
      { product_id: laptopId, quantity: 3, stockist_id: stockist.memberId },
      buyer.token,
    );
    expect(res.status).toBe(200);
    expect(res.body.data.product).toEqual({
      id: laptopId,
      name: 'Premium Laptop',
      price: PRICE,
      quantity: 3,
      total: 2_550_000,
    });
    expect(res.body.data.commissions).toEqual(fullChainLines(2_550_000));
    expect(res.body.data.summary.total_commission).toBe(522_750);
  });

  it('pays nothing for levels a shorter chain does not have', async () => {
    // chain[4] has chain[3..0] and the root above it: GN1..GN6, then nobody.
    const res = await app.post(
      '/orders/calculate-commission',
      { product_id: laptopId, sponsor_id: chain[4]!.memberId },
      buyer.token,
    );
    expect(res.status).toBe(200);
    const levels = res.body.data.commissions.map((l: Json) => [l.level, l.amount, l.member.id]);
    const root = (await sql(`select account_id from network_member where sponsor_id is null`))[0].account_id;
    expect(levels).toEqual([
      ['GN1', 25_500, chain[4]!.id],
      ['GN2', 21_250, chain[3]!.id],
      ['GN3', 17_000, chain[2]!.id],
      ['GN4', 12_750, chain[1]!.id],
      ['GN5', 8_500, chain[0]!.id],
      ['GN6', 6_800, root],
    ]);
    expect(res.body.data.summary).toEqual({
      product_price: 850_000,
      stockist_commission: 0,
      network_commission: 91_800,
      total_commission: 91_800,
      balance: 758_200,
      commission_percentage: 10.8,
    });
  });

  it('pays no generation at all to a buyer without a sponsor (the root)', async () => {
    const root = await app.post('/users/login', { email: 'root@dtehm.demo', password: 'admin-password-123' });
    const res = await app.post(
      '/orders/calculate-commission',
      { product_id: laptopId, stockist_id: stockist.memberId },
      root.body.data.token,
    );
    expect(res.status).toBe(200);
    expect(res.body.data.sponsor).toBeNull();
    expect(res.body.data.commissions).toEqual(fullChainLines().slice(0, 1));
    expect(res.body.data.summary).toMatchObject({
      network_commission: 0,
      total_commission: 68_000,
      balance: 782_000,
    });
  });

  it('gives a member whose membership is not active no line, without compressing the chain', async () => {
    await sql(`update network_member set status = 'pending' where account_id = ?`, [chain[8]!.id]);
    try {
      const res = await app.post(
        '/orders/calculate-commission',
        { product_id: laptopId, stockist_id: stockist.memberId },
        buyer.token,
      );
      expect(res.status).toBe(200);
      // GN2 (chain[8]) is skipped; GN3 still goes to chain[7] at the GN3 rate.
      expect(res.body.data.commissions).toEqual(fullChainLines().filter((l) => l.level !== 'GN2'));
      expect(res.body.data.summary).toMatchObject({
        network_commission: 85_000,
        total_commission: 153_000,
        balance: 697_000,
        commission_percentage: 18,
      });
    } finally {
      await sql(`update network_member set status = 'active' where account_id = ?`, [chain[8]!.id]);
    }
  });

  it('accepts any active member as stockist by default: they earn the stockist line', async () => {
    const res = await app.post(
      '/orders/calculate-commission',
      { product_id: laptopId, sponsor_id: chain[9]!.memberId, stockist_id: outsider.memberId },
      buyer.token,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.data.stockist).toEqual(ref(outsider));
    expect(res.body.data.commissions[0]).toEqual({
      level: 'Stockist',
      rate: 8,
      amount: 68_000,
      member: ref(outsider),
    });
    expect(res.body.data.summary.stockist_commission).toBe(68_000);
    // any member of the network, in any case: here one of the buyer's own uplines
    const upline = await app.post(
      '/orders/calculate-commission',
      { product_id: laptopId, stockist_id: chain[4]!.memberId.toLowerCase() },
      buyer.token,
    );
    expect(upline.status).toBe(200);
    expect(upline.body.data.commissions[0]).toMatchObject({ level: 'Stockist', member: ref(chain[4]!) });
  });

  it('refuses an unknown or inactive stockist naming stockist_id, whatever the plan', async () => {
    const cases: [string, string][] = [
      ['DTEHM20259999', 'The selected stockist id does not exist.'],
      ['nonsense', 'The selected stockist id does not exist.'],
      [app.rootMemberId.replace(/\d{4}$/, '9999'), 'The selected stockist id does not exist.'],
    ];
    const check = async () => {
      for (const [stockist_id, message] of cases) {
        const res = await app.post(
          '/orders/calculate-commission',
          { product_id: laptopId, stockist_id },
          buyer.token,
        );
        expect(res.status, stockist_id).toBe(400);
        expect(res.body.errors, stockist_id).toEqual({ stockist_id: [message] });
      }
      // a member whose membership is not active (here: not a stockist either)
      await sql(`update network_member set status = 'pending' where account_id = ?`, [outsider.id]);
      try {
        const inactive = await app.post(
          '/orders/calculate-commission',
          { product_id: laptopId, stockist_id: outsider.memberId },
          buyer.token,
        );
        expect(inactive.status).toBe(400);
        expect(inactive.body.errors).toEqual({
          stockist_id: ['The selected stockist is not an active member.'],
        });
      } finally {
        await sql(`update network_member set status = 'active' where account_id = ?`, [outsider.id]);
      }
    };
    await check();
    await underDesignatedStockists(check);
  });

  it('under designated stockists refuses a member without the stockist role, naming stockist_id', async () => {
    await underDesignatedStockists(async () => {
      const notStockist = await app.post(
        '/orders/calculate-commission',
        { product_id: laptopId, stockist_id: chain[3]!.memberId },
        buyer.token,
      );
      expect(notStockist.status).toBe(400);
      expect(notStockist.body).toEqual({
        code: 0,
        message: expect.any(String),
        errors: { stockist_id: ['The selected member is not a stockist.'] },
      });
      const designated = await app.post(
        '/orders/calculate-commission',
        { product_id: laptopId, stockist_id: stockist.memberId },
        buyer.token,
      );
      expect(designated.status).toBe(200);
      expect(designated.body.data.commissions[0]).toMatchObject({ level: 'Stockist', member: ref(stockist) });
    });
  });

  it('refuses an unknown sponsor naming sponsor_id', async () => {
    for (const sponsor_id of ['DTEHM20259999', 'DIP9999', 'xyz']) {
      const res = await app.post(
        '/orders/calculate-commission',
        { product_id: laptopId, sponsor_id },
        buyer.token,
      );
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 0, errors: { sponsor_id: [expect.any(String)] } });
      expect(Object.keys(res.body.errors)).toEqual(['sponsor_id']);
    }
  });

  it('names every bad field at once', async () => {
    const res = await app.post(
      '/orders/calculate-commission',
      { product_id: 999_999, sponsor_id: 'DTEHM20259999', stockist_id: 'DIP9999' },
      buyer.token,
    );
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.errors).sort()).toEqual(['product_id', 'sponsor_id', 'stockist_id']);

    const shape = await app.post('/orders/calculate-commission', { quantity: 0, sponsor_id: 5 }, buyer.token);
    expect(shape.status).toBe(400);
    expect(Object.keys(shape.body.errors).sort()).toEqual(['product_id', 'quantity', 'sponsor_id']);
  });

  it.each([
    [{}, 'product_id'],
    [{ product_id: 'abc' }, 'product_id'],
    [{ product_id: 999_999 }, 'product_id'],
    [{ product_id: 1, quantity: 0 }, 'quantity'],
    [{ product_id: 1, quantity: 'x' }, 'quantity'],
    [{ product_id: 1, quantity: 1.5 }, 'quantity'],
    [{ product_id: 1, quantity: 10_001 }, 'quantity'],
  ])('refuses %j naming %s', async (body, field) => {
    const res = await app.post('/orders/calculate-commission', body, buyer.token);
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.errors)).toEqual([field]);
  });

  it('names quantity when price × quantity is too large to be exact', async () => {
    const admin = await adminToken(app);
    const huge = await app.post(
      '/admin/products',
      { name: 'Gold Bar', price: 10_000_000_000_000, stock_quantity: 5 },
      admin,
    );
    expect(huge.status).toBe(201);
    const res = await app.post(
      '/orders/calculate-commission',
      { product_id: huge.body.data.id, quantity: 10_000 },
      buyer.token,
    );
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.errors)).toEqual(['quantity']);
  });

  it('401s without a valid token', async () => {
    const body = { product_id: laptopId };
    expect((await app.post('/orders/calculate-commission', body)).status).toBe(401);
    const bad = await app.post('/orders/calculate-commission', body, 'garbage');
    expect(bad.status).toBe(401);
    expect(bad.body).toEqual({ code: 0, message: expect.any(String), errors: {} });
  });
});

describe('POST /orders/create', () => {
  it('records the order, reserves stock and opens a payment', async () => {
    const stock = await stockOf(laptopId);
    const res = await app.post(
      '/orders/create',
      {
        product_id: laptopId,
        quantity: 2,
        stockist_id: stockist.memberId,
        payment_method: 'mobile_money',
        callback_url: 'myapp://order-payment-callback',
      },
      buyer.token,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({
      code: 1,
      message: 'Order created successfully. Please complete payment.',
      data: {
        order_id: expect.any(Number),
        ordered_item_id: expect.any(Number),
        total_amount: 1_700_000,
        payment_url: expect.stringMatching(/^http:\/\/komisi\.test\/.*sandbox\/pay\/SBX-/),
        tracking_id: expect.stringMatching(/^SBX-/),
      },
    });
    expect(await stockOf(laptopId)).toBe(stock - 2);
    const detail = await app.get(`/orders/detail/${res.body.data.order_id}`, buyer.token);
    expect(detail.body.data).toMatchObject({
      status: 'Pending Payment',
      payment_method: 'mobile_money',
      payment_reference: res.body.data.tracking_id,
      total_amount: 1_700_000,
    });
  });

  it('refuses more than the stock with 400 naming quantity and writes nothing', async () => {
    const before = await footprint();
    const res = await app.post(
      '/orders/create',
      { product_id: laptopId, quantity: before.laptopStock + 1 },
      buyer.token,
    );
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 0, message: expect.any(String) });
    expect(Object.keys(res.body.errors)).toEqual(['quantity']);
    expect(await footprint()).toEqual(before);
  });

  it('sells the last units exactly once when buyers race for them', async () => {
    const admin = await adminToken(app);
    const scarce = await app.post(
      '/admin/products',
      { name: 'Scarce Item', price: 1000, stock_quantity: 3 },
      admin,
    );
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        app.post('/orders/create', { product_id: scarce.body.data.id, quantity: 1 }, outsider.token),
      ),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(3);
    expect(results.filter((r) => r.status === 400)).toHaveLength(5);
    expect(await stockOf(scarce.body.data.id)).toBe(0);
    expect(await count('order_item', 'product_id = ?', [scarce.body.data.id])).toBe(3);
  });

  it.each([
    [{}, ['product_id']],
    [{ product_id: 999_999 }, ['product_id']],
    [{ product_id: 'abc', quantity: -1 }, ['product_id', 'quantity']],
    [{ product_id: 1, payment_method: 'cash' }, ['payment_method']],
    [{ product_id: 1, sponsor_id: 'DTEHM20259999' }, ['sponsor_id']],
    [
      { product_id: 999_999, sponsor_id: 'nope', stockist_id: 'nope' },
      ['product_id', 'sponsor_id', 'stockist_id'],
    ],
  ])('refuses %j naming %j and writes nothing', async (body, fields) => {
    const before = await footprint();
    const res = await app.post('/orders/create', body, buyer.token);
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.errors).sort()).toEqual([...fields].sort());
    expect(await footprint()).toEqual(before);
  });

  it('under designated stockists refuses a non-stockist stockist and writes nothing', async () => {
    await underDesignatedStockists(async () => {
      const before = await footprint();
      const res = await app.post(
        '/orders/create',
        { product_id: laptopId, stockist_id: chain[2]!.memberId },
        buyer.token,
      );
      expect(res.status).toBe(400);
      expect(Object.keys(res.body.errors)).toEqual(['stockist_id']);
      expect(await footprint()).toEqual(before);
    });
  });

  it('records any active member as the stockist: the order shows them and they are paid the stockist line', async () => {
    const order = await createOrder(buyer, { stockist_id: outsider.memberId });
    const detail = await app.get(`/orders/detail/${order.order_id}`, buyer.token);
    expect(detail.body.data.items[0].stockist).toEqual({
      name: 'Olive Outsider',
      member_id: outsider.memberId,
    });
    const before = await balanceOf(outsider);
    await paySandbox(app, order.payment_url);
    const res = await app.post('/orders/confirm-payment', { order_id: order.order_id }, buyer.token);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.data).toMatchObject({ commissions_created: 11, total_commission: 174_250 });
    expect((await balanceOf(outsider)) - before).toBe(68_000);
    const lines = await app.get('/user/commissions?commission_type=stockist', outsider.token);
    expect(lines.status).toBe(200);
    expect(lines.body.data.commissions).toEqual([
      expect.objectContaining({ level: 'Stockist', amount: 68_000, order_id: String(order.order_id) }),
    ]);
  });

  it('401s without a token and writes nothing', async () => {
    const before = await footprint();
    const res = await app.post('/orders/create', { product_id: laptopId });
    expect(res.status).toBe(401);
    expect(await footprint()).toEqual(before);
  });
});

describe('POST /orders/confirm-payment', () => {
  it('refuses to confirm before the payment is made and pays no commission', async () => {
    const order = await createOrder(buyer, { stockist_id: stockist.memberId });
    const before = await footprint();
    const res = await app.post('/orders/confirm-payment', { order_id: order.order_id }, buyer.token);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 0, message: expect.any(String) });
    expect(await count('commission', 'order_id = ?', [order.order_id])).toBe(0);
    expect(await footprint()).toEqual(before);
    const detail = await app.get(`/orders/detail/${order.order_id}`, buyer.token);
    expect(detail.body.data.status).toBe('Pending Payment');
    // The client's own "status: success" claim changes nothing: the provider is asked.
    const claimed = await app.post(
      '/orders/confirm-payment',
      { order_id: order.order_id, status: 'success', transaction_reference: order.tracking_id },
      buyer.token,
    );
    expect(claimed.status).toBe(400);
    expect(await count('commission', 'order_id = ?', [order.order_id])).toBe(0);
  });

  it('pays the stockist and ten generations once the payment is made, exactly once', async () => {
    const order = await createOrder(buyer, { stockist_id: stockist.memberId });
    const beneficiaries = [stockist, ...chain];
    const before = await Promise.all(beneficiaries.map(balanceOf));
    await paySandbox(app, order.payment_url);
    const res = await app.post(
      '/orders/confirm-payment',
      { order_id: order.order_id, transaction_reference: order.tracking_id, status: 'success' },
      buyer.token,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({
      code: 1,
      message: 'Payment confirmed successfully. Commissions have been distributed.',
      data: { order_id: order.order_id, status: 'Paid', commissions_created: 11, total_commission: 174_250 },
    });
    expect(await count('commission', 'order_id = ?', [order.order_id])).toBe(11);

    // Each beneficiary's balance grew by exactly their line.
    const after = await Promise.all(beneficiaries.map(balanceOf));
    const expected = fullChainLines();
    beneficiaries.forEach((m, i) => {
      const line = expected.find((l) => l.member.id === m.id)!;
      expect(after[i]! - before[i]!, line.level).toBe(line.amount);
    });

    // Confirming again reports the same result and posts nothing more.
    const ledger = await count('ledger_entry');
    const again = await app.post('/orders/confirm-payment', { order_id: order.order_id }, buyer.token);
    expect(again.status).toBe(200);
    expect(again.body.data).toEqual(res.body.data);
    expect(await count('commission', 'order_id = ?', [order.order_id])).toBe(11);
    expect(await count('ledger_entry')).toBe(ledger);

    const detail = await app.get(`/orders/detail/${order.order_id}`, buyer.token);
    expect(detail.body.data.status).toBe('Paid');
  });

  it('refuses a transaction_reference that is not the order payment, settling nothing', async () => {
    const order = await createOrder(buyer);
    await payAtGatewayOnly(order);
    const res = await app.post(
      '/orders/confirm-payment',
      { order_id: order.order_id, transaction_reference: 'SBX-someone-else' },
      buyer.token,
    );
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.errors)).toEqual(['transaction_reference']);
    expect(await count('commission', 'order_id = ?', [order.order_id])).toBe(0);
    // The right reference settles it.
    const ok = await app.post(
      '/orders/confirm-payment',
      { order_id: order.order_id, transaction_reference: order.tracking_id },
      buyer.token,
    );
    expect(ok.status).toBe(200);
    expect(ok.body.data).toMatchObject({
      status: 'Paid',
      commissions_created: 10,
      total_commission: 106_250,
    });
  });

  it('settles through confirm-payment when the gateway notification never arrived', async () => {
    const order = await createOrder(buyer, { stockist_id: stockist.memberId });
    await payAtGatewayOnly(order);
    expect(await count('commission', 'order_id = ?', [order.order_id])).toBe(0);
    const res = await app.post('/orders/confirm-payment', { order_id: order.order_id }, buyer.token);
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({
      order_id: order.order_id,
      status: 'Paid',
      commissions_created: 11,
      total_commission: 174_250,
    });
  });

  it('marks a failed payment, gives the stock back and pays nothing', async () => {
    const stock = await stockOf(laptopId);
    const order = await createOrder(buyer, { quantity: 3, stockist_id: stockist.memberId });
    expect(await stockOf(laptopId)).toBe(stock - 3);
    await paySandbox(app, order.payment_url, 'failed');
    const res = await app.post('/orders/confirm-payment', { order_id: order.order_id }, buyer.token);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 0, message: expect.any(String) });
    expect(await stockOf(laptopId)).toBe(stock);
    expect(await count('commission', 'order_id = ?', [order.order_id])).toBe(0);
    const detail = await app.get(`/orders/detail/${order.order_id}`, buyer.token);
    expect(detail.body.data.status).toBe('Payment Failed');
    // Still failed, stock not released twice.
    const again = await app.post('/orders/confirm-payment', { order_id: order.order_id }, buyer.token);
    expect(again.status).toBe(400);
    expect(await stockOf(laptopId)).toBe(stock);
  });

  async function confirmRace(
    settleAtGateway: (order: { tracking_id: string; payment_url: string }) => Promise<void>,
  ) {
    const order = await createOrder(buyer, { stockist_id: stockist.memberId });
    const beneficiaries = [stockist, ...chain];
    const before = await Promise.all(beneficiaries.map(balanceOf));
    const ledger = await count('ledger_entry');
    await settleAtGateway(order);
    const results = await Promise.all([
      ...Array.from({ length: 20 }, () =>
        app.post('/orders/confirm-payment', { order_id: order.order_id }, buyer.token),
      ),
      // The gateway's notification arrives in the middle of it all.
      app.services.gatewayNotifications.settleFromProvider('sandbox', order.tracking_id).then(() => null),
    ]);
    const responses = results.filter((r) => r !== null);
    const ok = responses.filter((r) => r.status === 200);
    expect(ok.length, JSON.stringify(responses.map((r) => [r.status, r.body.message]))).toBe(20);
    for (const r of ok) {
      expect(r.body.data).toEqual({
        order_id: order.order_id,
        status: 'Paid',
        commissions_created: 11,
        total_commission: 174_250,
      });
    }
    expect(await count('commission', 'order_id = ?', [order.order_id])).toBe(11);
    expect(
      await count('commission', "reference_type = 'order' and reference_id = ?", [order.ordered_item_id]),
    ).toBe(11);
    // One receipt entry and one commission entry.
    expect(await count('ledger_entry')).toBe(ledger + 2);
    const after = await Promise.all(beneficiaries.map(balanceOf));
    const expected = fullChainLines();
    beneficiaries.forEach((m, i) => {
      expect(after[i]! - before[i]!).toBe(expected.find((l) => l.member.id === m.id)!.amount);
    });
  }

  it('creates commissions once under 20 simultaneous confirmations of a paid order', async () => {
    await confirmRace((order) => paySandbox(app, order.payment_url));
  });

  it('creates commissions once when 20 confirmations race to settle the payment themselves', async () => {
    await confirmRace(payAtGatewayOnly);
  });

  it("404s another member's order and an unknown order, changing nothing", async () => {
    const order = await createOrder(buyer);
    await payAtGatewayOnly(order);
    const theirs = await app.post('/orders/confirm-payment', { order_id: order.order_id }, outsider.token);
    expect(theirs.status).toBe(404);
    expect(theirs.body).toEqual({ code: 0, message: expect.any(String), errors: {} });
    expect(await count('commission', 'order_id = ?', [order.order_id])).toBe(0);
    const detail = await app.get(`/orders/detail/${order.order_id}`, buyer.token);
    expect(detail.body.data.status).toBe('Pending Payment');
    expect((await app.post('/orders/confirm-payment', { order_id: 999_999 }, buyer.token)).status).toBe(404);
  });

  it('400s a missing or malformed order_id and 401s without a token', async () => {
    const missing = await app.post('/orders/confirm-payment', {}, buyer.token);
    expect(missing.status).toBe(400);
    expect(Object.keys(missing.body.errors)).toEqual(['order_id']);
    const bad = await app.post('/orders/confirm-payment', { order_id: 'abc', status: 'maybe' }, buyer.token);
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.errors).sort()).toEqual(['order_id', 'status']);
    expect((await app.post('/orders/confirm-payment', { order_id: 1 })).status).toBe(401);
  });
});

describe('GET /orders/my-orders', () => {
  let shopper: Member;
  const ids: Record<string, number[]> = { paid: [], pending: [], failed: [] };

  beforeAll(async () => {
    shopper = await activeMember(app, { sponsorId: chain[9]!.memberId, name: 'Sally Shopper' });
    for (let i = 0; i < 2; i++) {
      const o = await createOrder(shopper);
      await paySandbox(app, o.payment_url);
      expect(
        (await app.post('/orders/confirm-payment', { order_id: o.order_id }, shopper.token)).status,
      ).toBe(200);
      ids.paid!.push(o.order_id);
    }
    for (let i = 0; i < 3; i++)
      ids.pending!.push((await createOrder(shopper, { product_id: bagId })).order_id);
    const f = await createOrder(shopper);
    await paySandbox(app, f.payment_url, 'failed');
    await app.post('/orders/confirm-payment', { order_id: f.order_id }, shopper.token);
    ids.failed!.push(f.order_id);
  });

  it('lists only my orders, newest first, with the documented shape', async () => {
    const res = await app.get('/orders/my-orders', shopper.token);
    expect(res.status).toBe(200);
    expect(res.body.code).toBe(1);
    expect(res.body.data.pagination).toEqual({ total: 6, per_page: 20, current_page: 1, last_page: 1 });
    const orders = res.body.data.orders;
    expect(orders.map((o: Json) => o.id)).toEqual(
      [...ids.paid!, ...ids.pending!, ...ids.failed!].sort((a, b) => b - a),
    );
    const bagOrder = orders.find((o: Json) => o.id === ids.pending![0]);
    expect(bagOrder).toEqual({
      id: ids.pending![0],
      order_date: expect.stringMatching(LOCAL_DATE_TIME),
      total_amount: 45_000,
      status: 'Pending Payment',
      payment_method: 'pesapal',
      items: [
        {
          product_name: 'Laptop Bag',
          product_image: expect.stringMatching(/^https:\/\//),
          quantity: 1,
          amount: 45_000,
        },
      ],
    });
  });

  it('filters by status', async () => {
    const byStatus = async (status: string) => {
      const res = await app.get(`/orders/my-orders?status=${encodeURIComponent(status)}`, shopper.token);
      expect(res.status).toBe(200);
      return res.body.data;
    };
    const paid = await byStatus('Paid');
    expect(paid.orders.map((o: Json) => o.id).sort()).toEqual([...ids.paid!].sort());
    expect(paid.orders.every((o: Json) => o.status === 'Paid')).toBe(true);
    expect(paid.pagination.total).toBe(2);
    const pending = await byStatus('Pending Payment');
    expect(pending.orders.map((o: Json) => o.id).sort()).toEqual([...ids.pending!].sort());
    const failed = await byStatus('Payment Failed');
    expect(failed.orders.map((o: Json) => o.id)).toEqual(ids.failed);
  });

  it('pages', async () => {
    const p1 = await app.get('/orders/my-orders?per_page=4', shopper.token);
    expect(p1.body.data.pagination).toEqual({ total: 6, per_page: 4, current_page: 1, last_page: 2 });
    expect(p1.body.data.orders).toHaveLength(4);
    const p2 = await app.get('/orders/my-orders?per_page=4&page=2', shopper.token);
    expect(p2.body.data.orders).toHaveLength(2);
    const p9 = await app.get('/orders/my-orders?per_page=4&page=9', shopper.token);
    expect(p9.body.data.orders).toEqual([]);
    expect(p9.body.data.pagination).toEqual({ total: 6, per_page: 4, current_page: 9, last_page: 2 });
  });

  it('shows a member with no orders an empty list', async () => {
    const fresh = await registerMember(app);
    const res = await app.get('/orders/my-orders', fresh.token);
    expect(res.body.data).toEqual({
      orders: [],
      pagination: { total: 0, per_page: 20, current_page: 1, last_page: 1 },
    });
  });

  it('400s bad filters and paging, 401s without a token', async () => {
    const res = await app.get('/orders/my-orders?status=shipped&per_page=0&page=x', shopper.token);
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.errors).sort()).toEqual(['page', 'per_page', 'status']);
    expect((await app.get('/orders/my-orders')).status).toBe(401);
  });
});

describe('GET /orders/detail/{id}', () => {
  it('returns the order with its items, product, sponsor and stockist', async () => {
    const order = await createOrder(buyer, { quantity: 2, stockist_id: stockist.memberId });
    await paySandbox(app, order.payment_url);
    await app.post('/orders/confirm-payment', { order_id: order.order_id }, buyer.token);
    const res = await app.get(`/orders/detail/${order.order_id}`, buyer.token);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      code: 1,
      data: {
        id: order.order_id,
        order_date: expect.stringMatching(LOCAL_DATE_TIME),
        total_amount: 1_700_000,
        status: 'Paid',
        payment_method: 'pesapal',
        payment_reference: order.tracking_id,
        customer_name: 'Bryan Buyer',
        customer_phone: '+256700000000',
        customer_address: 'Kampala, Uganda',
        items: [
          {
            id: order.ordered_item_id,
            product: {
              id: laptopId,
              name: 'Premium Laptop',
              image: expect.stringMatching(/^https:\/\//),
              price: PRICE,
            },
            quantity: 2,
            amount: 1_700_000,
            sponsor: { name: 'Chain Member 10', member_id: chain[9]!.memberId },
            stockist: { name: 'John Stockist', member_id: stockist.memberId },
          },
        ],
      },
    });
  });

  it('keeps the price the order was made at after the catalog changes', async () => {
    const admin = await adminToken(app);
    const order = await createOrder(buyer, { product_id: bagId });
    await app.put(`/admin/products/${bagId}`, { price: 50_000 }, admin);
    const res = await app.get(`/orders/detail/${order.order_id}`, buyer.token);
    expect(res.body.data.items[0]).toMatchObject({
      product: { price: 45_000 },
      amount: 45_000,
      stockist: null,
    });
    await app.put(`/admin/products/${bagId}`, { price: 45_000 }, admin);
  });

  it("404s another member's order and an unknown id; 400s a malformed id; 401s without a token", async () => {
    const order = await createOrder(buyer);
    const theirs = await app.get(`/orders/detail/${order.order_id}`, outsider.token);
    expect(theirs.status).toBe(404);
    expect(theirs.body).toEqual({ code: 0, message: expect.any(String), errors: {} });
    expect((await app.get('/orders/detail/999999', buyer.token)).status).toBe(404);
    const bad = await app.get('/orders/detail/abc', buyer.token);
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.errors)).toEqual(['id']);
    expect((await app.get(`/orders/detail/${order.order_id}`)).status).toBe(401);
  });
});
