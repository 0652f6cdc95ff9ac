import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_ADMIN_PASSWORD, type TestApp } from '../testing/test-app.ts';
import { earnAvailable, qutabApi } from './qutab-fixtures.ts';

// qutab-platform: bank account with KTP (multipart), verification, payouts end to end over REST.
let app: TestApp;
const api = (path: string) => `/t/qutab/api${path}`;
const get = (path: string, token?: string) => qutabApi(app).get(path, token);
const post = (path: string, body: unknown, token?: string) => qutabApi(app).post(path, body, token);

async function multipart(path: string, fields: Record<string, string | Blob>, token: string) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  const res = await app.app.request(api(path), {
    method: 'POST',
    body: form,
    headers: { authorization: `Bearer ${token}` },
  });
  return { status: res.status, body: await res.json() };
}

const ktpJpeg = async () =>
  new Blob([
    new Uint8Array(
      await sharp({ create: { width: 320, height: 200, channels: 3, background: '#2a6' } })
        .jpeg()
        .withMetadata({ exif: { IFD0: { Copyright: 'secret gps' } } })
        .toBuffer(),
    ),
  ]);

let affiliate: string;
let admin: string;

beforeAll(async () => {
  app = await startTestApp();
  affiliate = (
    await post('/affiliate/auth/login', { email: 'darmawan@qutab.demo', password: 'Affiliate123!' })
  ).body.data.access_token;
  admin = (await post('/auth/login', { email: 'admin@qutab.demo', password: TEST_ADMIN_PASSWORD })).body.data
    .access_token;
});
afterAll(async () => {
  await app.close();
});

describe('bank account and KTP', () => {
  it('refuses a payout without a verified bank account', async () => {
    const res = await post('/affiliate/payout/request', { amount: 100_000 }, affiliate);
    expect([400, 409]).toContain(res.status);
  });

  it('saves the account (masked), takes the KTP as multipart, and an admin verifies it', async () => {
    const saved = await post(
      '/affiliate/bank-account',
      { bank_name: 'BCA', account_number: '1234567890', account_holder_name: 'Darmawan Putra' },
      affiliate,
    );
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.data).toMatchObject({
      account_number: '******7890',
      verification_status: 'pending',
      ktp_submitted: false,
    });
    const notImage = await multipart(
      '/affiliate/bank-account/verify',
      { ktp_image: new Blob(['%PDF-1.4 not an image']) },
      affiliate,
    );
    expect(notImage.status).toBe(422);
    expect(notImage.body.error.field).toBe('ktp_image');

    const huge = await multipart(
      '/affiliate/bank-account/verify',
      { ktp_image: new Blob([new Uint8Array(7 * 1024 * 1024)]) },
      affiliate,
    );
    expect(huge.status).toBe(422);
    expect(huge.body.error.message).toContain('too large');
    const ktp = await multipart('/affiliate/bank-account/verify', { ktp_image: await ktpJpeg() }, affiliate);
    expect(ktp.status, JSON.stringify(ktp.body)).toBe(200);
    expect(ktp.body.data).toMatchObject({ ktp_submitted: true, verification_status: 'pending' });

    const pending = await get('/admin/bank-accounts/pending', admin);
    expect(pending.status, JSON.stringify(pending.body)).toBe(200);
    const review = pending.body.data.bank_accounts[0];
    expect(review).toMatchObject({ account_number: '1234567890', bank_name: 'BCA' });
    // the KTP link works for the admin, is a re-encoded JPEG without the EXIF, and expires
    const file = await app.app.request(new URL(review.ktp_url).pathname + new URL(review.ktp_url).search);
    expect(file.status).toBe(200);
    const bytes = Buffer.from(await file.arrayBuffer());
    expect(bytes.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    expect((await sharp(bytes).metadata()).exif).toBeUndefined();
    const tampered = new URL(review.ktp_url);
    tampered.searchParams.set('exp', String(Number(tampered.searchParams.get('exp')) + 60));
    expect((await app.app.request(tampered.pathname + tampered.search)).status).toBe(403);

    expect(
      (await post(`/admin/bank-accounts/${review.id}/verify`, { version: review.version }, affiliate)).status,
    ).toBe(403);
    const verified = await post(
      `/admin/bank-accounts/${review.id}/verify`,
      { version: review.version },
      admin,
    );
    expect(verified.status, JSON.stringify(verified.body)).toBe(200);
    expect(verified.body.data.verification_status).toBe('verified');
    expect((await get('/affiliate/bank-account', affiliate)).body.data.verification_status).toBe('verified');
  });
});

describe('payouts', () => {
  it('never pays out more than the balance under 20 concurrent requests; admin pays one, rejects another', async () => {
    const available = await earnAvailable(app, admin);
    const balance = (await get('/affiliate/balance', affiliate)).body.data;
    expect(balance).toMatchObject({ available_balance: available, can_request_payout: true });

    const below = await post('/affiliate/payout/request', { amount: 50_000 }, affiliate);
    expect(below.status).toBe(400);
    expect(below.body.error.code).toBe('BELOW_MINIMUM_PAYOUT');

    const amount = 200_000;
    const results = await Promise.all(
      Array.from({ length: 20 }, () => post('/affiliate/payout/request', { amount }, affiliate)),
    );
    const accepted = results.filter((r) => r.status === 201);
    expect(accepted).toHaveLength(Math.floor(available / amount));
    for (const r of results.filter((x) => x.status !== 201))
      expect(r.body.error.code).toBe('INSUFFICIENT_BALANCE');
    expect((await get('/affiliate/balance', affiliate)).body.data.available_balance).toBe(
      available - accepted.length * amount,
    );

    const [first, second] = accepted.map((r) => r.body.data.id as string);
    expect((await post(`/admin/payouts/${first}/approve`, {}, admin)).body.data.status).toBe('processing');
    const paid = await post(`/admin/payouts/${first}/paid`, { transfer_reference: 'BCA-TRF-0001' }, admin);
    expect(paid.status, JSON.stringify(paid.body)).toBe(200);
    expect(paid.body.data).toMatchObject({ status: 'paid', transfer_reference: 'BCA-TRF-0001' });
    expect((await post(`/admin/payouts/${first}/paid`, { transfer_reference: 'again' }, admin)).status).toBe(
      409,
    );
    const rejected = await post(
      `/admin/payouts/${second}/reject`,
      { reason: 'Nama rekening tidak cocok' },
      admin,
    );
    expect(rejected.body.data.status).toBe('failed');
    expect((await get('/affiliate/balance', affiliate)).body.data.available_balance).toBe(available - amount);

    const history = await get('/affiliate/payout/history', affiliate);
    expect(history.status).toBe(200);
    expect(history.body.data.payouts).toHaveLength(2);
    for (const p of history.body.data.payouts) expect(p.account_number).toBe('******7890');
  });
});

describe('isolation between affiliates', () => {
  it("a second affiliate sees none of the first one's referrals, payouts or bank account", async () => {
    const applied = await post('/affiliate/auth/register', {
      first_name: 'Yusuf',
      last_name: 'Hakim',
      email: `yusuf.${Date.now()}@example.com`,
      password: 'Rahasia123!',
      whatsapp: '081255556666',
      city: 'Medan',
      primary_platform: 'tiktok',
      reason: 'Saya punya komunitas TikTok yang peduli qurban.',
    });
    expect(applied.status).toBe(201);
    expect(
      (await post(`/admin/affiliates/${applied.body.data.affiliate.id}/approve`, {}, admin)).status,
    ).toBe(200);
    const other = applied.body.data.access_token as string;

    expect((await get('/affiliate/referrals', other)).body.data.referrals).toEqual([]);
    expect((await get('/affiliate/payout/history', other)).body.data.payouts).toEqual([]);
    expect((await get('/affiliate/bank-account', other)).body.data).toBeNull();
    expect((await get('/affiliate/balance', other)).body.data.available_balance).toBe(0);

    // the second affiliate's KTP: admins get a link; the same link for anyone else is refused
    await post(
      '/affiliate/bank-account',
      { bank_name: 'Mandiri', account_number: '9876543210', account_holder_name: 'Yusuf Hakim' },
      other,
    );
    expect(
      (await multipart('/affiliate/bank-account/verify', { ktp_image: await ktpJpeg() }, other)).status,
    ).toBe(200);
    const review = (await get('/admin/bank-accounts/pending', admin)).body.data.bank_accounts.find(
      (b: { bank_name: string }) => b.bank_name === 'Mandiri',
    );
    const link = new URL(review.ktp_url);
    expect((await app.app.request(link.pathname + link.search)).status).toBe(200);
    link.searchParams.set('v', String(Number(link.searchParams.get('v')) + 1));
    expect((await app.app.request(link.pathname + link.search)).status).toBe(403);
  });
});
