import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paySandbox, startTestApp, TEST_ADMIN_PASSWORD, type TestApp } from '../testing/test-app.ts';

// qutab-platform, affiliate side: application, dashboard reads, coupon attribution.
let app: TestApp;
const api = (path: string) => `/t/qutab/api${path}`;
const get = (path: string, token?: string) => app.request('GET', api(path), token ? { token } : {});
const post = (path: string, body: unknown, token?: string) =>
  app.request('POST', api(path), { body, ...(token && { token }) });
const put = (path: string, body: unknown, token?: string) =>
  app.request('PUT', api(path), { body, ...(token && { token }) });

const DEMO = { email: 'darmawan@qutab.demo', password: 'Affiliate123!' };
let affiliateToken: string;

beforeAll(async () => {
  app = await startTestApp();
  const res = await post('/affiliate/auth/login', DEMO);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  affiliateToken = res.body.data.access_token;
});
afterAll(async () => {
  await app.close();
});

let n = 0;
const application = (overrides: Record<string, unknown> = {}) => ({
  first_name: 'Rina',
  last_name: 'Wulandari',
  email: `rina${++n}.${Date.now()}@example.com`,
  password: 'Rahasia123!',
  whatsapp: '0812 7777 6666',
  city: 'Surabaya',
  instagram: '@rina.berbagi',
  primary_platform: 'instagram',
  reason: 'Saya ingin mengajak teman-teman berqurban lewat Instagram.',
  ...overrides,
});

describe('affiliate application', () => {
  it('registers an application (201, pending) and shows its status', async () => {
    const res = await post('/affiliate/auth/register', application());
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.data.affiliate).toMatchObject({ status: 'pending', affiliate_code: null });
    const status = await get('/affiliate/status', res.body.data.access_token);
    expect(status.body.data).toEqual({
      status: 'pending',
      rejection_reason: null,
      approved_at: null,
      affiliate_code: null,
    });
    // the dashboard opens at approval
    const link = await get('/affiliate/referral-link', res.body.data.access_token);
    expect(link.status).toBe(403);
    expect(link.body.error.code).toBe('AFFILIATE_NOT_APPROVED');
  });

  it('refuses an incomplete application with 422 naming every missing field', async () => {
    const res = await post('/affiliate/auth/register', { email: 'x@example.com' });
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.error.details).sort()).toEqual(
      ['city', 'first_name', 'last_name', 'password', 'primary_platform', 'reason', 'whatsapp'].sort(),
    );
  });

  it('a customer account is not an affiliate (403), and cannot log in as one', async () => {
    const customer = await post('/auth/register', {
      name: 'Budi',
      email: `budi.${Date.now()}@example.com`,
      phone: '081233334444',
      password: 'Rahasia123!',
    });
    const token = customer.body.data.access_token;
    expect((await get('/affiliate/status', token)).status).toBe(403);
    const login = await post('/affiliate/auth/login', {
      email: customer.body.data.user.email,
      password: 'Rahasia123!',
    });
    expect(login.status).toBe(403);
  });
});

describe('approved affiliate dashboard', () => {
  it('shows the referral link with a 7-character code', async () => {
    const res = await get('/affiliate/referral-link', affiliateToken);
    expect(res.status).toBe(200);
    const code = res.body.data.referral_code;
    expect(code).toMatch(/^[A-Za-z0-9]{7}$/);
    expect(res.body.data).toMatchObject({
      referral_url: expect.stringMatching(new RegExp(`/t/qutab/r/${code}$`)),
      total_clicks: 0,
    });
    expect(res.body.data.embed_code).toContain(res.body.data.referral_url);
  });

  it('lists materials, FAQ and the support contact', async () => {
    const materials = await get('/affiliate/materials', affiliateToken);
    expect(materials.body.data.banners).toHaveLength(3);
    expect(materials.body.data.social_graphics).toHaveLength(2);
    const faq = await get('/affiliate/faq', affiliateToken);
    expect(faq.body.data[0]).toEqual({
      question: expect.any(String),
      answer: expect.any(String),
      category: 'Komisi',
    });
    const support = await get('/affiliate/support/contact', affiliateToken);
    expect(support.body.data).toEqual({
      whatsapp: '+6281100002222',
      email: 'affiliate@qutab.demo',
      response_time: expect.any(String),
    });
  });

  it('updates only the editable profile fields', async () => {
    const res = await put(
      '/affiliate/profile',
      { city: 'Bogor', tiktok: '@darmawan', email: 'hacker@example.com', affiliate_code: 'AAAAAAA' },
      affiliateToken,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.data).toMatchObject({
      email: DEMO.email,
      city: 'Bogor',
      tiktok: '@darmawan',
      affiliate_code: expect.stringMatching(/^[A-Za-z0-9]{7}$/),
      verification_status: 'approved',
    });
  });

  it('a coupon order records a pending referral; payment confirms it on hold', async () => {
    const customer = await post('/auth/register', {
      name: 'Darsono Pujiono',
      email: `darsono.${Date.now()}@gmail.com`,
      phone: '081355556666',
      password: 'Rahasia123!',
    });
    const token = customer.body.data.access_token;
    const product = (await get('/products')).body.data.products[0];
    const created = await post(
      '/orders',
      {
        product_id: product.id,
        quantity: 1,
        recipient_name: 'Keluarga Darsono',
        recipient_location: 'Masjid Al-Falah, Bandung',
        payment_method: 'qris',
        coupon_code: 'darmawan10',
      },
      token,
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.data.discount).toBe(Math.min(product.price / 10, 500_000));

    let referrals = await get('/affiliate/referrals', affiliateToken);
    expect(referrals.body.data.referrals).toEqual([
      {
        id: expect.any(String),
        customer_name: 'Dar**** Puj****',
        customer_email: expect.stringMatching(/^dar\*\*\*@gmail\.com$/),
        product_name: product.name,
        order_date: expect.any(String),
        order_value: product.price,
        commission: product.price / 10,
        status: 'pending',
      },
    ]);
    await paySandbox(app, created.body.data.payment_url);
    referrals = await get('/affiliate/referrals?status=confirmed', affiliateToken);
    expect(referrals.body.data.referrals).toHaveLength(1);
    expect(referrals.body.data.pagination).toEqual({ page: 1, limit: 20, total: 1, total_pages: 1 });

    const balance = await get('/affiliate/balance', affiliateToken);
    expect(balance.body.data).toEqual({
      available_balance: 0,
      pending_commission: product.price / 10,
      minimum_payout: 100_000,
      can_request_payout: false,
    });
    const coupons = await get('/affiliate/coupons', affiliateToken);
    expect(coupons.body.data).toEqual([
      expect.objectContaining({
        code: 'DARMAWAN10',
        discount_type: 'percentage',
        discount_value: 10,
        usage_count: 1,
        is_active: true,
      }),
    ]);

    // a refund while on hold reverses the commission
    const admin = (await post('/auth/login', { email: 'admin@qutab.demo', password: TEST_ADMIN_PASSWORD }))
      .body.data.access_token;
    const refunded = await post(
      `/admin/orders/${created.body.data.id}/refund`,
      { reason: 'Hewan tidak tersedia' },
      admin,
    );
    expect(refunded.status, JSON.stringify(refunded.body)).toBe(200);
    expect(refunded.body.data.status).toBe('refunded');
    expect((await get('/affiliate/balance', affiliateToken)).body.data.pending_commission).toBe(0);
    expect((await get('/affiliate/referrals', affiliateToken)).body.data.referrals).toEqual([]);
  });
});

describe('admin: the affiliate programme', () => {
  let admin: string;
  beforeAll(async () => {
    admin = (await post('/auth/login', { email: 'admin@qutab.demo', password: TEST_ADMIN_PASSWORD })).body
      .data.access_token;
  });

  it('lists pending applications, approves one with a rate and rejects another with a reason', async () => {
    const first = (await post('/affiliate/auth/register', application())).body.data;
    const second = (await post('/affiliate/auth/register', application())).body.data;
    const pending = await get('/admin/affiliates?status=pending', admin);
    expect(pending.status).toBe(200);
    const ids = pending.body.data.affiliates.map((x: { id: string }) => x.id);
    expect(ids).toEqual(expect.arrayContaining([first.affiliate.id, second.affiliate.id]));

    const approved = await post(
      `/admin/affiliates/${first.affiliate.id}/approve`,
      { commission_rate_bps: 1500 },
      admin,
    );
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body.data).toMatchObject({ status: 'approved', commission_rate_bps: 1500 });
    expect(approved.body.data.affiliate_code).toMatch(/^[A-Za-z0-9]{7}$/);
    expect((await post(`/admin/affiliates/${first.affiliate.id}/approve`, {}, admin)).status).toBe(409);

    const rejected = await post(
      `/admin/affiliates/${second.affiliate.id}/reject`,
      { reason: 'Akun media sosial tidak ditemukan' },
      admin,
    );
    expect(rejected.status).toBe(200);
    const status = await get('/affiliate/status', second.access_token);
    expect(status.body.data).toMatchObject({
      status: 'rejected',
      rejection_reason: 'Akun media sosial tidak ditemukan',
    });
    expect(
      (await post(`/admin/affiliates/${second.affiliate.id}/reject`, { reason: '' }, admin)).status,
    ).toBe(422);
    // affiliates are not admins
    expect((await get('/admin/affiliates', affiliateToken)).status).toBe(403);
  });

  it('creates an affiliate coupon, refusing a taken code and bad values by field', async () => {
    const list = await get('/admin/affiliates?status=approved', admin);
    const darmawan = list.body.data.affiliates.find((x: { email: string }) => x.email === DEMO.email);
    const created = await post(
      `/admin/affiliates/${darmawan.id}/coupons`,
      { code: 'qurbanhemat', discount_type: 'fixed', discount_value: 150_000, usage_limit: 50 },
      admin,
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.data).toMatchObject({
      code: 'QURBANHEMAT',
      discount_value: 150_000,
      usage_limit: 50,
      is_active: true,
    });
    const taken = await post(
      `/admin/affiliates/${darmawan.id}/coupons`,
      { code: 'QURBANHEMAT', discount_type: 'fixed', discount_value: 1 },
      admin,
    );
    expect(taken.status).toBe(422);
    expect(taken.body.error.field).toBe('code');
    const bad = await post(
      `/admin/affiliates/${darmawan.id}/coupons`,
      { code: 'PCT200', discount_type: 'percentage', discount_value: 200 },
      admin,
    );
    expect(bad.status).toBe(422);
    expect(bad.body.error.field).toBe('discount_value');
    const mine = await get('/affiliate/coupons', affiliateToken);
    expect(mine.body.data.map((c: { code: string }) => c.code)).toContain('QURBANHEMAT');
  });

  it('manages materials, FAQ and the support contact', async () => {
    const created = await post(
      '/admin/content',
      { kind: 'faq', title: 'Bagaimana cara daftar?', body: 'Isi formulir.', category: 'Umum' },
      admin,
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    let faq = await get('/affiliate/faq', affiliateToken);
    expect(faq.body.data.map((f: { question: string }) => f.question)).toContain('Bagaimana cara daftar?');
    expect((await put(`/admin/content/${created.body.data.id}`, { active: false }, admin)).status).toBe(200);
    faq = await get('/affiliate/faq', affiliateToken);
    expect(faq.body.data.map((f: { question: string }) => f.question)).not.toContain(
      'Bagaimana cara daftar?',
    );
    expect(
      (await app.request('DELETE', api(`/admin/content/${created.body.data.id}`), { token: admin })).status,
    ).toBe(200);
    expect(
      (await app.request('DELETE', api(`/admin/content/${created.body.data.id}`), { token: admin })).status,
    ).toBe(404);

    // an uploaded banner: stored as a file, listed with a signed download link
    const form = new FormData();
    form.append('kind', 'banner');
    form.append('title', 'Banner unggahan');
    form.append('size', '300x250');
    form.append(
      'image',
      new Blob([
        new Uint8Array(
          await sharp({ create: { width: 300, height: 250, channels: 3, background: '#fa0' } })
            .png()
            .toBuffer(),
        ),
      ]),
    );
    const uploaded = await app.app.request(api('/admin/content'), {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(uploaded.status).toBe(201);
    const materials = (await get('/affiliate/materials', affiliateToken)).body.data.banners as {
      title: string;
      image_url: string;
    }[];
    const banner = materials.find((m) => m.title === 'Banner unggahan')!;
    const image = await app.app.request(
      new URL(banner.image_url).pathname + new URL(banner.image_url).search,
    );
    expect(image.status).toBe(200);
    expect(
      Buffer.from(await image.arrayBuffer())
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');

    const support = await put(
      '/admin/support-contact',
      { whatsapp: '081211112222', email: 'cs@qutab.demo', response_time: '2 jam' },
      admin,
    );
    expect(support.status, JSON.stringify(support.body)).toBe(200);
    expect((await get('/affiliate/support/contact', affiliateToken)).body.data).toEqual({
      whatsapp: '081211112222',
      email: 'cs@qutab.demo',
      response_time: '2 jam',
    });
  });
});

describe('holding period', () => {
  it('releases a commission past its hold once, even when the job runs twice at once', async () => {
    const customer = await post('/auth/register', {
      name: 'Sri Rahayu',
      email: `sri.${Date.now()}@example.com`,
      phone: '081377778888',
      password: 'Rahasia123!',
    });
    const token = customer.body.data.access_token;
    const product = (await get('/products')).body.data.products[0];
    const created = await post(
      '/orders',
      {
        product_id: product.id,
        quantity: 1,
        recipient_name: 'Sri',
        recipient_location: 'Depok',
        payment_method: 'qris',
        coupon_code: 'DARMAWAN10',
      },
      token,
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    await paySandbox(app, created.body.data.payment_url);
    const before = (await get('/affiliate/balance', affiliateToken)).body.data;
    // thirty days later
    await app.orm.em
      .fork()
      .getConnection()
      .execute(
        "update affiliate_referral set available_at = now() - interval '1 minute' where status = 'confirmed' and order_id = (select id from customer_order where order_number = ?)",
        [created.body.data.id],
      );
    const admin = (await post('/auth/login', { email: 'admin@qutab.demo', password: TEST_ADMIN_PASSWORD }))
      .body.data.access_token;
    const runs = await Promise.all([
      post('/admin/jobs/affiliate-commission-release/run', {}, admin),
      post('/admin/jobs/affiliate-commission-release/run', {}, admin),
    ]);
    for (const run of runs) expect(run.status, JSON.stringify(run.body)).toBe(200);
    expect(runs.reduce((n, r) => n + r.body.data.processed, 0)).toBe(1);
    const after = (await get('/affiliate/balance', affiliateToken)).body.data;
    const commission = product.price / 10;
    expect(after.available_balance).toBe(before.available_balance + commission);
    expect(after.pending_commission).toBe(before.pending_commission - commission);
    expect((await post('/admin/jobs/no-such-job/run', {}, admin)).status).toBe(404);
  });
});

describe('referral link → click → attributed order → dashboard', () => {
  it('a link click attributes a later order (no coupon); bots are not counted; the dashboard adds up', async () => {
    const link = (await get('/affiliate/referral-link', affiliateToken)).body.data;
    const before = (await get('/affiliate/dashboard/summary', affiliateToken)).body.data;
    const path = new URL(link.referral_url).pathname;

    const bot = await app.app.request(path, { headers: { 'user-agent': 'WhatsApp/2.23.20.0' } });
    expect(bot.status).toBe(302);
    expect(bot.headers.get('set-cookie')).toBeNull();
    const person = await app.app.request(`${path}?utm_source=ig`, {
      headers: { 'user-agent': 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)' },
    });
    expect(person.status).toBe(302);
    const cookie = person.headers.get('set-cookie')!.split(';')[0]!;
    expect(cookie).toMatch(/^komisi_ref=/);
    await expect.poll(() => app.referralClicks.buffered).toBe(0);

    const customer = await post('/auth/register', {
      name: 'Hendra Gunawan',
      email: `hendra.${Date.now()}@example.com`,
      phone: '081244445555',
      password: 'Rahasia123!',
    });
    const product = (await get('/products')).body.data.products[1];
    const order = await app.request('POST', api('/orders'), {
      token: customer.body.data.access_token,
      headers: { cookie },
      body: {
        product_id: product.id,
        quantity: 1,
        recipient_name: 'H',
        recipient_location: 'Jakarta',
        payment_method: 'qris',
      },
    });
    expect(order.status, JSON.stringify(order.body)).toBe(201);
    await paySandbox(app, order.body.data.payment_url);

    const summary = (await get('/affiliate/dashboard/summary', affiliateToken)).body.data;
    expect(summary.total_clicks).toBe(before.total_clicks + 1);
    expect(summary.total_conversions).toBe(before.total_conversions + 1);
    expect(summary.pending_commission).toBe(before.pending_commission + product.price / 10);
    expect((await get('/affiliate/referral-link', affiliateToken)).body.data.total_clicks).toBe(
      link.total_clicks + 1,
    );

    const stats = await get('/affiliate/statistics?period=7days', affiliateToken);
    expect(stats.status, JSON.stringify(stats.body)).toBe(200);
    expect(stats.body.data.chart_data).toHaveLength(7);
    expect(stats.body.data.total_clicks).toBeGreaterThanOrEqual(1);
    const bad = await get('/affiliate/statistics?period=custom&start_date=2026-01-10', affiliateToken);
    expect(bad.status).toBe(422);
    expect(bad.body.error.field).toBe('end_date');

    const activity = await get('/affiliate/dashboard/activity?limit=5', affiliateToken);
    expect(activity.body.data[0]).toMatchObject({ type: expect.stringMatching(/^(sale|click|payout)$/) });
    expect(activity.body.data.map((a: { type: string }) => a.type)).toEqual(
      expect.arrayContaining(['sale', 'click']),
    );
  });
});
