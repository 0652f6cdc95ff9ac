import { tenantEm } from '@komisi/api/testing';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { application, imageBlob, PDF_BYTES, sinomanClient } from '../testing/sinoman-client.ts';
import { startTestApp, type TestApp } from '../testing/test-app.ts';

// koperasi-sinoman §2–§3 from the outside: a member registers with the document's own body, signs
// in by email and by phone, keeps their profile, hands in KYC documents, reads their referrals and
// signs out.
let app: TestApp;
let api: ReturnType<typeof sinomanClient>;

/** The document's registration example (§2.2.1), without a referral code nobody holds. */
const SPEC_BODY = {
  email: 'john.doe@example.com',
  phone: '081234567890',
  password: 'SecurePass123',
  full_name: 'John Doe',
  nik: '1234567890123456',
  date_of_birth: '1990-01-01',
  gender: 'male',
  address: 'Jl. Contoh No. 123, Ponorogo',
  village: 'Desa Contoh',
  district: 'Kecamatan Ponorogo',
  postal_code: '63411',
  occupation: 'Software Engineer',
};

let john: { id: string; token: string; refresh: string };

beforeAll(async () => {
  app = await startTestApp();
  api = sinomanClient(app);
});
afterAll(async () => {
  await app?.close();
});

describe('registration (§2.2.1)', () => {
  it('registers the document’s example: a pending member with three empty savings accounts', async () => {
    const res = await api.post('/auth/register', SPEC_BODY);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      success: true,
      message: 'Member registered successfully. Please verify your email.',
    });
    const year = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric' }).format(
      new Date(),
    );
    const { member, savings_accounts } = res.body.data;
    expect(member).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      member_number: expect.stringMatching(new RegExp(`^SIN-${year}-\\d{6}$`)),
      email: 'john.doe@example.com',
      full_name: 'John Doe',
      phone: '081234567890',
      membership_status: 'pending',
      kyc_status: 'pending',
      created_at: expect.any(String),
    });
    expect(savings_accounts.map((a: { savings_type: string }) => a.savings_type)).toEqual(['SP', 'SW', 'SS']);
    for (const account of savings_accounts) {
      expect(account).toMatchObject({
        account_number: expect.stringMatching(new RegExp(`^SA-${year}-\\d{6}$`)),
        balance: 0,
        virtual_account_number: expect.stringMatching(/^8801\d{12}$/),
      });
    }
    john = { id: member.id, token: '', refresh: '' };
  });

  it('refuses a taken email, phone (in another written form) and NIK, naming each at once', async () => {
    const res = await api.post('/auth/register', {
      ...application(),
      email: 'JOHN.DOE@example.com',
      phone: '+62 812-3456-7890',
      nik: '1234 5678 9012 3456',
    });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'email' });
    expect(Object.keys(res.body.error.details).sort()).toEqual(['email', 'nik', 'phone']);
  });

  it('refuses an unknown referral code and malformed fields with 422 naming each field', async () => {
    const unknown = await api.post('/auth/register', application({ referral_code: 'ZZZZ9999' }));
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.details).toEqual({ referral_code: ['does not belong to any member'] });

    const bad = await api.post('/auth/register', {
      ...application(),
      email: 'not-an-email',
      nik: '12345',
      gender: 'other',
      password: 'short',
    });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.error.details).sort()).toEqual(['email', 'gender', 'nik', 'password']);

    const rules = await api.post(
      '/auth/register',
      application({ nik: '123456789012345a', date_of_birth: '2999-01-01', phone: '0211234567' }),
    );
    expect(rules.status).toBe(422);
    expect(rules.body.error.details).toEqual({
      nik: ['must be 16 digits'],
      date_of_birth: ['must be in the past'],
      phone: ['must be an Indonesian mobile number like 081234567890'],
    });
  });

  it('checks the NIK’s structure when the cooperative asks for it (cooperative.strictNik)', async () => {
    const tenant = (await app.services.tenants.bySlug('sinoman'))!;
    await app.services.tenants.updateSetting(tenant.id, 'cooperative', { strictNik: true });
    try {
      const spec = await api.post('/auth/register', application({ nik: '1234567890123456' }));
      expect(spec.status).toBe(422);
      expect(spec.body.error.details).toEqual({ nik: ['is not a valid NIK'] });
      const mismatch = await api.post(
        '/auth/register',
        application({ nik: '3502014101900001', gender: 'male' }),
      );
      expect(mismatch.body.error.details).toEqual({ nik: ['does not match the gender'] });
      expect((await api.post('/auth/register', application())).status).toBe(201);
    } finally {
      await app.services.tenants.updateSetting(tenant.id, 'cooperative', undefined);
    }
  });

  it('keeps the NIK sealed: neither the clear number nor its digits are stored as they are', async () => {
    const [row] = await app.orm.em
      .fork()
      .getConnection()
      .execute(`select nik_sealed, nik_digest, nik_masked from cooperative_member where public_id = ?`, [
        john.id,
      ]);
    expect(row.nik_masked).toBe('123456******3456');
    expect(row.nik_sealed).not.toContain('1234567890123456');
    expect(Buffer.from(row.nik_sealed, 'base64').includes('1234567890123456')).toBe(false);
    expect(row.nik_digest).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('signing in (§2.2.2, §2.2.5)', () => {
  it('signs in by email, and by phone in any written form', async () => {
    const byEmail = await api.login('john.doe@example.com', 'SecurePass123');
    expect(byEmail.body).toMatchObject({
      success: true,
      message: 'Login successful',
      data: {
        token_type: 'Bearer',
        expires_in: expect.any(Number),
        member: {
          id: john.id,
          email: 'john.doe@example.com',
          full_name: 'John Doe',
          membership_status: 'pending',
          kyc_status: 'pending',
        },
      },
    });
    expect(byEmail.body.data.expires_in).toBeGreaterThan(0);
    for (const phone of ['081234567890', '+62 812-3456-7890', '6281234567890']) {
      expect((await api.login(phone, 'SecurePass123')).body.data.member.id).toBe(john.id);
    }
    const wrong = await api.post('/auth/login', { identifier: '081234567890', password: 'nope-nope1' });
    expect(wrong.status).toBe(401);
    john = { ...john, token: byEmail.token, refresh: byEmail.refresh };
  });

  it('refreshes once per refresh token', async () => {
    const session = await api.login('john.doe@example.com', 'SecurePass123');
    const res = await api.post('/auth/refresh', { refresh_token: session.refresh });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      message: 'Token refreshed successfully',
      data: { token_type: 'Bearer' },
    });
    expect(Object.keys(res.body.data).sort()).toEqual([
      'access_token',
      'expires_in',
      'refresh_token',
      'token_type',
    ]);
    expect((await api.get('/members/profile', res.body.data.access_token)).status).toBe(200);
    expect((await api.post('/auth/refresh', { refresh_token: session.refresh })).status).toBe(401);
  });

  it('answers a missing, a forged and another tenant’s token with 401', async () => {
    const missing = await api.get('/members/profile');
    expect(missing.status).toBe(401);
    expect(missing.body.error.code).toBe('AUTH_TOKEN_MISSING');
    expect((await api.get('/members/profile', 'not.a.token')).body.error.code).toBe('AUTH_TOKEN_INVALID');
    const qutab = await app.request('POST', '/t/qutab/api/auth/login', {
      body: { email: 'customer@qutab.demo', password: 'Customer123!' },
    });
    const foreign = await api.get('/members/profile', qutab.body.data.access_token);
    expect(foreign.status).toBe(401);
  });
});

describe('profile (§3.1)', () => {
  it('shows the member their whole profile, NIK in clear', async () => {
    const res = await api.get('/members/profile', john.token);
    expect(res.status).toBe(200);
    expect(res.body.data.member).toMatchObject({
      id: john.id,
      email: 'john.doe@example.com',
      phone: '081234567890',
      full_name: 'John Doe',
      nik: '1234567890123456',
      date_of_birth: '1990-01-01',
      gender: 'male',
      village: 'Desa Contoh',
      postal_code: '63411',
      membership_type: 'regular',
      membership_status: 'pending',
      kyc_status: 'pending',
      kyc_verified_at: null,
      profile_picture_url: null,
      referral_code: expect.stringMatching(/^[A-Z0-9]{8}$/),
    });
  });

  it('changes only the fields sent, and keeps phones unique', async () => {
    const res = await api.put(
      '/members/profile',
      {
        full_name: 'John Smith Doe',
        phone: '081234567891',
        address: 'Jl. Baru No. 456, Ponorogo',
        bio: 'Passionate developer and cooperative member',
      },
      john.token,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      message: 'Profile updated successfully',
      data: {
        member: {
          id: john.id,
          full_name: 'John Smith Doe',
          phone: '081234567891',
          address: 'Jl. Baru No. 456, Ponorogo',
          village: 'Desa Contoh',
          bio: 'Passionate developer and cooperative member',
        },
      },
    });
    // the demo member's phone, written another way
    const taken = await api.put('/members/profile', { phone: '+6281234500001' }, john.token);
    expect(taken.status).toBe(422);
    expect(taken.body.error.details).toEqual({ phone: ['The phone has already been taken.'] });
    // keeping one's own number is no conflict; null clears an optional field
    const same = await api.put('/members/profile', { phone: '0812 3456 7891', bio: null }, john.token);
    expect(same.status).toBe(200);
    expect(same.body.data.member.bio).toBeNull();
    expect((await api.login('081234567891', 'SecurePass123')).body.data.member.full_name).toBe(
      'John Smith Doe',
    );
  });

  it('takes a profile picture, cropped to a square, behind a signed link', async () => {
    const small = await api.multipart(
      '/members/profile/picture',
      { file: await imageBlob(300, 300) },
      john.token,
    );
    expect(small.status).toBe(422);
    expect(small.body.error.details).toEqual({ file: ['must be at least 400×400 pixels'] });

    const res = await api.multipart(
      '/members/profile/picture',
      { file: await imageBlob(900, 600, 'png') },
      john.token,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      message: 'Profile picture uploaded successfully',
      data: {
        profile_picture_url: expect.stringContaining('/t/sinoman/files/'),
        uploaded_at: expect.any(String),
      },
    });
    const picture = await api.file(res.body.data.profile_picture_url);
    expect(picture.status).toBe(200);
    const meta = await sharp(picture.bytes).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 600, 600]);
    const profile = await api.get('/members/profile', john.token);
    expect(profile.body.data.member.profile_picture_url).toContain('/t/sinoman/files/');
  });
});

describe('KYC documents (§3.2)', () => {
  it('takes images and PDFs, privately, and lists them with the verification status', async () => {
    const ktp = await api.multipart(
      '/members/kyc/documents',
      { document_type: 'ktp', file: await imageBlob(1280, 960) },
      john.token,
    );
    expect(ktp.status, JSON.stringify(ktp.body)).toBe(201);
    expect(ktp.body).toMatchObject({
      message: 'Document uploaded successfully',
      data: {
        document: {
          document_type: 'ktp',
          verification_status: 'pending',
          mime_type: 'image/jpeg',
          file_size_bytes: expect.any(Number),
        },
      },
    });
    const statement = await api.multipart(
      '/members/kyc/documents',
      { document_type: 'bank_statement', file: new Blob([PDF_BYTES]) },
      john.token,
    );
    expect(statement.status).toBe(201);
    expect(statement.body.data.document).toMatchObject({
      mime_type: 'application/pdf',
      file_size_bytes: PDF_BYTES.length,
    });
    const pdf = await api.file(statement.body.data.document.document_url);
    expect(pdf.status).toBe(200);
    expect(pdf.bytes.equals(PDF_BYTES)).toBe(true);
    expect(pdf.headers.get('content-disposition')).toBe('attachment');

    const list = await api.get('/members/kyc/documents', john.token);
    expect(list.status).toBe(200);
    expect(list.body.data).toMatchObject({ kyc_status: 'pending', kyc_verified_at: null });
    expect(list.body.data.documents.map((d: { document_type: string }) => d.document_type)).toEqual([
      'ktp',
      'bank_statement',
    ]);
    expect(list.body.data.documents[0]).toMatchObject({ verification_status: 'pending', verified_at: null });
  });

  it('replaces a pending document of the same type', async () => {
    const again = await api.multipart(
      '/members/kyc/documents',
      { document_type: 'ktp', file: await imageBlob(768, 1024, 'png') },
      john.token,
    );
    expect(again.status).toBe(201);
    const list = await api.get('/members/kyc/documents', john.token);
    const ktps = list.body.data.documents.filter((d: { document_type: string }) => d.document_type === 'ktp');
    expect(ktps.map((d: { id: string }) => d.id)).toEqual([again.body.data.document.id]);
  });

  it('refuses what is not a document of the document’s formats and sizes', async () => {
    const cases: [Record<string, string | Blob>, Record<string, string[]>][] = [
      [
        { document_type: 'ktp', file: await imageBlob(800, 600) },
        { file: ['must be at least 1024×768 pixels'] },
      ],
      [
        { document_type: 'ktp', file: new Blob(['GIF89a not a document']) },
        { file: ['must be a JPEG, PNG or PDF file'] },
      ],
      [{ document_type: 'passport', file: new Blob([PDF_BYTES]) }, { document_type: [expect.any(String)] }],
    ];
    for (const [fields, details] of cases) {
      const res = await api.multipart('/members/kyc/documents', fields, john.token);
      expect(res.status).toBe(422);
      expect(res.body.error.details).toEqual(details);
    }
    const huge = new Blob([PDF_BYTES, new Uint8Array(10 * 1024 * 1024)]);
    const tooLarge = await api.multipart(
      '/members/kyc/documents',
      { document_type: 'npwp', file: huge },
      john.token,
    );
    expect(tooLarge.status).toBe(422);
    expect(tooLarge.body.error.details).toEqual({ file: ['must be at most 10 MB'] });
  });

  it('never shows a member another member’s documents', async () => {
    const other = await api.login('anggota@sinoman.demo', 'Anggota123!');
    const theirs = await api.get('/members/kyc/documents', other.token);
    expect(theirs.status).toBe(200);
    expect(theirs.body.data.documents).toEqual([]);
    // the administrators' review of John's documents is not for members
    const review = await api.get(`/admin/members/${john.id}/kyc/documents`, other.token);
    expect(review.status).toBe(403);
    // and no link to John's files is ever made out to another member
    const tenant = (await app.services.tenants.bySlug('sinoman'))!;
    const scope = { em: tenantEm(app.orm, tenant.id), tenant, now: new Date() };
    const [file] = await scope.em.execute<{ file_id: number }[]>(
      'select d.file_id from kyc_document d join cooperative_member m on m.id = d.member_id where m.public_id = ?',
      [john.id],
    );
    const stranger = (await app.services.identity.accountIdByEmail(scope, 'anggota@sinoman.demo'))!;
    await expect(
      app.services.files.signedUrl(
        scope,
        file!.file_id,
        { accountId: stranger, isAdmin: false },
        { baseUrl: '' },
      ),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('referrals (§3.3.1)', () => {
  it('counts the member’s referrals and the bonus they earned', async () => {
    const anggota = await api.login('anggota@sinoman.demo', 'Anggota123!');
    const before = await api.get('/members/referrals', anggota.token);
    expect(before.status).toBe(200);
    const code = before.body.data.referral_code;
    // a new member joins with the code, typed in lower case
    const joined = await api.post('/auth/register', application({ referral_code: code.toLowerCase() }));
    expect(joined.status, JSON.stringify(joined.body)).toBe(201);
    const res = await api.get('/members/referrals', anggota.token);
    expect(res.body.data).toMatchObject({
      referral_code: code,
      total_referrals: 2,
      successful_referrals: 1,
      pending_referrals: 1,
      total_bonus_earned: 50_000,
      pending_bonus: 50_000,
    });
    expect(res.body.data.referrals).toEqual([
      {
        id: expect.any(String),
        referred_member: {
          member_number: joined.body.data.member.member_number,
          full_name: joined.body.data.member.full_name,
          join_date: expect.any(String),
        },
        referral_bonus: 50_000,
        status: 'pending',
        created_at: expect.any(String),
        paid_at: null,
      },
      expect.objectContaining({
        referred_member: expect.objectContaining({ full_name: 'Dewi Lestari' }),
        referral_bonus: 50_000,
        status: 'paid',
        paid_at: expect.any(String),
      }),
    ]);
    const paged = await api.get('/members/referrals?page=2&limit=1', anggota.token);
    expect(paged.body.data.referrals).toHaveLength(1);
    expect(paged.body.data.referrals[0].status).toBe('paid');
  });
});

describe('logout (§2.2.6)', () => {
  it('ends this session and its refresh token', async () => {
    const session = await api.login('john.doe@example.com', 'SecurePass123');
    const res = await api.post('/auth/logout', {}, session.token);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ success: true, message: 'Logged out successfully' });
    expect((await api.get('/members/profile', session.token)).status).toBe(401);
    expect((await api.post('/auth/refresh', { refresh_token: session.refresh })).status).toBe(401);
    // another login of the member stays
    expect((await api.get('/members/profile', john.token)).status).toBe(200);
  });
});
