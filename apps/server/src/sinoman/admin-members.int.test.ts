import { SINOMAN_ADMIN_EMAIL } from '@komisi/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { application, imageBlob, sinomanClient } from '../testing/sinoman-client.ts';
import { startTestApp, TEST_ADMIN_PASSWORD, type TestApp } from '../testing/test-app.ts';

// koperasi-sinoman §6.1 from the outside: the administrators' member list (filters, search, sorting,
// pages, totals) and status changes with what they set off (KYC verdicts, the referral bonus once,
// the end of a suspended member's sessions).
let app: TestApp;
let api: ReturnType<typeof sinomanClient>;
let admin: string;

interface Registered {
  id: string;
  memberNumber: string;
  email: string;
  phone: string;
  password: string;
  fullName: string;
  referralCode: string;
}

async function register(overrides: Record<string, unknown> = {}): Promise<Registered> {
  const body = application(overrides);
  const res = await api.post('/auth/register', body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const { token } = await api.login(body.email, body.password);
  const profile = await api.get('/members/profile', token);
  return {
    id: res.body.data.member.id,
    memberNumber: res.body.data.member.member_number,
    email: body.email,
    phone: body.phone,
    password: body.password,
    fullName: body.full_name,
    referralCode: profile.body.data.member.referral_code,
  };
}

const setStatus = (memberId: string, body: Record<string, unknown>, token = admin) =>
  api.put(`/admin/members/${memberId}/status`, body, token);

async function listed(query: string) {
  const res = await api.get(`/admin/members${query}`, admin);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.data;
}

beforeAll(async () => {
  app = await startTestApp();
  api = sinomanClient(app);
  const session = await api.login(SINOMAN_ADMIN_EMAIL, TEST_ADMIN_PASSWORD);
  expect(session.body.data.member).toBeNull();
  admin = session.token;
});
afterAll(async () => {
  // the status tally the list counts with agrees with the members themselves
  const drift = await app.orm.em
    .fork()
    .getConnection()
    .execute(`select m.tenant_id, m.membership_status, m.kyc_status, count(*)::int as n, t.members
      from cooperative_member m left join cooperative_member_tally t using (tenant_id, membership_status, kyc_status)
      group by 1, 2, 3, t.members having t.members is distinct from count(*)::int`);
  expect(drift).toEqual([]);
  await app?.close();
});

describe('the member list (§6.1.1)', () => {
  it('is for administrators only, whatever X-Admin-Role says', async () => {
    const member = await api.login('anggota@sinoman.demo', 'Anggota123!');
    const res = await app.request('GET', '/t/sinoman/api/admin/members', {
      token: member.token,
      headers: { 'x-admin-role': 'admin' },
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('AUTH_INSUFFICIENT_PERMISSIONS');
    expect((await api.get('/admin/members')).body.error.code).toBe('AUTH_TOKEN_MISSING');
  });

  it('pages the members newest first, with the cooperative’s counts', async () => {
    const a = await register({ full_name: 'Zaenal Abidin' });
    const b = await register({ full_name: 'aminah Siregar' });
    const page = await listed('');
    expect(page.members[0]).toEqual({
      id: b.id,
      member_number: b.memberNumber,
      full_name: 'aminah Siregar',
      email: b.email,
      phone: b.phone,
      membership_status: 'pending',
      kyc_status: 'pending',
      join_date: expect.any(String),
      total_savings: 0,
      last_activity: expect.any(String),
    });
    expect(page.members[1].id).toBe(a.id);
    // three demo members (two active) and the two above
    expect(page.summary).toEqual({
      total_members: 5,
      active_members: 2,
      pending_verification: 3,
      suspended_members: 0,
    });
    expect(page.pagination).toEqual({
      current_page: 1,
      total_pages: 1,
      total_items: 5,
      items_per_page: 20,
      has_next: false,
      has_prev: false,
    });
    const second = await listed('?limit=2&page=2');
    expect(second.pagination).toMatchObject({
      current_page: 2,
      total_pages: 3,
      has_next: true,
      has_prev: true,
    });
    expect(second.members).toHaveLength(2);
  });

  it('filters by status and KYC status, and searches names, emails and member numbers', async () => {
    const active = await listed('?status=active');
    expect(active.members.map((m: { email: string }) => m.email).sort()).toEqual([
      'anggota@sinoman.demo',
      'rekan@sinoman.demo',
    ]);
    expect(active.pagination.total_items).toBe(2);
    expect(active.summary.total_members).toBe(5);
    expect((await listed('?kyc_status=verified&status=pending')).members).toEqual([]);

    expect((await listed('?search=siti')).members.map((m: { full_name: string }) => m.full_name)).toEqual([
      'Siti Rahayu',
    ]);
    expect((await listed('?search=REKAN%40sinoman')).members[0].email).toBe('rekan@sinoman.demo');
    const budi = (await listed('?search=budi')).members[0];
    const byNumber = await listed(`?search=${encodeURIComponent(budi.member_number)}`);
    expect(byNumber.members.map((m: { id: string }) => m.id)).toEqual([budi.id]);
    expect(byNumber.pagination.total_items).toBe(1);
    expect((await listed('?search=nobody-at-all')).members).toEqual([]);
  });

  it('sorts by name (any case), member number or date, either way', async () => {
    const names = (page: { members: { full_name: string }[] }) => page.members.map((m) => m.full_name);
    const ascending = names(await listed('?sort_by=full_name&sort_order=asc'));
    expect(ascending).toEqual([...ascending].sort((x, y) => x.toLowerCase().localeCompare(y.toLowerCase())));
    expect(ascending[0]).toBe('aminah Siregar');
    expect(names(await listed('?sort_by=full_name&sort_order=desc'))).toEqual([...ascending].reverse());
    const numbers = (await listed('?sort_by=member_number&sort_order=asc')).members.map(
      (m: { member_number: string }) => m.member_number,
    );
    expect(numbers).toEqual([...numbers].sort());
    const bad = await api.get('/admin/members?sort_by=email&limit=500', admin);
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.error.details).sort()).toEqual(['limit', 'sort_by']);
  });
});

describe('member status (§6.1.2)', () => {
  it('refuses a non-administrator, a malformed or unknown id, and an empty change', async () => {
    const member = await register();
    const session = await api.login(member.email, member.password);
    expect((await setStatus(member.id, { membership_status: 'active' }, session.token)).status).toBe(403);
    const malformed = await setStatus('42', { membership_status: 'active' });
    expect(malformed.status).toBe(422);
    expect(malformed.body.error.field).toBe('member_id');
    const unknown = await setStatus('550e8400-e29b-41d4-a716-446655440000', { membership_status: 'active' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('MEMBER_NOT_FOUND');
    const empty = await setStatus(member.id, { notes: 'nothing to change' });
    expect(empty.status).toBe(422);
    expect(empty.body.error.details).toEqual({
      membership_status: ['membership_status or kyc_status is required'],
    });
  });

  it('verifies KYC: the time is set and the pending documents are approved', async () => {
    const member = await register();
    const session = await api.login(member.email, member.password);
    const upload = await api.multipart(
      '/members/kyc/documents',
      { document_type: 'selfie', file: await imageBlob(1024, 768) },
      session.token,
    );
    expect(upload.status).toBe(201);
    const review = await api.get(`/admin/members/${member.id}/kyc/documents`, admin);
    expect(review.status).toBe(200);
    expect(review.body.data.documents).toHaveLength(1);
    expect((await api.file(review.body.data.documents[0].document_url)).status).toBe(200);

    const res = await setStatus(member.id, {
      membership_status: 'active',
      kyc_status: 'verified',
      notes: 'All documents verified successfully',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      message: 'Member status updated successfully',
      data: {
        member: {
          id: member.id,
          member_number: member.memberNumber,
          membership_status: 'active',
          kyc_status: 'verified',
          kyc_verified_at: expect.any(String),
          updated_at: expect.any(String),
        },
      },
    });
    const own = await api.get('/members/kyc/documents', session.token);
    expect(own.body.data).toMatchObject({
      kyc_status: 'verified',
      kyc_verified_at: res.body.data.member.kyc_verified_at,
    });
    expect(own.body.data.documents[0]).toMatchObject({
      verification_status: 'approved',
      verified_at: expect.any(String),
    });

    const rejected = await setStatus(member.id, { kyc_status: 'rejected' });
    expect(rejected.body.data.member).toMatchObject({ kyc_status: 'rejected', kyc_verified_at: null });
    // a new document puts the member under review again
    await api.multipart(
      '/members/kyc/documents',
      { document_type: 'ktp', file: await imageBlob(1024, 768) },
      session.token,
    );
    expect((await api.get('/members/kyc/documents', session.token)).body.data.kyc_status).toBe('pending');
  });

  it('credits the referrer’s bonus once, even when the activation is sent twice at the same time', async () => {
    const referrer = await register({ full_name: 'Perujuk Satu' });
    const referred = await register({ referral_code: referrer.referralCode });
    const both = await Promise.all([
      setStatus(referred.id, { membership_status: 'active' }),
      setStatus(referred.id, { membership_status: 'active' }),
    ]);
    expect(both.map((r) => r.status)).toEqual([200, 200]);
    // again later, after a suspension: still once
    await setStatus(referred.id, { membership_status: 'suspended' });
    await setStatus(referred.id, { membership_status: 'active' });

    const session = await api.login(referrer.email, referrer.password);
    const referrals = await api.get('/members/referrals', session.token);
    expect(referrals.body.data).toMatchObject({
      total_referrals: 1,
      successful_referrals: 1,
      total_bonus_earned: 50_000,
      pending_bonus: 0,
    });
    expect(referrals.body.data.referrals[0]).toMatchObject({ status: 'paid', referral_bonus: 50_000 });
    const row = (await listed(`?search=${encodeURIComponent(referrer.memberNumber)}`)).members[0];
    expect(row.total_savings).toBe(50_000);
    const [credits] = await app.orm.em
      .fork()
      .getConnection()
      .execute(
        `select count(*)::int as n, sum(amount)::int as total from savings_transaction t
         join account a on a.id = t.owner_account_id where a.email = ? and t.type_code = 'REFERRAL_BONUS'`,
        [referrer.email],
      );
    expect(credits).toEqual({ n: 1, total: 50_000 });
  });

  it('completes a referral without a bonus when the cooperative grants none', async () => {
    const tenant = (await app.services.tenants.bySlug('sinoman'))!;
    await app.services.tenants.updateSetting(tenant.id, 'cooperative', { referralBonus: 0 });
    try {
      const referrer = await register();
      const referred = await register({ referral_code: referrer.referralCode });
      await setStatus(referred.id, { membership_status: 'active' });
      const session = await api.login(referrer.email, referrer.password);
      const referrals = await api.get('/members/referrals', session.token);
      expect(referrals.body.data).toMatchObject({ successful_referrals: 1, total_bonus_earned: 0 });
      expect(referrals.body.data.referrals[0]).toMatchObject({
        status: 'completed',
        referral_bonus: 0,
        paid_at: null,
      });
    } finally {
      await app.services.tenants.updateSetting(tenant.id, 'cooperative', undefined);
    }
  });

  it('signs a suspended member out everywhere and keeps them out', async () => {
    const member = await register();
    const session = await api.login(member.email, member.password);
    await setStatus(member.id, { membership_status: 'suspended', notes: 'Iuran tertunggak' });
    expect((await api.get('/members/profile', session.token)).status).toBe(401);
    expect((await api.post('/auth/refresh', { refresh_token: session.refresh })).status).toBe(401);
    const login = await api.post('/auth/login', { identifier: member.email, password: member.password });
    expect(login.status).toBe(403);
    expect(login.body.error.code).toBe('AUTH_INSUFFICIENT_PERMISSIONS');
    expect((await listed('?status=suspended')).summary.suspended_members).toBe(1);
  });
});
