import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paySandbox, startTestApp, TEST_ADMIN_PASSWORD, type TestApp } from '../testing/test-app.ts';

// qutab-platform, customer side: auth, profile, orders with payment, tracking, admin moves.
let app: TestApp;
const api = (path: string) => `/t/qutab/api${path}`;
const get = (path: string, token?: string) => app.request('GET', api(path), token ? { token } : {});
const post = (path: string, body: unknown, token?: string) =>
  app.request('POST', api(path), { body, ...(token && { token }) });
const put = (path: string, body: unknown, token?: string) =>
  app.request('PUT', api(path), { body, ...(token && { token }) });

let n = 0;
async function registerCustomer(name = 'Siti Aminah') {
  const email = `customer${++n}.${Date.now()}@example.com`;
  const res = await post('/auth/register', { name, email, phone: '0812 3456 7890', password: 'Rahasia123!' });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { email, token: res.body.data.access_token as string, id: res.body.data.user.id as string };
}

async function login(email: string, password: string) {
  return post('/auth/login', { email, password });
}

async function firstProduct() {
  const res = await get('/products');
  expect(res.status).toBe(200);
  return res.body.data.products[0] as { id: string; price: number; stock: number; name: string };
}

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.close();
});

describe('customer auth', () => {
  it('registers (201) and logs in with the documented shape in the koperasi envelope', async () => {
    const c = await registerCustomer();
    const res = await login(c.email, 'Rahasia123!');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      success: true,
      message: 'Login successful',
      data: {
        access_token: expect.any(String),
        token_type: 'Bearer',
        expires_in: expect.any(Number),
        refresh_token: expect.any(String),
        user: { id: c.id, name: 'Siti Aminah', email: c.email },
      },
    });
  });

  it('answers 422 VALIDATION_FAILED naming the fields, with a request id', async () => {
    const res = await post('/auth/register', { name: '', email: 'not-an-email', password: 'short' });
    expect(res.status).toBe(422);
    expect(res.body.success).toBe(false);
    expect(res.body.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.any(String),
      timestamp: expect.any(String),
      request_id: expect.any(String),
    });
    expect(Object.keys(res.body.error.details).sort()).toEqual(['email', 'name', 'password', 'phone']);
    expect(['email', 'name', 'password', 'phone']).toContain(res.body.error.field);
  });

  it('distinguishes a missing token from an invalid one', async () => {
    expect((await get('/profile')).body.error.code).toBe('AUTH_TOKEN_MISSING');
    const bad = await get('/profile', 'not.a.token');
    expect(bad.status).toBe(401);
    expect(bad.body.error.code).toBe('AUTH_TOKEN_INVALID');
  });

  it('logs out: the token stops working', async () => {
    const c = await registerCustomer();
    expect((await post('/auth/logout', {}, c.token)).status).toBe(200);
    expect((await get('/profile', c.token)).status).toBe(401);
  });

  it('resets a forgotten password with the emailed single-use token', async () => {
    const c = await registerCustomer();
    expect((await post('/auth/forgot-password', { email: c.email })).status).toBe(200);
    await app.outbox.runOnce();
    const [row] = (await app.orm.em
      .fork()
      .getConnection()
      .execute('select body from notification_outbox where recipient = ? order by id desc limit 1', [
        c.email,
      ])) as { body: string }[];
    const token = /token=([\w-]+)/.exec(row!.body)![1]!;
    const reset = await post('/auth/reset-password', {
      token,
      password: 'BaruSekali123!',
      password_confirmation: 'BaruSekali123!',
    });
    expect(reset.status, JSON.stringify(reset.body)).toBe(200);
    expect((await login(c.email, 'BaruSekali123!')).status).toBe(200);
    expect((await post('/auth/reset-password', { token, password: 'LagiLagi123!' })).status).toBe(422);
  });
});

describe('customer profile', () => {
  it('shows the profile and updates only the editable fields (email and unknown fields ignored)', async () => {
    const c = await registerCustomer();
    const res = await put(
      '/profile',
      {
        name: 'Siti A.',
        phone: '081299998888',
        address: 'Jl. Merdeka 1, Bandung',
        email: 'x@y.z',
        roles: ['admin'],
      },
      c.token,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.data).toEqual({
      id: c.id,
      name: 'Siti A.',
      email: c.email,
      phone: '081299998888',
      address: 'Jl. Merdeka 1, Bandung',
    });
    expect((await get('/profile', c.token)).body.data.email).toBe(c.email);
  });

  it('changes the password with the current one and ends the other sessions', async () => {
    const c = await registerCustomer();
    const other = (await login(c.email, 'Rahasia123!')).body.data.access_token as string;
    const wrong = await put(
      '/profile/password',
      { current_password: 'nope', new_password: 'Baru12345!' },
      c.token,
    );
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.field).toBe('current_password');
    const ok = await put(
      '/profile/password',
      {
        current_password: 'Rahasia123!',
        new_password: 'Baru12345!',
        new_password_confirmation: 'Baru12345!',
      },
      c.token,
    );
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect((await get('/profile', c.token)).status).toBe(200);
    expect((await get('/profile', other)).status).toBe(401);
    expect((await login(c.email, 'Baru12345!')).status).toBe(200);
  });
});

describe('orders', () => {
  it('creates an order, pays it, and tracks it through the admin moves to completed', async () => {
    const c = await registerCustomer();
    const product = await firstProduct();
    const created = await post(
      '/orders',
      {
        product_id: product.id,
        quantity: 2,
        recipient_name: 'Alm. H. Abdullah',
        recipient_location: 'Pesantren Al-Ikhlas, Garut',
        payment_method: 'virtual_account',
      },
      c.token,
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const order = created.body.data;
    expect(order).toMatchObject({
      id: expect.stringMatching(/^ORD-/),
      product_id: product.id,
      product_name: product.name,
      quantity: 2,
      total_amount: product.price * 2,
      status: 'pending',
      payment_method: 'virtual_account',
      recipient_name: 'Alm. H. Abdullah',
      recipient_location: 'Pesantren Al-Ikhlas, Garut',
      payment_status: 'unpaid',
    });
    await paySandbox(app, order.payment_url);
    const paid = await get(`/orders/${order.id}`, c.token);
    expect(paid.body.data).toMatchObject({ status: 'paid', payment_status: 'paid', payment_url: null });

    const admin = (await login('admin@qutab.demo', TEST_ADMIN_PASSWORD)).body.data.access_token as string;
    for (const [status, note] of [
      ['processing', 'Hewan dipilih'],
      ['distributed', 'Disembelih dan dibagikan'],
      ['completed', null],
    ] as const) {
      const moved = await put(`/admin/orders/${order.id}/status`, { status, note }, admin);
      expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    }
    const again = await put(`/admin/orders/${order.id}/status`, { status: 'processing' }, admin);
    expect(again.status).toBe(409);
    expect((await put(`/admin/orders/${order.id}/status`, { status: 'processing' }, c.token)).status).toBe(
      403,
    );

    const tracking = await get(`/orders/${order.id}/tracking`, c.token);
    expect(tracking.status).toBe(200);
    expect(tracking.body.data).toEqual({
      order_id: order.id,
      status: 'completed',
      tracking: [
        { status: 'pending', note: null, created_at: expect.any(String) },
        { status: 'paid', note: null, created_at: expect.any(String) },
        { status: 'processing', note: 'Hewan dipilih', created_at: expect.any(String) },
        { status: 'distributed', note: 'Disembelih dan dibagikan', created_at: expect.any(String) },
        { status: 'completed', note: null, created_at: expect.any(String) },
      ],
    });
    const list = await get('/orders?status=completed', c.token);
    expect(list.body.data.orders.map((o: { id: string }) => o.id)).toEqual([order.id]);
  });

  it('a failed payment fails the order and gives the animals back', async () => {
    const c = await registerCustomer();
    const product = await firstProduct();
    const created = await post(
      '/orders',
      {
        product_id: product.id,
        quantity: 1,
        recipient_name: 'A',
        recipient_location: 'B',
        payment_method: 'qris',
      },
      c.token,
    );
    expect((await firstProduct()).stock).toBe(product.stock - 1);
    await paySandbox(app, created.body.data.payment_url, 'failed');
    const failed = await get(`/orders/${created.body.data.id}`, c.token);
    expect(failed.body.data).toMatchObject({ status: 'failed', payment_status: 'failed' });
    expect((await firstProduct()).stock).toBe(product.stock);
    const listed = await get('/orders?status=failed', c.token);
    expect(listed.body.data.orders).toHaveLength(1);
    expect((await get('/orders?status=cancelled', c.token)).body.data.orders).toHaveLength(0);
  });

  it('refuses bad orders with 422 naming the fields and writes nothing', async () => {
    const c = await registerCustomer();
    const bad = await post('/orders', { product_id: 'abc', quantity: 0 }, c.token);
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.error.details).sort()).toEqual(
      ['payment_method', 'product_id', 'quantity', 'recipient_location', 'recipient_name'].sort(),
    );
    const unknown = await post(
      '/orders',
      {
        product_id: 999999,
        quantity: 1,
        recipient_name: 'A',
        recipient_location: 'B',
        payment_method: 'qris',
      },
      c.token,
    );
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.field).toBe('product_id');
    const scarce = ((await get('/products')).body.data.products as { id: string; stock: number }[]).find(
      (p) => p.stock < 100,
    )!;
    const tooMany = await post(
      '/orders',
      {
        product_id: scarce.id,
        quantity: scarce.stock + 1,
        recipient_name: 'A',
        recipient_location: 'B',
        payment_method: 'qris',
      },
      c.token,
    );
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.code).toBe('INSUFFICIENT_STOCK');
    expect((await get('/orders', c.token)).body.data.orders).toHaveLength(0);
  });

  it("never shows another customer's order (404)", async () => {
    const a = await registerCustomer();
    const b = await registerCustomer();
    const created = await post(
      '/orders',
      {
        product_id: (await firstProduct()).id,
        quantity: 1,
        recipient_name: 'A',
        recipient_location: 'B',
        payment_method: 'qris',
      },
      a.token,
    );
    const id = created.body.data.id;
    expect((await get(`/orders/${id}`, b.token)).status).toBe(404);
    expect((await get(`/orders/${id}/tracking`, b.token)).status).toBe(404);
    expect((await get('/orders', b.token)).body.data.orders).toHaveLength(0);
  });

  it('documents every customer endpoint in the OpenAPI document with the koperasi envelope', async () => {
    const res = await app.request('GET', '/t/qutab/api/openapi.json');
    expect(res.status).toBe(200);
    const paths = Object.keys(res.body.paths);
    for (const path of [
      '/auth/login',
      '/auth/logout',
      '/auth/forgot-password',
      '/auth/reset-password',
      '/auth/register',
      '/orders',
      '/orders/{id}',
      '/orders/{id}/tracking',
      '/profile',
      '/profile/password',
    ]) {
      expect(paths).toContain(path);
    }
    expect(res.body.paths['/auth/register'].post.responses).toHaveProperty('201');
    expect(res.body.paths['/auth/register'].post.responses).toHaveProperty('422');
  });
});
