import { createFakeDoku } from '@komisi/api/testing';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkoutFixtures } from '../ansania/checkout-fixtures.ts';
import { earnAvailable, qutabApi } from '../qutab/qutab-fixtures.ts';
import { startTestCluster, type TestCluster } from '../testing/cluster.ts';
import { activeMember, registerMember, TEST_ADMIN_PASSWORD, TEST_PASSWORD } from '../testing/test-app.ts';

// The money concurrency tests of the single-instance suites (checkout, vouchers, payouts, DOKU
// notifications, dtehm confirmations), run on three server instances behind a round-robin proxy:
// concurrent requests land on different instances, each with its own pool, caches and unit of work.
// close() checks the ledger invariants over everything the instances wrote.

const CLIENT_ID = 'BRN-0001-TEST';
const SECRET = 'SK-test-secret';
// the gateway every instance talks to (one DOKU, as in production)
const doku = createFakeDoku({ clientId: CLIENT_ID, secretKey: SECRET });

let app: TestCluster;
let fx: ReturnType<typeof checkoutFixtures>;

beforeAll(async () => {
  app = await startTestCluster({
    count: 3,
    services: { dokuFetch: (input, init) => doku.fetch(new Request(input, init)) },
  });
  fx = checkoutFixtures(app);
}, 120_000);
afterAll(async () => {
  const failures = app?.proxy.failures ?? [];
  await app?.close();
  // no request was lost between the proxy and an instance
  expect(failures).toEqual([]);
});

/** The requests since `before` reached every instance (the proxy's count per instance). */
function spread(before: number[], atLeastEach: number) {
  const delta = app.proxy.counts.map((n, i) => n - before[i]!);
  for (const d of delta) expect(d).toBeGreaterThanOrEqual(atLeastEach);
}

describe('ansania stock and vouchers across instances', () => {
  it('50 customers race for 10 units: exactly 10 orders, stock 0, no oversell', async () => {
    const v = await fx.variant({ stock: 50 });
    const shoppers = await Promise.all(Array.from({ length: 50 }, () => fx.shopper(v.id, 1)));
    await fx.sql('update product_variant set stock = 10 where id = ?', [v.id]);
    const before = [...app.proxy.counts];
    const results = await Promise.all(shoppers.map((s) => fx.createOrder(s.token, s.addressId)));
    spread(before, 16);
    expect(results.filter((r) => r.status === 201)).toHaveLength(10);
    for (const r of results.filter((r) => r.status !== 201)) {
      expect(r.status, JSON.stringify(r.body)).toBe(400);
      expect(r.body.code).toBe('INSUFFICIENT_STOCK');
    }
    expect(await fx.stockOf(v.id)).toBe(0);
    expect(await fx.orderLinesOf(v.id)).toBe(10);
  });

  it('a voucher limited to 5 uses, 30 concurrent checkouts: exactly 5 orders carry it', async () => {
    await fx.voucher('MULTI5', { usage_limit: 5 });
    const v = await fx.variant({ stock: 100, price: 1_000_000 });
    const shoppers = await fx.shoppersWithVoucher(30, v.id, 'MULTI5');
    const before = [...app.proxy.counts];
    const results = await Promise.all(shoppers.map((s) => fx.createOrder(s.token, s.addressId)));
    spread(before, 10);
    expect(results.filter((r) => r.status === 201)).toHaveLength(5);
    for (const r of results.filter((r) => r.status !== 201)) expect(r.body.code).toBe('VOUCHER_USAGE_LIMIT');
    expect(await fx.voucherUses('MULTI5')).toBe(5);
    expect(await fx.ordersWithVoucher('MULTI5')).toBe(5);
    expect(await fx.stockOf(v.id)).toBe(95);
  });
});

describe('dtehm confirmations across instances', () => {
  it('settles exactly once under 21 concurrent confirmations (7 per instance)', async () => {
    const sponsor = await activeMember(app, { name: 'Jane Sponsor' });
    const sponsorToken = (
      await app.post('/users/login', { email: sponsor.user.email, password: TEST_PASSWORD })
    ).body.data.token as string;
    const m = await registerMember(app, { sponsorId: sponsor.memberId, dip: true });
    const init = await app.post(
      '/membership/initiate-payment',
      { user_id: m.id, payment_method: 'pesapal' },
      m.token,
    );
    expect(init.status, JSON.stringify(init.body)).toBe(200);
    const { payment_id: paymentId, tracking_id: trackingId } = init.body.data;
    // the gateway records the charge, but nobody has told the app yet
    await app.services.sandbox.settle(trackingId, 'success');
    const before = [...app.proxy.counts];
    const results = await Promise.all(
      Array.from({ length: 21 }, () =>
        app.post('/membership/confirm-payment', { payment_id: paymentId }, m.token),
      ),
    );
    spread(before, 7);
    for (const r of results) expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(new Set(results.map((r) => r.body.data.dtehm_member_id)).size).toBe(1);
    expect(new Set(results.map((r) => r.body.data.dip_member_id)).size).toBe(1);
    const commissions = await fx.sql<{ n: number }>(
      "select count(*)::int as n from commission where reference_type = 'membership' and reference_id = ?",
      [paymentId],
    );
    expect(commissions[0]!.n).toBe(1);
    expect((await app.get('/user/balance', sponsorToken)).body.data.balance).toBe(10_000);
  });
});

describe('qutab payouts across instances', () => {
  it('never pays out more than the balance under 21 concurrent requests; one approval and one payment win', async () => {
    const { api, get, post } = qutabApi(app);
    const affiliate = (
      await post('/affiliate/auth/login', { email: 'darmawan@qutab.demo', password: 'Affiliate123!' })
    ).body.data.access_token as string;
    const admin = (await post('/auth/login', { email: 'admin@qutab.demo', password: TEST_ADMIN_PASSWORD }))
      .body.data.access_token as string;
    // a verified bank account (KTP sent as multipart through the proxy)
    const saved = await post(
      '/affiliate/bank-account',
      { bank_name: 'BCA', account_number: '1234567890', account_holder_name: 'Darmawan Putra' },
      affiliate,
    );
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const form = new FormData();
    const jpeg = await sharp({ create: { width: 320, height: 200, channels: 3, background: '#2a6' } })
      .jpeg()
      .toBuffer();
    form.append('ktp_image', new Blob([new Uint8Array(jpeg)]));
    const ktp = await fetch(`${app.proxy.url}${api('/affiliate/bank-account/verify')}`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${affiliate}` },
    });
    expect(ktp.status, await ktp.clone().text()).toBe(200);
    const review = (await get('/admin/bank-accounts/pending', admin)).body.data.bank_accounts[0];
    const verified = await post(
      `/admin/bank-accounts/${review.id}/verify`,
      { version: review.version },
      admin,
    );
    expect(verified.status, JSON.stringify(verified.body)).toBe(200);

    // two coupon orders paid and past their hold: 2 × (price / 10) available
    const available = await earnAvailable(app, admin);
    expect((await get('/affiliate/balance', affiliate)).body.data.available_balance).toBe(available);

    const amount = 200_000;
    const before = [...app.proxy.counts];
    const results = await Promise.all(
      Array.from({ length: 21 }, () => post('/affiliate/payout/request', { amount }, affiliate)),
    );
    spread(before, 7);
    const accepted = results.filter((r) => r.status === 201);
    expect(accepted).toHaveLength(Math.floor(available / amount));
    for (const r of results.filter((x) => x.status !== 201))
      expect(r.body.error?.code, `${r.status} ${JSON.stringify(r.body)}`).toBe('INSUFFICIENT_BALANCE');
    expect((await get('/affiliate/balance', affiliate)).body.data.available_balance).toBe(
      available - accepted.length * amount,
    );

    // one payout approved by 9 concurrent requests (3 per instance), then paid by 9: one of each wins
    const id = accepted[0]!.body.data.id as string;
    const approvals = await Promise.all(
      Array.from({ length: 9 }, () => post(`/admin/payouts/${id}/approve`, {}, admin)),
    );
    expect(approvals.filter((r) => r.status === 200)).toHaveLength(1);
    for (const r of approvals.filter((x) => x.status !== 200))
      expect(r.status, JSON.stringify(r.body)).toBe(409);
    const payments = await Promise.all(
      Array.from({ length: 9 }, (_, i) =>
        post(`/admin/payouts/${id}/paid`, { transfer_reference: `BCA-TRF-${i}` }, admin),
      ),
    );
    const paid = payments.filter((r) => r.status === 200);
    expect(paid).toHaveLength(1);
    for (const r of payments.filter((x) => x.status !== 200))
      expect(r.status, JSON.stringify(r.body)).toBe(409);
    const rows = await fx.sql<{ status: string; transfer_reference: string }>(
      "select status, transfer_reference from affiliate_payout where transfer_reference like 'BCA-TRF-%'",
    );
    expect(rows).toEqual([{ status: 'paid', transfer_reference: paid[0]!.body.data.transfer_reference }]);
    expect((await get('/affiliate/balance', affiliate)).body.data.available_balance).toBe(
      available - accepted.length * amount,
    );
  });
});

describe('gateway notifications across instances', () => {
  const TARGET = '/t/ansania/api/checkout/payment-webhook';
  const deliver = (n: { headers: Record<string, string>; body: string }) =>
    app.request('POST', TARGET, {
      headers: { ...n.headers, 'content-type': 'application/json' },
      body: n.body,
    });

  beforeAll(async () => {
    // set on one instance, announced to the others (Redis): every instance now collects through DOKU
    await app.services.tenants.patchSettings((await fx.tenant()).id, {
      payments: {
        provider: 'doku',
        doku: { baseUrl: 'https://api-sandbox.doku.com', clientId: CLIENT_ID, secretKey: SECRET },
      },
    });
  });

  it('a DOKU notification delivered 12× concurrently (4 per instance) settles the order once', async () => {
    const v = await fx.variant({ stock: 5 });
    const me = await fx.shopper(v.id, 2);
    const created = await fx.createOrder(me.token, me.addressId);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const { order, payment } = created.body.data;
    expect(payment.payment_url).toContain('doku');
    doku.setStatus(payment.transaction_id, 'SUCCESS');
    const notification = doku.notification(payment.transaction_id, TARGET);
    const before = [...app.proxy.counts];
    const answers = await Promise.all(Array.from({ length: 12 }, () => deliver(notification)));
    spread(before, 4);
    expect(answers.map((a) => a.status)).toEqual(Array(12).fill(200));
    expect(answers.filter((a) => a.body.duplicate).length).toBe(11);
    const [row] = await fx.sql<{ status: string }>(
      'select status from customer_order where order_number = ?',
      [order.order_number],
    );
    expect(row!.status).toBe('paid');
    expect(await fx.webhookEventsOf('doku', notification.requestId)).toBe(1);
    expect(await fx.soldCountOf(v.productId)).toBe(2);
    expect(await fx.completedPaymentsOf(payment.transaction_id)).toBe(1);
  });
});
