import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ConsoleUnderTest,
  LABELS,
  navTo,
  startConsole,
  submitAndConfirm,
} from '../testing/console-browser.ts';
import { paySandbox, TEST_ADMIN_PASSWORD } from '../testing/test-app.ts';

// The qutab administrator's day, end to end in the console: an application approved, a KTP and a
// bank account verified (the signed KTP image shown), the holding period shortened in the settings
// editor so the affiliate's commission is available, then a payout approved and marked paid with
// its transfer reference; the order behind it moved along. What the administrator acts on is set up through the API as the
// affiliate's and the customers' apps would: an application, a coupon order paid, a bank account
// with its KTP, a payout request once the balance is available.

const id = LABELS.id;
let b: ConsoleUnderTest;
const api = (path: string) => `/t/qutab/api${path}`;
const post = (path: string, body: unknown, token?: string) =>
  b.app.request('POST', api(path), { body, ...(token && { token }) });
const get = (path: string, token?: string) => b.app.request('GET', api(path), token ? { token } : {});

beforeAll(async () => {
  b = await startConsole();
});
afterAll(async () => {
  await b?.close();
});

const stamp = Date.now();
const applicant = {
  first_name: 'Rahmat',
  last_name: 'Hidayat',
  email: `rahmat.${stamp}@example.com`,
  password: 'Rahasia123!',
  whatsapp: '0812 3333 4444',
  city: 'Malang',
  primary_platform: 'instagram',
  reason: 'Saya ingin mengajak jamaah masjid berqurban bersama.',
};
const coupon = `RAHMAT${String(stamp).slice(-4)}`;

async function adminToken(): Promise<string> {
  const login = await post('/auth/login', { email: 'admin@qutab.demo', password: TEST_ADMIN_PASSWORD });
  return login.body.data.access_token;
}

/** The approved affiliate's coupon used on one paid order: a commission confirmed, on hold. */
async function confirmedCommission(admin: string) {
  const approved = await get('/admin/affiliates?status=approved&limit=100', admin);
  const affiliate = approved.body.data.affiliates.find((a: { email: string }) => a.email === applicant.email);
  const created = await post(
    `/admin/affiliates/${affiliate.id}/coupons`,
    { code: coupon, discount_type: 'fixed', discount_value: 10_000 },
    admin,
  );
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const product = (await get('/products')).body.data.products[0];
  const customer = await post('/auth/register', {
    name: 'Pembeli Qurban',
    email: `pembeli.${stamp}@example.com`,
    phone: '081398765432',
    password: 'Rahasia123!',
  });
  const order = await post(
    '/orders',
    {
      product_id: product.id,
      quantity: 1,
      recipient_name: 'Keluarga Hidayat',
      recipient_location: 'Malang',
      payment_method: 'qris',
      coupon_code: coupon,
    },
    customer.body.data.access_token,
  );
  expect(order.status, JSON.stringify(order.body)).toBe(201);
  await paySandbox(b.app, order.body.data.payment_url);
  return order.body.data.id as string;
}

/** The affiliate's bank account with a photo of the KTP, sent as the app sends it (multipart). */
async function submitBankAccount(affiliate: string) {
  const saved = await post(
    '/affiliate/bank-account',
    { bank_name: 'BRI', account_number: '0987654321', account_holder_name: 'Rahmat Hidayat' },
    affiliate,
  );
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  const jpeg = await sharp({ create: { width: 320, height: 200, channels: 3, background: '#36c' } })
    .jpeg()
    .toBuffer();
  const form = new FormData();
  form.append('ktp_image', new Blob([new Uint8Array(jpeg)]));
  const res = await b.app.app.request(api('/affiliate/bank-account/verify'), {
    method: 'POST',
    body: form,
    headers: { authorization: `Bearer ${affiliate}` },
  });
  expect(res.status, await res.clone().text()).toBe(200);
}

describe('a qutab administrator in the console', () => {
  it('approves an application, verifies a KTP and bank account, shortens the hold, pays a payout', async () => {
    expect((await post('/affiliate/auth/register', applicant)).status).toBe(201);
    const tab = await b.openTab();
    const { page } = tab;
    await b.signIn(tab, 'qutab', 'admin@qutab.demo', TEST_ADMIN_PASSWORD);

    // 1. the application, approved at 10%
    await navTo(page, id.nav.affiliates);
    const applications = page.getByRole('table', { name: id.affiliates.title });
    const application = applications.getByRole('row').filter({ hasText: applicant.email });
    await application.getByRole('button', { name: id.affiliates.approve }).click();
    const approving = page.getByRole('dialog', { name: id.affiliates.approveTitle('Rahmat Hidayat') });
    await approving.getByLabel(id.affiliates.rateLabel).fill('10');
    await approving.getByRole('button', { name: id.affiliates.approve }).click();
    await page.getByText(id.affiliates.approved).waitFor();
    await application.waitFor({ state: 'detached' });

    // the affiliate's apps: a customer uses the coupon, the affiliate sends a bank account and KTP
    const admin = await adminToken();
    const orderId = await confirmedCommission(admin);
    const affiliate = (
      await post('/affiliate/auth/login', { email: applicant.email, password: applicant.password })
    ).body.data.access_token as string;
    const held = (await get('/affiliate/balance', affiliate)).body.data;
    expect(held).toMatchObject({ available_balance: 0 });
    expect(held.pending_commission).toBeGreaterThan(0);
    await submitBankAccount(affiliate);

    // 2. the KTP shown (the signed image loads), then the account verified
    await navTo(page, id.nav.bankAccounts);
    const accounts = page.getByRole('table', { name: id.bankAccounts.title });
    const account = accounts.getByRole('row').filter({ hasText: 'Rahmat Hidayat' });
    await account.getByRole('button', { name: id.bankAccounts.showKtp }).click();
    const ktp = page.getByRole('img', { name: id.bankAccounts.ktpAlt('Rahmat Hidayat') });
    await expect
      .poll(() => ktp.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBe(320);
    await b.expectCleanPage(tab, 'qutab-ktp');
    await page.keyboard.press('Escape');
    await account.getByRole('button', { name: id.bankAccounts.verify }).click();
    await page
      .getByRole('dialog', { name: id.bankAccounts.verifyTitle })
      .getByRole('button', { name: id.bankAccounts.verify })
      .click();
    await page.getByText(id.bankAccounts.verified).waitFor();
    await account.waitFor({ state: 'detached' });
    expect((await get('/affiliate/bank-account', affiliate)).body.data.verification_status).toBe('verified');

    // 3. the holding period shortened to none in the settings editor: the commission is released
    await navTo(page, id.consoleNav.settings);
    await page
      .getByRole('button', { name: /Referral-link affiliate programme/ })
      .first()
      .click();
    const programme = page.getByRole('form', { name: 'Referral-link affiliate programme' });
    await programme.getByLabel('Holding period (days)').fill('0');
    await submitAndConfirm(
      page,
      programme.getByRole('button', { name: id.common.save }),
      id.settings.confirmTitle('Referral-link affiliate programme'),
      id.common.save,
    );
    await page.getByText(id.settings.saved('Referral-link affiliate programme')).waitFor();
    await b.expectCleanPage(tab, 'qutab-settings');
    const release = await post('/admin/jobs/affiliate-commission-release/run', {}, admin);
    expect(release.body.data.processed).toBe(1);
    const available = (await get('/affiliate/balance', affiliate)).body.data.available_balance as number;
    expect(available).toBe(held.pending_commission);
    const requested = await post('/affiliate/payout/request', { amount: available }, affiliate);
    expect(requested.status, JSON.stringify(requested.body)).toBe(201);

    // 4. the payout approved, then marked paid with the transfer reference
    await navTo(page, id.nav.payouts);
    const payouts = page.getByRole('table', { name: id.payouts.title });
    const payout = payouts.getByRole('row').filter({ hasText: 'Rahmat Hidayat' });
    await payout.getByRole('button', { name: id.payouts.approve }).click();
    await page
      .getByRole('dialog', { name: id.payouts.approveTitle })
      .getByRole('button', { name: id.payouts.approve })
      .click();
    await payout.waitFor({ state: 'detached' });
    await page.locator('label', { hasText: id.payouts.statuses.processing }).click();
    await payout.getByRole('button', { name: id.payouts.markPaid }).click();
    const paying = page.getByRole('dialog', { name: id.payouts.paidTitle });
    await paying.getByLabel(id.payouts.reference).fill('BRI-TRF-20260601');
    await paying.getByRole('button', { name: id.payouts.markPaid }).click();
    await payout.waitFor({ state: 'detached' });
    await b.expectCleanPage(tab, 'qutab-payouts-paid', { screenshot: false });

    const history = (await get('/affiliate/payout/history', affiliate)).body.data.payouts;
    expect(history).toEqual([expect.objectContaining({ status: 'paid', amount: available })]);
    const paid = (await get('/admin/payouts?status=paid&limit=100', admin)).body.data.payouts;
    expect(paid.find((p: { id: string }) => p.id === history[0].id)).toMatchObject({
      status: 'paid',
      transfer_reference: 'BRI-TRF-20260601',
    });

    // 5. the order behind the commission: its tracking, then moved to processing with a note
    await navTo(page, id.consoleNav.qutabOrders);
    const orders = page.getByRole('table', { name: id.qutabOrders.title });
    const row = orders.getByRole('row').filter({ hasText: orderId });
    const processing = id.qutabOrders.statuses.processing!;
    await row.getByRole('button', { name: `${id.qutabOrders.moveTo(processing)}: ${orderId}` }).click();
    const moving = page.getByRole('dialog', { name: id.qutabOrders.moveTitle(orderId, processing) });
    await moving.getByLabel(id.common.note).fill('Hewan dipilih dan dikarantina');
    await moving.getByRole('button', { name: id.qutabOrders.moveTo(processing) }).click();
    await row.getByText(processing, { exact: true }).waitFor();
    await row.getByRole('button', { name: `${id.qutabOrders.tracking}: ${orderId}` }).click();
    const drawer = page.getByRole('dialog', { name: `${id.qutabOrders.order} ${orderId}` });
    await drawer.getByText('Hewan dipilih dan dikarantina').waitFor();
    await b.expectCleanPage(tab, 'qutab-orders');
    await tab.context.close();
  });
});
