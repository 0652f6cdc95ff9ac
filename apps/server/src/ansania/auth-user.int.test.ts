import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.close();
});

const api = (path: string) => `/t/ansania/api${path}`;
const post = (path: string, body: unknown, token?: string) =>
  app.request('POST', api(path), { body, ...(token && { token }) });
const put = (path: string, body: unknown, token?: string) =>
  app.request('PUT', api(path), { body, ...(token && { token }) });
const get = (path: string, token?: string) => app.request('GET', api(path), token ? { token } : {});
const del = (path: string, token?: string) => app.request('DELETE', api(path), token ? { token } : {});

let n = 0;
async function register() {
  const email = `buyer${++n}.${Date.now()}@example.com`;
  const res = await post('/auth/register', {
    email,
    phone: `+62812${String(Date.now()).slice(-7)}${n}`,
    full_name: 'Budi Santoso',
    password: 'SecurePass123!',
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { email, token: res.body.data.token as string, refresh: res.body.data.refresh_token as string };
}

const home = {
  label: 'Office',
  recipient_name: 'John Doe',
  phone: '+628123456789',
  address_line1: 'Jl. Office Tower',
  address_line2: 'Suite 100',
  city: 'Jakarta Pusat',
  district: 'Menteng',
  province: 'DKI Jakarta',
  postal_code: '10110',
  is_default: false,
};

describe('ansania envelope and auth', () => {
  it('registers with the documented shape (201, success envelope, meta timestamp)', async () => {
    const res = await post('/auth/register', {
      email: 'new.user@example.com',
      phone: '+628111111111',
      full_name: 'New User',
      password: 'SecurePass123!',
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      success: true,
      data: {
        user: {
          id: expect.any(Number),
          email: 'new.user@example.com',
          full_name: 'New User',
          odoo_user_id: null,
          odoo_partner_id: null,
        },
        token: expect.any(String),
        refresh_token: expect.any(String),
      },
      meta: { timestamp: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) },
    });
  });

  it('rejects bad input with VALIDATION_ERROR naming every field', async () => {
    const res = await post('/auth/register', { email: 'nope', phone: 'abc', password: 'short' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      success: false,
      code: 'VALIDATION_ERROR',
      meta: { timestamp: expect.any(String) },
    });
    expect(Object.keys(res.body.details).sort()).toEqual(['email', 'full_name', 'password', 'phone']);
  });

  it('refuses a taken email (any case) or phone with 409 CONFLICT naming the field', async () => {
    const phone = `+62815${String(Date.now()).slice(-7)}`;
    const first = {
      email: `taken.${Date.now()}@example.com`,
      phone,
      full_name: 'First',
      password: 'SecurePass123!',
    };
    expect((await post('/auth/register', first)).status).toBe(201);

    const email = await post('/auth/register', {
      ...first,
      email: ` ${first.email.toUpperCase()} `,
      phone: `+62816${String(Date.now()).slice(-7)}`,
    });
    expect(email.status).toBe(409);
    expect(email.body).toEqual({
      success: false,
      error: 'The email has already been taken.',
      code: 'CONFLICT',
      details: { email: ['The email has already been taken.'] },
      meta: { timestamp: expect.any(String) },
    });

    // the same number written nationally (0…) or without the plus is the same phone
    for (const taken of [phone, `0${phone.slice(3)}`, phone.slice(1)]) {
      const res = await post('/auth/register', { ...first, email: `other.${taken}@example.com` });
      expect(res.status, taken).toBe(409);
      expect(res.body).toMatchObject({
        code: 'CONFLICT',
        details: { phone: ['The phone has already been taken.'] },
      });
    }

    // both taken: both named
    const both = await post('/auth/register', first);
    expect(both.status).toBe(409);
    expect(Object.keys(both.body.details).sort()).toEqual(['email', 'phone']);

    // the test user's seeded phone is taken too
    const seeded = await post('/auth/register', {
      ...first,
      email: 'fresh.seeded@example.com',
      phone: '+628123456789',
    });
    expect(seeded.status).toBe(409);
    expect(Object.keys(seeded.body.details)).toEqual(['phone']);
  });

  it('lets only one of concurrent registrations of one phone, or of one email, through (409 for the rest)', async () => {
    const stamp = String(Date.now()).slice(-7);
    const register = (email: string, phone: string) =>
      post('/auth/register', { email, phone, full_name: 'Racer', password: 'SecurePass123!' });
    const samePhone = await Promise.all(
      [1, 2, 3, 4].map((i) => register(`race${i}.${stamp}@example.com`, `+62817${stamp}`)),
    );
    expect(samePhone.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
    const sameEmail = await Promise.all(
      [1, 2, 3, 4].map((i) => register(`race.${stamp}@example.com`, `+6281${i}9${stamp}`)),
    );
    expect(sameEmail.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
    for (const refused of [...samePhone, ...sameEmail].filter((r) => r.status === 409)) {
      expect(refused.body.code).toBe('CONFLICT');
    }
  });

  it('logs the spec test user in by email or phone; wrong password is 401 UNAUTHORIZED', async () => {
    const byEmail = await post('/auth/login', {
      email: 'test@example.com',
      password: 'TestPass123!',
      remember_me: true,
    });
    expect(byEmail.status).toBe(200);
    expect(byEmail.body.data.user).toMatchObject({ email: 'test@example.com', full_name: 'John Doe' });
    const byPhone = await post('/auth/login', { email: '+628123456789', password: 'TestPass123!' });
    expect(byPhone.status).toBe(200);
    const wrong = await post('/auth/login', { email: 'test@example.com', password: 'wrong-password' });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ success: false, code: 'UNAUTHORIZED' });
  });

  it('refreshes with rotation and issues 1-hour access tokens', async () => {
    const { refresh } = await register();
    const res = await post('/auth/refresh', { refresh_token: refresh });
    expect(res.status).toBe(200);
    const payload = JSON.parse(Buffer.from(res.body.data.token.split('.')[1], 'base64url').toString());
    expect(payload.exp - payload.iat).toBe(3600);
    const again = await post('/auth/refresh', { refresh_token: refresh });
    expect(again.status).toBe(401);
  });

  it('keeps tenants apart: a dtehm token is refused here', async () => {
    const login = await app.post('/users/login', {
      email: 'admin@dtehm.demo',
      password: 'admin-password-123',
    });
    const res = await get('/user/profile', login.body.data.token);
    expect(res.status).toBe(401);
  });
});

describe('ansania user profile', () => {
  it('reads and updates only the editable fields', async () => {
    const { token, email } = await register();
    const profile = await get('/user/profile', token);
    expect(profile.body.data).toEqual({
      id: expect.any(Number),
      email,
      phone: expect.any(String),
      full_name: 'Budi Santoso',
      email_verified: false,
      created_at: expect.any(String),
    });
    const updated = await put('/user/profile', { full_name: 'Budi S.', email: 'hijack@example.com' }, token);
    expect(updated.status).toBe(200);
    expect(updated.body.data).toMatchObject({ full_name: 'Budi S.', email });
    expect((await get('/user/profile')).status).toBe(401);
  });
});

describe('ansania addresses', () => {
  it('keeps exactly one default: the first address, then whichever is set', async () => {
    const { token } = await register();
    const first = await post('/user/addresses', { ...home, label: 'Home' }, token);
    expect(first.status).toBe(201);
    expect(first.body.data.address).toMatchObject({ label: 'Home', is_default: true });
    const second = await post('/user/addresses', home, token);
    expect(second.body.data.address.is_default).toBe(false);
    const set = await put(`/user/addresses/${second.body.data.address.id}/set-default`, {}, token);
    expect(set.status).toBe(200);
    const list = await get('/user/addresses', token);
    expect(list.body.data.addresses.map((a: { is_default: boolean }) => a.is_default)).toEqual([true, false]);
    expect(list.body.data.addresses[0].id).toBe(second.body.data.address.id);
  });

  it('updates, deletes with 204 and promotes another default', async () => {
    const { token } = await register();
    const a = (await post('/user/addresses', home, token)).body.data.address;
    const b = (await post('/user/addresses', { ...home, label: 'Home' }, token)).body.data.address;
    const updated = await put(
      `/user/addresses/${b.id}`,
      { ...home, city: 'Bandung', province: 'Jawa Barat' },
      token,
    );
    expect(updated.body.data.address).toMatchObject({ city: 'Bandung', province: 'Jawa Barat' });
    const removed = await del(`/user/addresses/${a.id}`, token);
    expect(removed.status).toBe(204);
    expect(removed.body).toBe('');
    const list = await get('/user/addresses', token);
    expect(list.body.data.addresses).toEqual([expect.objectContaining({ id: b.id, is_default: true })]);
  });

  it("never shows or changes another user's address (404), and validates every field", async () => {
    const owner = await register();
    const other = await register();
    const address = (await post('/user/addresses', home, owner.token)).body.data.address;
    expect((await put(`/user/addresses/${address.id}`, home, other.token)).status).toBe(404);
    expect((await del(`/user/addresses/${address.id}`, other.token)).status).toBe(404);
    expect((await put(`/user/addresses/${address.id}/set-default`, {}, other.token)).status).toBe(404);
    expect((await get('/user/addresses', other.token)).body.data.addresses).toEqual([]);
    const bad = await post('/user/addresses', { label: '', postal_code: '12' }, owner.token);
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.details).sort()).toEqual(
      ['address_line1', 'city', 'label', 'phone', 'postal_code', 'province', 'recipient_name'].sort(),
    );
    expect((await get('/user/addresses', owner.token)).body.data.addresses).toHaveLength(1);
  });

  it('needs a token', async () => {
    const res = await get('/user/addresses');
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ success: false, code: 'UNAUTHORIZED' });
  });
});

describe('ansania password reset', () => {
  async function latestResetToken(email: string): Promise<string> {
    await app.outbox.runOnce();
    const [row] = await app.orm.em
      .fork()
      .getConnection()
      .execute('select body, status from notification_outbox where recipient = ? order by id desc limit 1', [
        email,
      ]);
    expect(row.status).toBe('sent');
    return /token=([\w-]+)/.exec(row.body)![1]!;
  }

  it('answers the same for unknown emails and sends nothing', async () => {
    const res = await post('/auth/forgot-password', { email: 'nobody@example.com' });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ message: 'Password reset email sent' });
    const rows = await app.orm.em
      .fork()
      .getConnection()
      .execute("select count(*)::int as n from notification_outbox where recipient = 'nobody@example.com'");
    expect(rows[0].n).toBe(0);
  });

  it('resets once with the emailed token, ends every session, and refuses the token again', async () => {
    const { email, token, refresh } = await register();
    expect((await post('/auth/forgot-password', { email })).status).toBe(200);
    const resetToken = await latestResetToken(email);
    const reset = await post('/auth/reset-password', { token: resetToken, new_password: 'BrandNewPass123!' });
    expect(reset.status).toBe(200);
    expect((await post('/auth/login', { email, password: 'SecurePass123!' })).status).toBe(401);
    expect((await post('/auth/login', { email, password: 'BrandNewPass123!' })).status).toBe(200);
    expect((await post('/auth/refresh', { refresh_token: refresh })).status).toBe(401);
    void token;
    const again = await post('/auth/reset-password', { token: resetToken, new_password: 'Another123456!' });
    expect(again.status).toBe(400);
    expect(again.body).toMatchObject({ code: 'VALIDATION_ERROR', details: { token: expect.any(Array) } });
  });

  it('refuses a made-up token', async () => {
    const res = await post('/auth/reset-password', { token: 'x'.repeat(43), new_password: 'Whatever123!' });
    expect(res.status).toBe(400);
  });
});
