import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  registerMember,
  startTestApp,
  TEST_ADMIN_PASSWORD,
  TEST_PASSWORD,
  type TestApp,
  uniqueEmail,
} from '../testing/test-app.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.close();
});

const REGISTERED =
  'Account created successfully. Please complete membership payment to activate your account.';
const DATE_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

async function count(table: string): Promise<number> {
  const rows = await app.orm.em.fork().getConnection().execute(`select count(*)::int as n from ${table}`);
  return rows[0].n;
}

/** Rows a registration writes: none of them may change when it is refused. */
async function footprint() {
  return {
    accounts: await count('account'),
    members: await count('network_member'),
    links: await count('network_link'),
    sessions: await count('session'),
  };
}

function body(overrides: Record<string, unknown> = {}) {
  return {
    email: uniqueEmail('reg'),
    password: TEST_PASSWORD,
    name: 'John Doe',
    phone_number: '+256700000000',
    address: 'Kampala, Uganda',
    sponsor_id: app.rootMemberId,
    is_dtehm_member: 'Yes',
    is_dip_member: 'Yes',
    from_mobile: 'yes',
    ...overrides,
  };
}

/** Registers with `input` and expects a 400 naming exactly `fields`, writing nothing. */
async function refused(input: unknown, fields: string[]) {
  const before = await footprint();
  const res = await app.post('/users/register', input);
  expect(res.status, JSON.stringify(res.body)).toBe(400);
  expect(res.body).toMatchObject({ code: 0, message: expect.any(String) });
  expect(Object.keys(res.body.errors).sort()).toEqual([...fields].sort());
  for (const messages of Object.values(res.body.errors)) {
    expect(messages).toEqual(expect.arrayContaining([expect.any(String)]));
  }
  expect(await footprint()).toEqual(before);
  return res;
}

describe('POST /users/register', () => {
  it('creates a pending member under the sponsor and returns the documented shape', async () => {
    const input = body();
    const res = await app.post('/users/register', input);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      code: 1,
      message: REGISTERED,
      data: {
        user: {
          id: expect.any(Number),
          name: 'John Doe',
          email: input.email,
          phone_number: '+256700000000',
          address: 'Kampala, Uganda',
          is_dtehm_member: 'Yes',
          is_dip_member: 'Yes',
          dtehm_member_id: null,
          dip_member_id: null,
          sponsor_id: app.rootMemberId,
          membership_status: 'Pending',
          created_at: expect.stringMatching(DATE_TIME),
          token: expect.stringMatching(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/),
          refresh_token: expect.any(String),
        },
        membership_payment: {
          required: true,
          amount: 96_000,
          types: ['DTEHM', 'DIP'],
          breakdown: { dtehm: 76_000, dip: 20_000 },
          status: 'pending',
        },
      },
    });
    // The token works right away.
    const balance = await app.get('/user/balance', res.body.data.user.token);
    expect(balance.body).toEqual({ code: 1, data: { balance: 0, currency: 'UGX' } });
  });

  it('quotes 76,000 for DTEHM only and 20,000 for DIP only', async () => {
    const dtehm = await app.post('/users/register', body({ is_dip_member: 'No' }));
    expect(dtehm.status).toBe(200);
    expect(dtehm.body.data.membership_payment).toEqual({
      required: true,
      amount: 76_000,
      types: ['DTEHM'],
      breakdown: { dtehm: 76_000, dip: 0 },
      status: 'pending',
    });
    expect(dtehm.body.data.user).toMatchObject({ is_dtehm_member: 'Yes', is_dip_member: 'No' });

    const dip = await app.post('/users/register', body({ is_dtehm_member: 'No' }));
    expect(dip.status).toBe(200);
    expect(dip.body.data.membership_payment).toEqual({
      required: true,
      amount: 20_000,
      types: ['DIP'],
      breakdown: { dtehm: 0, dip: 20_000 },
      status: 'pending',
    });
  });

  it('reads yes/no in any case', async () => {
    const res = await app.post(
      '/users/register',
      body({ is_dtehm_member: 'YES', is_dip_member: 'no', from_mobile: 'YES' }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.data.user).toMatchObject({ is_dtehm_member: 'Yes', is_dip_member: 'No' });
    expect(res.body.data.membership_payment.amount).toBe(76_000);

    // from_mobile in capitals still enforces the sponsor
    await refused(body({ from_mobile: 'YES', sponsor_id: undefined }), ['sponsor_id']);
  });

  it('stores the email in lower case and accepts a sponsor number in any case', async () => {
    const email = uniqueEmail('Mixed.Case').replace('mixed', 'MIXED');
    const res = await app.post(
      '/users/register',
      body({ email: `  ${email.toUpperCase()} `, sponsor_id: ` ${app.rootMemberId.toLowerCase()} ` }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.data.user.email).toBe(email.toLowerCase());
    expect(res.body.data.user.sponsor_id).toBe(app.rootMemberId);
    const login = await app.post('/users/login', { email: email.toLowerCase(), password: TEST_PASSWORD });
    expect(login.status).toBe(200);
  });

  it('names every bad field at once, the mobile sponsor requirement included', async () => {
    const res = await refused({ email: 'bad', from_mobile: 'yes' }, [
      'email',
      'password',
      'name',
      'phone_number',
      'sponsor_id',
      'is_dtehm_member',
    ]);
    expect(res.body.errors.password).toEqual(['is required']);
    expect(res.body.errors.sponsor_id).toEqual(['The sponsor id is required for mobile registration.']);
  });

  it('names all bad fields of an empty body', async () => {
    await refused({}, ['email', 'password', 'name', 'phone_number', 'is_dtehm_member']);
  });

  it('requires a sponsor for mobile registration, alone or with other errors', async () => {
    await refused(body({ sponsor_id: undefined }), ['sponsor_id']);
    await refused(body({ sponsor_id: '' }), ['sponsor_id']);
    await refused(body({ sponsor_id: '   ' }), ['sponsor_id']);
    await refused(body({ sponsor_id: undefined, password: 'short' }), ['sponsor_id', 'password']);
  });

  it('lets a non-mobile registration go without a sponsor', async () => {
    const res = await app.post('/users/register', body({ sponsor_id: undefined, from_mobile: 'no' }));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.data.user.sponsor_id).toBeNull();
    const omitted = await app.post(
      '/users/register',
      body({ sponsor_id: undefined, from_mobile: undefined }),
    );
    expect(omitted.status, JSON.stringify(omitted.body)).toBe(200);
  });

  it('refuses a sponsor number that is unknown, malformed or not yet active, mobile or not', async () => {
    const pending = await registerMember(app);
    // a pending member has no member number yet: nobody can name them as sponsor
    expect(pending.user.dtehm_member_id).toBeNull();
    for (const sponsor of ['DTEHM20990999', 'DIP9999', 'NOT-A-MEMBER', String(pending.id)]) {
      for (const from_mobile of ['yes', 'no']) {
        const res = await refused(body({ sponsor_id: sponsor, from_mobile }), ['sponsor_id']);
        expect(res.body.errors.sponsor_id).toEqual(['The selected sponsor id does not exist.']);
      }
    }
  });

  it('reports an unknown sponsor together with the other bad fields', async () => {
    await refused(body({ sponsor_id: 'DTEHM20990999', email: 'nope', phone_number: '1' }), [
      'sponsor_id',
      'email',
      'phone_number',
    ]);
  });

  it('refuses a taken email (in any case), together with an unknown sponsor', async () => {
    const email = uniqueEmail('taken');
    expect((await app.post('/users/register', body({ email }))).status).toBe(200);
    const res = await refused(body({ email: email.toUpperCase() }), ['email']);
    expect(res.body.errors.email).toEqual(['The email has already been taken.']);
    await refused(body({ email, sponsor_id: 'DTEHM20990999' }), ['email', 'sponsor_id']);
    // the seeded admin's email is taken too
    await refused(body({ email: 'admin@dtehm.demo' }), ['email']);
  });

  it('refuses two concurrent registrations of one email but one', async () => {
    const email = uniqueEmail('race');
    const results = await Promise.all(
      Array.from({ length: 5 }, () => app.post('/users/register', body({ email }))),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 400, 400, 400, 400]);
    for (const r of results.filter((r) => r.status === 400)) {
      expect(Object.keys(r.body.errors)).toEqual(['email']);
    }
    const rows = await app.orm.em
      .fork()
      .getConnection()
      .execute('select count(*)::int as n from account where email = ?', [email]);
    expect(rows[0].n).toBe(1);
  });

  it('needs at least one membership', async () => {
    const res = await refused(body({ is_dtehm_member: 'No', is_dip_member: 'No' }), ['is_dtehm_member']);
    expect(res.body.errors.is_dtehm_member).toEqual(['Choose at least one membership (DTEHM or DIP).']);
    await refused(body({ is_dtehm_member: undefined, is_dip_member: undefined }), ['is_dtehm_member']);
  });

  it('refuses values that are not yes or no', async () => {
    await refused(body({ is_dtehm_member: 'maybe', is_dip_member: 'sure', from_mobile: 'perhaps' }), [
      'is_dtehm_member',
      'is_dip_member',
      'from_mobile',
    ]);
  });

  it('refuses wrong types and over-long values', async () => {
    await refused(body({ email: 42, password: 12345678, name: '  ', phone_number: null }), [
      'email',
      'password',
      'name',
      'phone_number',
    ]);
    await refused(body({ email: `${'a'.repeat(250)}@example.com`, address: 'x'.repeat(501) }), [
      'email',
      'address',
    ]);
  });

  it('refuses a body that is not a JSON object', async () => {
    const before = await footprint();
    for (const raw of ['{"email": ', 'not json', '[1,2]', '"text"', 'null']) {
      const res = await app.request('POST', '/t/dtehm/api/users/register', { body: raw });
      expect(res.status, raw).toBe(400);
      expect(res.body).toMatchObject({ code: 0, message: expect.any(String), errors: expect.any(Object) });
    }
    expect(await footprint()).toEqual(before);
  });

  it('accepts a form-encoded body', async () => {
    const email = uniqueEmail('form');
    const form = new URLSearchParams({
      email,
      password: TEST_PASSWORD,
      name: 'Form User',
      phone_number: '+256700000001',
      sponsor_id: app.rootMemberId,
      is_dtehm_member: 'Yes',
      is_dip_member: 'No',
      from_mobile: 'yes',
    });
    const res = await app.request('POST', '/t/dtehm/api/users/register', {
      body: form.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.data.user.email).toBe(email);
  });

  it('does not let a client choose roles or ids', async () => {
    const res = await app.post('/users/register', body({ roles: ['admin'], id: 1, dtehm_member_id: 'X' }));
    expect(res.status).toBe(200);
    const token = res.body.data.user.token;
    expect(res.body.data.user.id).not.toBe(1);
    expect(res.body.data.user.dtehm_member_id).toBeNull();
    const admin = await app.post('/admin/categories', { name: 'Sneaky' }, token);
    expect(admin.status).toBe(403);
  });
});

describe('POST /users/login', () => {
  // In-process requests all come from one address: start each test with a clean per-address count.
  beforeEach(async () => {
    await app.orm.em.fork().getConnection().execute("delete from login_throttle where key like 'ip:%'");
  });

  it('returns the user, an access token and a refresh token', async () => {
    const m = await registerMember(app, { name: 'Login User', dip: true });
    const res = await app.post('/users/login', { email: m.user.email, password: TEST_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      code: 1,
      message: 'Login successful',
      data: {
        user: {
          id: m.id,
          name: 'Login User',
          email: m.user.email,
          phone_number: '+256700000000',
          address: 'Kampala, Uganda',
          is_dtehm_member: 'Yes',
          is_dip_member: 'Yes',
          dtehm_member_id: null,
          dip_member_id: null,
          sponsor_id: app.rootMemberId,
          membership_status: 'Pending',
          created_at: expect.stringMatching(DATE_TIME),
        },
        token: expect.stringMatching(/^eyJ/),
        refresh_token: expect.any(String),
        token_type: 'Bearer',
        expires_in: expect.any(Number),
      },
    });
    expect(res.body.data.user).not.toHaveProperty('password');
    expect(res.body.data.user).not.toHaveProperty('password_hash');
    const balance = await app.get('/user/balance', res.body.data.token);
    expect(balance.status).toBe(200);
  });

  it('logs the seeded root member in, with a member number', async () => {
    const res = await app.post('/users/login', { email: 'ROOT@dtehm.demo', password: TEST_ADMIN_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body.data.user).toMatchObject({
      dtehm_member_id: app.rootMemberId,
      membership_status: 'Active',
    });
  });

  it('answers a wrong password and an unknown email alike, with 401', async () => {
    const m = await registerMember(app);
    const wrong = await app.post('/users/login', { email: m.user.email, password: 'wrong-password' });
    const unknown = await app.post('/users/login', { email: uniqueEmail('ghost'), password: TEST_PASSWORD });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual({ code: 0, message: 'Invalid email or password', errors: {} });
    expect(unknown.body).toEqual(wrong.body);
  });

  it('validates the body', async () => {
    const res = await app.post('/users/login', { email: 'nope' });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.errors).sort()).toEqual(['email', 'password']);
    const bad = await app.request('POST', '/t/dtehm/api/users/login', { body: '{' });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe(0);
  });

  it('locks an account after 5 failures, even against the right password', async () => {
    const m = await registerMember(app);
    const ip = { 'x-forwarded-for': '203.0.113.7' };
    for (let i = 0; i < 5; i++) {
      const res = await app.request('POST', '/t/dtehm/api/users/login', {
        body: { email: m.user.email, password: `wrong-${i}` },
        headers: ip,
      });
      expect(res.status).toBe(401);
    }
    const locked = await app.post('/users/login', { email: m.user.email, password: TEST_PASSWORD });
    expect(locked.status).toBe(429);
    expect(locked.body).toEqual({ code: 0, message: expect.stringMatching(/too many/i), errors: {} });

    // another account from the same address is not locked by this one's failures
    const other = await registerMember(app);
    const ok = await app.post('/users/login', { email: other.user.email, password: TEST_PASSWORD });
    expect(ok.status).toBe(200);
  });

  it('counts a lock per account whatever the email case', async () => {
    const m = await registerMember(app);
    for (let i = 0; i < 5; i++) {
      const email = i % 2 ? m.user.email.toUpperCase() : m.user.email;
      expect((await app.post('/users/login', { email, password: 'nope-nope' })).status).toBe(401);
    }
    const locked = await app.post('/users/login', { email: m.user.email, password: TEST_PASSWORD });
    expect(locked.status).toBe(429);
  });

  it('forgets earlier failures after a successful login', async () => {
    const m = await registerMember(app);
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 4; i++) {
        expect((await app.post('/users/login', { email: m.user.email, password: 'nope-nope' })).status).toBe(
          401,
        );
      }
      expect((await app.post('/users/login', { email: m.user.email, password: TEST_PASSWORD })).status).toBe(
        200,
      );
    }
  });

  it('does not let concurrent failures slip past the account limit', async () => {
    const m = await registerMember(app);
    const results = await Promise.all(
      Array.from({ length: 12 }, () =>
        app.post('/users/login', { email: m.user.email, password: 'nope-nope' }),
      ),
    );
    for (const r of results) expect([401, 429]).toContain(r.status);
    const locked = await app.post('/users/login', { email: m.user.email, password: TEST_PASSWORD });
    expect(locked.status).toBe(429);
  });

  it('locks an address only after 30 failures across accounts', async () => {
    const bystander = await registerMember(app);
    const victims = await Promise.all(Array.from({ length: 6 }, () => registerMember(app)));
    let failures = 0;
    for (const v of victims) {
      for (let i = 0; i < 5; i++) {
        const res = await app.post('/users/login', { email: v.user.email, password: 'nope-nope' });
        expect(res.status).toBe(401);
        failures++;
        if (failures === 29) {
          // one failure short of the address limit: other accounts still log in
          const ok = await app.post('/users/login', { email: bystander.user.email, password: TEST_PASSWORD });
          expect(ok.status).toBe(200);
        }
      }
    }
    const locked = await app.post('/users/login', { email: bystander.user.email, password: TEST_PASSWORD });
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe(0);
  });
});
