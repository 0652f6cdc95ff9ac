import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemEm } from '../../../kernel/database.ts';
import type { TenantRecord } from '../../../kernel/tenant-record.ts';
import {
  BASE_URL,
  createAccount,
  createAffiliate,
  createTenant,
  errorOf,
  type Harness,
  photo,
  scopeOf,
  startHarness,
} from '../../../testing/referral-affiliates/payout.fixtures.ts';
import type { FileViewer } from '../../files/files.service.ts';
import { Affiliate } from '../affiliate.entity.ts';
import type { BankAccountFields } from './bank-account-fields.ts';

let h: Harness;
let tenant: TenantRecord;
let adminId: number;
let admin: FileViewer;

beforeAll(async () => {
  h = await startHarness();
  tenant = await createTenant(h);
  adminId = await createAccount(h, tenant, ['admin']);
  admin = { accountId: adminId, isAdmin: true };
});

afterAll(async () => {
  await h.close();
});

const scope = () => scopeOf(h, tenant);
const fields: Readonly<BankAccountFields> = {
  bankName: 'Bank Central Asia',
  accountNumber: '1234-5678 90',
  accountHolderName: ' Darmawan  Putra ',
};
const owner = (accountId: number): FileViewer => ({ accountId, isAdmin: false });

/** Follows a signed link the way the HTTP route does. */
async function fetchSigned(url: string, tenantRecord = tenant) {
  const u = new URL(url);
  const id = u.pathname.split('/').pop()!;
  return h.files.openSigned(scopeOf(h, tenantRecord), id, {
    v: u.searchParams.get('v') ?? undefined,
    exp: u.searchParams.get('exp') ?? undefined,
    sig: u.searchParams.get('sig') ?? undefined,
  });
}

describe('saving the bank account', () => {
  it('stores it pending, the number sealed and shown masked', async () => {
    const a = await createAffiliate(h, tenant);
    expect(await h.bankAccounts.get(scope(), a.accountId)).toBeNull();
    const view = await h.bankAccounts.save(scope(), a.accountId, fields);
    expect(view).toMatchObject({
      bankName: 'Bank Central Asia',
      accountNumberMasked: '******7890',
      accountHolderName: 'Darmawan Putra',
      verificationStatus: 'pending',
      ktpSubmitted: false,
      rejectionReason: null,
    });
    expect(JSON.stringify(view)).not.toContain('1234567890');
    expect(await h.bankAccounts.get(scope(), a.accountId)).toEqual(view);
    const [row] = await systemEm(h.orm).execute<Record<string, unknown>[]>(
      'select * from affiliate_bank_account where id = ?',
      [view.id],
    );
    expect(JSON.stringify(row)).not.toContain('1234567890');
    expect(Buffer.from(String(row!.account_number_sealed), 'base64').includes('1234567890')).toBe(false);
  });

  it('validates every field', async () => {
    const a = await createAffiliate(h, tenant);
    const error = await errorOf(
      h.bankAccounts.save(scope(), a.accountId, {
        bankName: 'B',
        accountNumber: '12ab',
        accountHolderName: '',
      }),
    );
    expect(error.code).toBe('VALIDATION_ERROR');
    expect(error.fields).toEqual({
      bank_name: ['must be 2 to 100 characters'],
      account_number: ['must be 5 to 30 digits'],
      account_holder_name: ['must be 2 to 100 characters'],
    });
  });

  it('is 404 for an account that is no affiliate', async () => {
    const member = await createAccount(h, tenant, ['member']);
    expect((await errorOf(h.bankAccounts.get(scope(), member))).code).toBe('NOT_FOUND');
    expect((await errorOf(h.bankAccounts.save(scope(), member, fields))).code).toBe('NOT_FOUND');
  });

  it('goes back to pending when any field changes, and stays verified when nothing does', async () => {
    const a = await createAffiliate(h, tenant);
    const saved = await h.bankAccounts.save(scope(), a.accountId, fields);
    await h.bankAccounts.submitKtp(scope(), a.accountId, { bytes: await photo() });
    const verified = await h.bankAccounts.verify(scope(), saved.id, adminId);
    expect(verified).toMatchObject({ verificationStatus: 'verified' });
    expect(verified.verifiedAt).toBeInstanceOf(Date);

    const same = await h.bankAccounts.save(scope(), a.accountId, { ...fields, accountNumber: '1234567890' });
    expect(same.verificationStatus).toBe('verified');

    let current = { ...fields };
    for (const change of [
      { accountHolderName: 'Darmawan P' },
      { bankName: 'BNI' },
      { accountNumber: '1234567891' },
    ]) {
      current = { ...current, ...change };
      const changed = await h.bankAccounts.save(scope(), a.accountId, current);
      expect(changed).toMatchObject({ verificationStatus: 'pending', verifiedAt: null, ktpSubmitted: true });
      await h.bankAccounts.verify(scope(), saved.id, adminId);
    }
  });

  it('survives concurrent first saves (one row, no error)', async () => {
    const a = await createAffiliate(h, tenant);
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) =>
        h.bankAccounts.save(scopeOf(h, tenant), a.accountId, { ...fields, accountNumber: `5555000${i}` }),
      ),
    );
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const [count] = await systemEm(h.orm).execute<{ n: string }[]>(
      'select count(*)::text as n from affiliate_bank_account where account_id = ?',
      [a.accountId],
    );
    expect(count!.n).toBe('1');
  });
});

describe('KTP', () => {
  it('needs the bank account saved first', async () => {
    const a = await createAffiliate(h, tenant);
    const error = await errorOf(h.bankAccounts.submitKtp(scope(), a.accountId, { bytes: await photo() }));
    expect(error.code).toBe('INVALID_STATE');
  });

  it('refuses what is not a JPEG or PNG, naming ktp_image', async () => {
    const a = await createAffiliate(h, tenant);
    await h.bankAccounts.save(scope(), a.accountId, fields);
    const gif = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#000' } })
      .gif()
      .toBuffer();
    const error = await errorOf(h.bankAccounts.submitKtp(scope(), a.accountId, { bytes: gif }));
    expect(error.fields).toEqual({ ktp_image: ['must be a JPEG or PNG image'] });
  });

  it('is stored sealed, without EXIF, and replaced (old file deleted) on resubmission', async () => {
    const a = await createAffiliate(h, tenant);
    await h.bankAccounts.save(scope(), a.accountId, fields);
    const before = h.storage.objects.size;
    const first = await h.bankAccounts.submitKtp(scope(), a.accountId, { bytes: await photo() });
    expect(first).toMatchObject({ ktpSubmitted: true, verificationStatus: 'pending' });
    expect(first.submittedAt).toBeInstanceOf(Date);
    expect(h.storage.objects.size).toBe(before + 1);

    const [file] = await systemEm(h.orm).execute<
      { id: number; storage_key: string; purpose: string; owner_account_id: number }[]
    >(
      'select f.id, f.storage_key, f.purpose, f.owner_account_id from file_object f join affiliate_bank_account b on b.ktp_file_id = f.id where b.id = ?',
      [first.id],
    );
    expect(file).toMatchObject({ purpose: 'ktp', owner_account_id: a.accountId });
    expect(file!.storage_key).toMatch(new RegExp(`^${tenant.id}/ktp/[A-Za-z0-9_-]{24}$`));
    const sealed = h.storage.objects.get(file!.storage_key)!;
    expect(sealed[0]).toBe(1);
    expect(sealed.subarray(0, 40).includes(Buffer.from([0xff, 0xd8, 0xff]))).toBe(false);
    const plain = await h.files.read(scope(), file!.id);
    expect(plain!.contentType).toBe('image/jpeg');
    expect(plain!.bytes.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    expect(plain!.bytes.includes('KTP-OWNER-SECRET')).toBe(false);
    expect((await sharp(plain!.bytes).metadata()).exif).toBeUndefined();

    await h.bankAccounts.submitKtp(scope(), a.accountId, { bytes: await photo(50, 50) });
    expect(h.storage.objects.has(file!.storage_key)).toBe(false);
    expect(h.storage.objects.size).toBe(before + 1);
    expect(await h.files.read(scope(), file!.id)).toBeNull();
  });

  it('is visible to its owner and admins through signed links, 404 to other affiliates', async () => {
    const a = await createAffiliate(h, tenant);
    const b = await createAffiliate(h, tenant);
    await h.bankAccounts.save(scope(), a.accountId, fields);
    expect(
      await h.bankAccounts.ktpUrl(scope(), a.accountId, owner(a.accountId), { baseUrl: BASE_URL }),
    ).toBeNull();
    await h.bankAccounts.submitKtp(scope(), a.accountId, { bytes: await photo() });

    const own = await h.bankAccounts.ktpUrl(scope(), a.accountId, owner(a.accountId), { baseUrl: BASE_URL });
    expect(own).toMatch(
      new RegExp(`^${BASE_URL}/files/\\d+\\?v=${a.accountId}&exp=\\d+&sig=[A-Za-z0-9_-]{43}$`),
    );
    const opened = await fetchSigned(own!);
    expect(opened.ok && opened.file.contentType).toBe('image/jpeg');
    const byAdmin = await h.bankAccounts.ktpUrl(scope(), a.accountId, admin, { baseUrl: BASE_URL });
    expect((await fetchSigned(byAdmin!)).ok).toBe(true);

    expect(
      (await errorOf(h.bankAccounts.ktpUrl(scope(), a.accountId, owner(b.accountId), { baseUrl: BASE_URL })))
        .code,
    ).toBe('NOT_FOUND');
    const fileId = Number(new URL(own!).pathname.split('/').pop());
    expect(
      (await errorOf(h.files.signedUrl(scope(), fileId, owner(b.accountId), { baseUrl: BASE_URL }))).code,
    ).toBe('NOT_FOUND');
    // b's own bank account view never shows a's
    expect(await h.bankAccounts.get(scope(), b.accountId)).toBeNull();

    // a link tampered with, expired, or taken to another tenant opens nothing
    const tampered = own!.replace(`v=${a.accountId}`, `v=${b.accountId}`);
    expect(await fetchSigned(tampered)).toEqual({ ok: false, status: 403 });
    const old = await h.bankAccounts.ktpUrl(
      scopeOf(h, tenant, new Date(Date.now() - 10 * 60_000)),
      a.accountId,
      owner(a.accountId),
      {
        baseUrl: BASE_URL,
      },
    );
    expect(await fetchSigned(old!)).toEqual({ ok: false, status: 403 });
    const other = await createTenant(h);
    expect(await fetchSigned(own!, other)).toEqual({ ok: false, status: 403 });
    expect(
      (await errorOf(h.files.signedUrl(scopeOf(h, other), fileId, admin, { baseUrl: BASE_URL }))).code,
    ).toBe('NOT_FOUND');
  });
});

describe('admin review', () => {
  it('lists pending accounts with a KTP, oldest first, with the full number and a KTP link', async () => {
    const t = await createTenant(h);
    const adminT = await createAccount(h, t, ['admin']);
    const viewer = { accountId: adminT, isAdmin: true };
    const s = () => scopeOf(h, t);
    const noKtp = await createAffiliate(h, t);
    await h.bankAccounts.save(s(), noKtp.accountId, fields);
    const first = await createAffiliate(h, t);
    const second = await createAffiliate(h, t);
    for (const a of [first, second]) {
      await h.bankAccounts.save(s(), a.accountId, fields);
      await h.bankAccounts.submitKtp(s(), a.accountId, { bytes: await photo() });
    }
    const list = await h.bankAccounts.pendingVerifications(s(), viewer, {
      page: 1,
      limit: 10,
      baseUrl: BASE_URL,
    });
    expect(list.window.total).toBe(2);
    expect(list.items.map((i) => i.affiliate.accountId)).toEqual([first.accountId, second.accountId]);
    expect(list.items[0]).toMatchObject({
      accountNumber: '1234567890',
      accountNumberMasked: '******7890',
      version: 2,
    });
    expect((await fetchSigned(list.items[0]!.ktpUrl!, t)).ok).toBe(true);

    expect(
      (
        await errorOf(
          h.bankAccounts.pendingVerifications(s(), owner(first.accountId), {
            page: 1,
            limit: 10,
            baseUrl: BASE_URL,
          }),
        )
      ).code,
    ).toBe('FORBIDDEN');
  });

  it('verifies or rejects once, only from pending with a KTP, and tells the affiliate', async () => {
    const a = await createAffiliate(h, tenant);
    const saved = await h.bankAccounts.save(scope(), a.accountId, fields);
    expect((await errorOf(h.bankAccounts.verify(scope(), saved.id, adminId))).code).toBe('INVALID_STATE');
    await h.bankAccounts.submitKtp(scope(), a.accountId, { bytes: await photo() });

    expect((await errorOf(h.bankAccounts.reject(scope(), saved.id, adminId, '  '))).fields).toEqual({
      reason: ['must be 1 to 500 characters'],
    });
    const rejected = await h.bankAccounts.reject(scope(), saved.id, adminId, 'Name on the KTP differs');
    expect(rejected).toMatchObject({
      verificationStatus: 'rejected',
      rejectionReason: 'Name on the KTP differs',
    });
    expect((await errorOf(h.bankAccounts.verify(scope(), saved.id, adminId))).code).toBe('INVALID_STATE');
    expect((await errorOf(h.bankAccounts.reject(scope(), saved.id, adminId, 'again'))).code).toBe(
      'INVALID_STATE',
    );

    // resubmitting puts it back to pending, without the old reason
    const again = await h.bankAccounts.submitKtp(scope(), a.accountId, { bytes: await photo() });
    expect(again).toMatchObject({ verificationStatus: 'pending', rejectionReason: null });

    const mails = await systemEm(h.orm).execute<{ recipient: string; subject: string; body: string }[]>(
      `select o.recipient, o.subject, o.body from notification_outbox o join account a on a.email = o.recipient
       where a.id = ? order by o.id`,
      [a.accountId],
    );
    expect(mails.map((m) => m.subject)).toEqual(['Qutab Test: your bank account could not be verified']);
    expect(mails[0]!.body).toContain('Name on the KTP differs');
    expect(mails[0]!.body).toContain('******7890');
    expect(mails[0]!.body).not.toContain('1234567890');
  });

  it('lets exactly one of concurrent decisions through', async () => {
    const a = await createAffiliate(h, tenant);
    const saved = await h.bankAccounts.save(scope(), a.accountId, fields);
    await h.bankAccounts.submitKtp(scope(), a.accountId, { bytes: await photo() });
    const results = await Promise.allSettled([
      ...Array.from({ length: 5 }, () => h.bankAccounts.verify(scopeOf(h, tenant), saved.id, adminId)),
      ...Array.from({ length: 5 }, () => h.bankAccounts.reject(scopeOf(h, tenant), saved.id, adminId, 'No')),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) {
      if (r.status === 'rejected') expect((r.reason as { code?: string }).code).toBe('INVALID_STATE');
    }
  });

  it('refuses a decision on details changed after the admin looked', async () => {
    const a = await createAffiliate(h, tenant);
    await h.bankAccounts.save(scope(), a.accountId, fields);
    const submitted = await h.bankAccounts.submitKtp(scope(), a.accountId, { bytes: await photo() });
    const review = await h.bankAccounts.review(scope(), submitted.id, admin, { baseUrl: BASE_URL });
    await h.bankAccounts.save(scope(), a.accountId, { ...fields, accountNumber: '999988887777' });
    const error = await errorOf(
      h.bankAccounts.verify(scope(), submitted.id, adminId, { expectedVersion: review.version }),
    );
    expect(error.code).toBe('CONFLICT');
    const fresh = await h.bankAccounts.review(scope(), submitted.id, admin, { baseUrl: BASE_URL });
    expect(fresh.accountNumber).toBe('999988887777');
    await h.bankAccounts.verify(scope(), submitted.id, adminId, { expectedVersion: fresh.version });
  });
});

describe('profile photo', () => {
  it('is stored like the KTP, referenced from the affiliate, replaced, and linked for any viewer', async () => {
    const a = await createAffiliate(h, tenant);
    const b = await createAffiliate(h, tenant);
    const { fileId } = await h.photos.uploadProfilePhoto(scope(), a.accountId, {
      bytes: await photo(),
    });
    const affiliate = await scope().em.findOne(Affiliate, { account: a.accountId }, { refresh: true });
    expect(affiliate!.profilePhoto).toBe(String(fileId));

    const url = await h.photos.profilePhotoUrl(scope(), affiliate!.profilePhoto ?? null, owner(b.accountId), {
      baseUrl: BASE_URL,
    });
    expect(url).toContain(`/files/${fileId}?v=${b.accountId}&`);
    expect((await fetchSigned(url!)).ok).toBe(true);
    const anonymous = await h.photos.profilePhotoUrl(
      scope(),
      String(fileId),
      { accountId: null, isAdmin: false },
      {
        baseUrl: BASE_URL,
      },
    );
    expect(anonymous).toContain('?v=0&');

    const { fileId: second } = await h.photos.uploadProfilePhoto(scope(), a.accountId, {
      bytes: await photo(80, 80),
    });
    expect(second).not.toBe(fileId);
    expect(await h.files.read(scope(), fileId)).toBeNull();
    expect(
      await h.photos.profilePhotoUrl(scope(), 'https://cdn.example/p.jpg', admin, {
        baseUrl: BASE_URL,
      }),
    ).toBe('https://cdn.example/p.jpg');
    expect(await h.photos.profilePhotoUrl(scope(), null, admin, { baseUrl: BASE_URL })).toBeNull();
    const error = await errorOf(
      h.photos.uploadProfilePhoto(scope(), a.accountId, { bytes: Buffer.from('hello') }),
    );
    expect(error.fields).toEqual({ photo: ['must be a JPEG or PNG image'] });
  });
});
