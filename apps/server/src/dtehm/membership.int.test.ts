import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  activeMember,
  paySandbox,
  registerMember,
  startTestApp,
  TEST_PASSWORD,
  type TestApp,
} from '../testing/test-app.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.close();
});

const DATE_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
const CONFIRMED = 'Payment confirmed successfully. Your account is now active.';

async function sql<T = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> {
  return app.orm.em.fork().getConnection().execute(query, params);
}

async function commissionRows(paymentId?: number) {
  const rows = await sql<{ n: number }>(
    `select count(*)::int as n from commission where reference_type = 'membership'${
      paymentId === undefined ? '' : ' and reference_id = ?'
    }`,
    paymentId === undefined ? [] : [paymentId],
  );
  return rows[0]!.n;
}

async function initiate(m: { id: number; token: string }, body: Record<string, unknown> = {}) {
  const res = await app.post(
    '/membership/initiate-payment',
    { user_id: m.id, payment_method: 'pesapal', ...body },
    m.token,
  );
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.data as {
    payment_id: number;
    amount: number;
    membership_types: string[];
    payment_url: string;
    tracking_id: string;
  };
}

const confirm = (paymentId: number, token?: string, body: Record<string, unknown> = {}) =>
  app.post('/membership/confirm-payment', { payment_id: paymentId, ...body }, token);

const loginToken = async (email: string) => {
  const res = await app.post('/users/login', { email, password: TEST_PASSWORD });
  expect(res.status).toBe(200);
  return res.body.data.token as string;
};

/** An active member to sponsor others, with a zero balance of their own. */
async function freshSponsor() {
  const s = await activeMember(app, { name: 'Jane Sponsor' });
  return { ...s, token: await loginToken(s.user.email) };
}

describe('POST /membership/initiate-payment', () => {
  it('opens a sandbox payment for the quoted amount', async () => {
    const m = await registerMember(app, { dip: true });
    const res = await app.post(
      '/membership/initiate-payment',
      { user_id: m.id, payment_method: 'pesapal', callback_url: 'myapp://payment-callback' },
      m.token,
    );
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      code: 1,
      message: 'Payment initialized successfully',
      data: {
        payment_id: expect.any(Number),
        amount: 96_000,
        membership_types: ['DTEHM', 'DIP'],
        payment_url: expect.stringMatching(/^http:\/\/komisi\.test\/sandbox\/pay\/SBX-/),
        tracking_id: expect.stringMatching(/^SBX-/),
      },
    });
    expect(res.body.data.payment_url.endsWith(res.body.data.tracking_id)).toBe(true);

    // the payment page is served by the sandbox gateway
    const html = await app.app.request(new URL(res.body.data.payment_url).pathname);
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toMatch(/text\/html/);
    const text = await html.text();
    expect(text).toContain('UGX 96,000');
    expect(text).toMatch(/<button[^>]*value="success"[^>]*>Pay<\/button>/);
    expect(text).toMatch(/<button[^>]*value="failed"[^>]*>Fail<\/button>/);
  });

  it('quotes 76,000 for DTEHM only and 20,000 for DIP only', async () => {
    const dtehm = await registerMember(app);
    expect(await initiate(dtehm)).toMatchObject({ amount: 76_000, membership_types: ['DTEHM'] });
    const dip = await registerMember(app, { dtehm: false, dip: true });
    expect(await initiate(dip)).toMatchObject({ amount: 20_000, membership_types: ['DIP'] });
  });

  it('defaults the payment method and accepts mobile_money and bank', async () => {
    const m = await registerMember(app);
    for (const payment_method of [undefined, 'mobile_money', 'bank']) {
      const res = await app.post('/membership/initiate-payment', { user_id: m.id, payment_method }, m.token);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
  });

  it('names every bad field', async () => {
    const m = await registerMember(app);
    const res = await app.post('/membership/initiate-payment', { payment_method: 'cash' }, m.token);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe(0);
    expect(Object.keys(res.body.errors).sort()).toEqual(['payment_method', 'user_id']);
    const bad = await app.post('/membership/initiate-payment', { user_id: 'abc' }, m.token);
    expect(Object.keys(bad.body.errors)).toEqual(['user_id']);
  });

  it("refuses another user's id with 404 and an invalid token with 401", async () => {
    const a = await registerMember(app);
    const b = await registerMember(app);
    const before = await sql<{ n: number }>('select count(*)::int as n from payment');
    const res = await app.post('/membership/initiate-payment', { user_id: b.id }, a.token);
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ code: 0, message: 'User not found', errors: {} });
    const forged = await app.post('/membership/initiate-payment', { user_id: a.id }, `${a.token}x`);
    expect(forged.status).toBe(401);
    expect(forged.body.code).toBe(0);
    expect(await sql('select count(*)::int as n from payment')).toEqual(before);
  });

  it('refuses an unknown user with 404', async () => {
    const m = await registerMember(app);
    const res = await app.post('/membership/initiate-payment', { user_id: 999_999 }, m.token);
    expect(res.status).toBe(404);
  });

  it('needs a token unless the tenant allows anonymous membership calls', async () => {
    const m = await registerMember(app);
    const anonymous = await app.post('/membership/initiate-payment', { user_id: m.id });
    expect(anonymous.status).toBe(401);
    const sql = app.orm.em.fork().getConnection();
    await sql.execute(
      `update tenant set settings = settings || '{"anonymousMembershipPayments": true}' where slug = 'dtehm'`,
    );
    await app.services.tenants.invalidate();
    try {
      const allowed = await app.post('/membership/initiate-payment', { user_id: m.id });
      expect(allowed.status).toBe(200);
    } finally {
      await sql.execute(
        `update tenant set settings = settings - 'anonymousMembershipPayments' where slug = 'dtehm'`,
      );
      await app.services.tenants.invalidate();
    }
  });

  it('hands out the open payment again instead of charging twice', async () => {
    const m = await registerMember(app);
    const first = await app.post('/membership/initiate-payment', { user_id: m.id }, m.token);
    const second = await app.post('/membership/initiate-payment', { user_id: m.id }, m.token);
    expect(second.body.data.payment_id).toBe(first.body.data.payment_id);
    await paySandbox(app, first.body.data.payment_url, 'failed');
    const third = await app.post('/membership/initiate-payment', { user_id: m.id }, m.token);
    expect(third.body.data.payment_id).not.toBe(first.body.data.payment_id);
  });

  it('refuses a member whose membership is already active', async () => {
    const m = await activeMember(app);
    const res = await app.post('/membership/initiate-payment', { user_id: m.id }, m.token);
    expect(res.status).toBe(400);
    expect(res.body.errors).toHaveProperty('user_id');
  });
});

describe('POST /membership/confirm-payment', () => {
  it('refuses to confirm before the payment is made, and changes nothing', async () => {
    const m = await registerMember(app);
    const p = await initiate(m);
    const res = await confirm(p.payment_id, m.token, {
      transaction_reference: p.tracking_id,
      status: 'success',
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 0, message: 'Payment has not been completed yet' });
    expect(res.body.errors).toHaveProperty('payment_id');
    const status = await app.get(`/membership/payment-status/${p.payment_id}`, m.token);
    expect(status.body.data).toMatchObject({ status: 'pending', paid_at: null });
    const login = await app.post('/users/login', { email: m.user.email, password: TEST_PASSWORD });
    expect(login.body.data.user).toMatchObject({ membership_status: 'Pending', dtehm_member_id: null });
    expect(await commissionRows(p.payment_id)).toBe(0);
  });

  it('does not believe a client that says success when the charge failed', async () => {
    const sponsor = await freshSponsor();
    const m = await registerMember(app, { sponsorId: sponsor.memberId });
    const p = await initiate(m);
    await paySandbox(app, p.payment_url, 'failed');
    const res = await confirm(p.payment_id, m.token, {
      transaction_reference: p.tracking_id,
      status: 'success',
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 0, message: 'Payment failed' });
    const status = await app.get(`/membership/payment-status/${p.payment_id}`, m.token);
    expect(status.body.data).toMatchObject({ status: 'failed', paid_at: null });
    const login = await app.post('/users/login', { email: m.user.email, password: TEST_PASSWORD });
    expect(login.body.data.user).toMatchObject({ membership_status: 'Pending', dtehm_member_id: null });
    expect((await app.get('/user/balance', sponsor.token)).body.data.balance).toBe(0);

    // a failed charge cannot be paid afterwards; a new payment can
    const page = await app.request('POST', new URL(p.payment_url).pathname, { body: { outcome: 'success' } });
    expect(page.body).toMatchObject({ status: 'failed' });
    expect((await confirm(p.payment_id, m.token)).status).toBe(400);
    const retry = await initiate(m);
    expect(retry.payment_id).not.toBe(p.payment_id);
    await paySandbox(app, retry.payment_url);
    const ok = await confirm(retry.payment_id, m.token);
    expect(ok.status).toBe(200);
    expect((await app.get('/user/balance', sponsor.token)).body.data.balance).toBe(10_000);
  });

  it('activates the member, numbers the memberships and pays the sponsor 10,000 once', async () => {
    const sponsor = await freshSponsor();
    const m = await registerMember(app, { sponsorId: sponsor.memberId, dip: true, name: 'John Doe' });
    const p = await initiate(m);

    const before = await app.get(`/membership/payment-status/${p.payment_id}`, m.token);
    expect(before.status).toBe(200);
    expect(before.body).toEqual({
      code: 1,
      data: {
        payment_id: p.payment_id,
        amount: 96_000,
        status: 'pending',
        membership_types: ['DTEHM', 'DIP'],
        transaction_reference: p.tracking_id,
        created_at: expect.stringMatching(DATE_TIME),
        paid_at: null,
      },
    });

    await paySandbox(app, p.payment_url);
    const res = await confirm(p.payment_id, m.token, {
      transaction_reference: p.tracking_id,
      status: 'success',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({
      code: 1,
      message: CONFIRMED,
      data: {
        user: expect.objectContaining({
          id: m.id,
          name: 'John Doe',
          membership_status: 'Active',
          sponsor_id: sponsor.memberId,
        }),
        dtehm_member_id: expect.stringMatching(/^DTEHM\d{8}$/),
        dip_member_id: expect.stringMatching(/^DIP\d{4,}$/),
        membership_status: 'Active',
        sponsor_commission_created: true,
      },
    });
    const { dtehm_member_id, dip_member_id } = res.body.data;
    expect(res.body.data.user).toMatchObject({ dtehm_member_id, dip_member_id });
    const year = new Intl.DateTimeFormat('en-CA', { timeZone: 'Africa/Kampala', year: 'numeric' }).format(
      new Date(),
    );
    expect(dtehm_member_id.slice(5, 9)).toBe(year);

    const after = await app.get(`/membership/payment-status/${p.payment_id}`, m.token);
    expect(after.body.data).toMatchObject({
      status: 'completed',
      created_at: before.body.data.created_at,
      paid_at: expect.stringMatching(DATE_TIME),
    });
    expect(after.body.data.paid_at >= after.body.data.created_at).toBe(true);

    // the sponsor's bonus
    const balance = await app.get('/user/balance', sponsor.token);
    expect(balance.body).toEqual({ code: 1, data: { balance: 10_000, currency: 'UGX' } });
    const commissions = await app.get('/user/commissions', sponsor.token);
    expect(commissions.status).toBe(200);
    expect(commissions.body.data.commissions).toEqual([
      {
        id: expect.any(Number),
        amount: 10_000,
        level: 'Membership Referral',
        description: 'DTEHM Membership Referral Commission for John Doe',
        order_id: null,
        reference_type: 'membership',
        reference_id: p.payment_id,
        date: expect.stringMatching(DATE_TIME),
        status: 'completed',
      },
    ]);
    expect(commissions.body.data.summary).toEqual({
      total_commissions: 10_000,
      current_balance: 10_000,
      currency: 'UGX',
    });
    const membershipOnly = await app.get('/user/commissions?commission_type=membership', sponsor.token);
    expect(membershipOnly.body.data.commissions).toHaveLength(1);
    const networkOnly = await app.get('/user/commissions?commission_type=network', sponsor.token);
    expect(networkOnly.body.data.commissions).toHaveLength(0);

    // confirming again changes nothing
    const again = await confirm(p.payment_id, m.token);
    expect(again.status).toBe(200);
    expect(again.body.data).toMatchObject({
      dtehm_member_id,
      dip_member_id,
      sponsor_commission_created: true,
    });
    expect(await commissionRows(p.payment_id)).toBe(1);
    expect((await app.get('/user/balance', sponsor.token)).body.data.balance).toBe(10_000);

    // the new member can now sponsor others by either number
    for (const sponsorId of [dtehm_member_id, dip_member_id]) {
      const child = await registerMember(app, { sponsorId });
      expect(child.user.sponsor_id).toBe(dtehm_member_id);
    }
  });

  it('ignores a client that says failed when the charge succeeded', async () => {
    const m = await registerMember(app);
    const p = await initiate(m);
    await paySandbox(app, p.payment_url);
    const res = await confirm(p.payment_id, m.token, {
      transaction_reference: p.tracking_id,
      status: 'failed',
    });
    expect(res.status).toBe(200);
    expect(res.body.data.membership_status).toBe('Active');
  });

  it('numbers only DTEHM for a DTEHM-only member', async () => {
    const m = await registerMember(app);
    const p = await initiate(m);
    await paySandbox(app, p.payment_url);
    const res = await confirm(p.payment_id, m.token);
    expect(res.status).toBe(200);
    expect(res.body.data.dtehm_member_id).toMatch(/^DTEHM\d{8}$/);
    expect(res.body.data.dip_member_id).toBeNull();
  });

  it('pays no sponsor bonus for a DIP-only membership', async () => {
    const sponsor = await freshSponsor();
    const m = await registerMember(app, { sponsorId: sponsor.memberId, dtehm: false, dip: true });
    const p = await initiate(m);
    await paySandbox(app, p.payment_url);
    const res = await confirm(p.payment_id, m.token);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      dtehm_member_id: null,
      dip_member_id: expect.stringMatching(/^DIP\d{4,}$/),
      membership_status: 'Active',
      sponsor_commission_created: false,
    });
    expect((await app.get('/user/balance', sponsor.token)).body.data.balance).toBe(0);
    expect(await commissionRows(p.payment_id)).toBe(0);
  });

  it('pays nothing to anyone for a member without a sponsor', async () => {
    const reg = await app.post('/users/register', {
      email: `nosponsor.${Date.now()}@example.com`,
      password: TEST_PASSWORD,
      name: 'No Sponsor',
      phone_number: '+256700000000',
      is_dtehm_member: 'Yes',
      from_mobile: 'no',
    });
    expect(reg.status).toBe(200);
    const m = { id: reg.body.data.user.id, token: reg.body.data.user.token };
    const p = await initiate(m);
    await paySandbox(app, p.payment_url);
    const res = await confirm(p.payment_id, m.token);
    expect(res.status).toBe(200);
    expect(res.body.data.sponsor_commission_created).toBe(false);
    expect(await commissionRows(p.payment_id)).toBe(0);
  });

  it('settles exactly once under 20 concurrent confirmations', async () => {
    const sponsor = await freshSponsor();
    const m = await registerMember(app, { sponsorId: sponsor.memberId, dip: true });
    const p = await initiate(m);
    // the gateway records the charge, but nobody has told the app yet
    await app.services.sandbox.settle(p.tracking_id, 'success');
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        i % 4 === 3
          ? app.get(`/membership/payment-status/${p.payment_id}`, m.token)
          : confirm(p.payment_id, m.token),
      ),
    );
    for (const r of results) expect(r.status, JSON.stringify(r.body)).toBe(200);
    const confirmations = results.filter((r) => 'dtehm_member_id' in r.body.data);
    expect(new Set(confirmations.map((r) => r.body.data.dtehm_member_id)).size).toBe(1);
    expect(new Set(confirmations.map((r) => r.body.data.dip_member_id)).size).toBe(1);
    expect(await commissionRows(p.payment_id)).toBe(1);
    expect((await app.get('/user/balance', sponsor.token)).body.data.balance).toBe(10_000);
    const entries = await sql<{ idempotency_key: string }>(
      'select idempotency_key from ledger_entry where idempotency_key in (?, ?) order by 1',
      [`membership:${p.payment_id}:sponsor-bonus`, `payment:${p.payment_id}:received`],
    );
    expect(entries.map((e) => e.idempotency_key)).toEqual([
      `membership:${p.payment_id}:sponsor-bonus`,
      `payment:${p.payment_id}:received`,
    ]);

    // the member counter moved by one: the next member gets the next number
    const next = await activeMember(app);
    const seq = (id: string) => Number(id.slice(9));
    expect(seq(next.memberId)).toBe(seq(confirmations[0]!.body.data.dtehm_member_id) + 1);
  });

  it('pays the sponsor once even when the member pays two payments', async () => {
    const sponsor = await freshSponsor();
    const m = await registerMember(app, { sponsorId: sponsor.memberId });
    const first = await initiate(m);
    const second = await initiate(m);
    await paySandbox(app, first.payment_url);
    await paySandbox(app, second.payment_url);
    const a = await confirm(first.payment_id, m.token);
    const b = await confirm(second.payment_id, m.token);
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    expect(b.body.data.dtehm_member_id).toBe(a.body.data.dtehm_member_id);
    expect((await app.get('/user/balance', sponsor.token)).body.data.balance).toBe(10_000);
    expect(await commissionRows()).toBeGreaterThan(0);
    const rows = await sql<{ n: number }>(
      `select count(*)::int as n from commission where beneficiary_id = ? and reference_type = 'membership'`,
      [sponsor.id],
    );
    expect(rows[0]!.n).toBe(1);
  });

  it('refuses a transaction reference that is not the payment’s', async () => {
    const m = await registerMember(app);
    const p = await initiate(m);
    await app.services.sandbox.settle(p.tracking_id, 'success');
    const res = await confirm(p.payment_id, m.token, { transaction_reference: 'PESAPAL-123456' });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.errors)).toEqual(['transaction_reference']);
    // it settled nothing
    const rows = await sql<{ status: string }>('select status from payment where id = ?', [p.payment_id]);
    expect(rows[0]!.status).toBe('pending');
    expect((await confirm(p.payment_id, m.token, { transaction_reference: p.tracking_id })).status).toBe(200);
  });

  it("answers 404 for another user's payment and does not settle it", async () => {
    const owner = await registerMember(app);
    const other = await registerMember(app);
    const p = await initiate(owner);
    await app.services.sandbox.settle(p.tracking_id, 'success');
    const res = await confirm(p.payment_id, other.token);
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ code: 0, message: 'Payment not found', errors: {} });
    const status = await app.get(`/membership/payment-status/${p.payment_id}`, other.token);
    expect(status.status).toBe(404);
    const rows = await sql<{ status: string }>('select status from payment where id = ?', [p.payment_id]);
    expect(rows[0]!.status).toBe('pending');
  });

  it('answers 404 for an unknown payment and 400 for a missing id', async () => {
    const m = await registerMember(app);
    expect((await confirm(999_999, m.token)).status).toBe(404);
    expect((await app.get('/membership/payment-status/999999', m.token)).status).toBe(404);
    const missing = await app.post('/membership/confirm-payment', {}, m.token);
    expect(missing.status).toBe(400);
    expect(Object.keys(missing.body.errors)).toEqual(['payment_id']);
    const bad = await app.post('/membership/confirm-payment', { payment_id: 'x', status: 'maybe' }, m.token);
    expect(Object.keys(bad.body.errors).sort()).toEqual(['payment_id', 'status']);
    expect((await app.get('/membership/payment-status/abc', m.token)).status).toBe(400);
  });

  it('refuses an invalid token with 401', async () => {
    const m = await registerMember(app);
    const p = await initiate(m);
    expect((await confirm(p.payment_id, 'not-a-token')).status).toBe(401);
    expect((await app.get(`/membership/payment-status/${p.payment_id}`, 'not-a-token')).status).toBe(401);
  });

  it('does not treat an order payment as a membership payment', async () => {
    const buyer = await activeMember(app);
    const products = await app.get('/products/list');
    const product = products.body.data.products.find((p: { in_stock: boolean }) => p.in_stock);
    const order = await app.post('/orders/create', { product_id: product.id, quantity: 1 }, buyer.token);
    expect(order.status, JSON.stringify(order.body)).toBe(200);
    const orderPaymentRows = await sql<{ id: number }>(
      "select id from payment where purpose = 'order' and account_id = ? order by id desc limit 1",
      [buyer.id],
    );
    const paymentId = orderPaymentRows[0]!.id;
    expect((await confirm(paymentId, buyer.token)).status).toBe(404);
    expect((await app.get(`/membership/payment-status/${paymentId}`, buyer.token)).status).toBe(404);
  });
});
