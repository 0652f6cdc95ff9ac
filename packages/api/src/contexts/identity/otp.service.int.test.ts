import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemEm } from '../../kernel/database.ts';
import type { TenantRecord } from '../../kernel/tenant-record.ts';
import {
  createAccount,
  createTenant,
  errorOf,
  outboxOf,
  PASSWORD,
  queuedCode,
  scopeOf,
  startWhatsappHarness,
  type WhatsappHarness,
} from '../../testing/koperasi/whatsapp-otp.fixtures.ts';

let h: WhatsappHarness;
let tenant: TenantRecord;
let other: TenantRecord;

beforeAll(async () => {
  h = await startWhatsappHarness();
  tenant = await createTenant(h);
  other = await createTenant(h);
});

afterAll(async () => {
  await h?.close();
});

const T0 = new Date('2026-03-02T08:00:00Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
let phoneSeq = 100_000;
/** A number no other test uses: `0812 3400 0xxx` in its national written form. */
const freshPhone = () => `0812340${String(phoneSeq++).padStart(6, '0')}`;
const international = (phone: string) => `62${phone.slice(1)}`;

const request = (phone: string, purpose: 'verification' | 'reset_password', now = T0, t = tenant) =>
  h.services.otp.request(scopeOf(h, t, now), { phone, purpose });
const verify = (otpId: string, code: string, now = T0, newPassword?: string, t = tenant) =>
  h.services.otp.verify(scopeOf(h, t, now), { otpId, code, newPassword });
const otpRow = async (otpId: string) => {
  const [row] = await systemEm(h.orm).execute<
    { phone: string; code_hash: string; attempts: number; used_at: Date | null; account_id: number | null }[]
  >('select phone, code_hash, attempts, used_at, account_id from phone_otp where id = ?', [
    otpId.replace(/^otp_/, ''),
  ]);
  return row!;
};
const phoneVerifiedAt = async (accountId: number) => {
  const [row] = await systemEm(h.orm).execute<{ phone_verified_at: string | null }[]>(
    'select phone_verified_at from account where id = ?',
    [accountId],
  );
  return row!.phone_verified_at === null ? null : new Date(row!.phone_verified_at);
};
/** A 6-digit code that is not `code`. */
const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

describe('requesting an OTP', () => {
  it('issues an otp_<uuid> for 5 minutes and queues the code by WhatsApp, storing only its HMAC', async () => {
    const phone = freshPhone();
    const issued = await request(`  ${phone} `, 'verification');
    expect(issued.otpId).toMatch(/^otp_[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(issued.expiresAt).toEqual(at(300));
    expect(issued.phone).toBe(phone);

    const code = await queuedCode(h, tenant, international(phone));
    const [message] = (await outboxOf(h, tenant)).filter((m) => m.recipient === international(phone));
    expect(message).toMatchObject({ channel: 'whatsapp', status: 'pending' });
    expect(message!.body).toBe(
      `Kode verifikasi Koperasi Sinoman: ${code}. Berlaku 5 menit. Jangan berikan kode ini kepada siapa pun.`,
    );
    const row = await otpRow(issued.otpId);
    expect(row.phone).toBe(international(phone));
    expect(row.code_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.code_hash).not.toContain(code);
    expect(row).toMatchObject({ attempts: 0, used_at: null, account_id: null });
  });

  it('writes every form of a number as one (62…), so the limits cannot be dodged by rewriting it', async () => {
    const phone = freshPhone();
    await request(phone, 'verification');
    const forms = [`+62 ${phone.slice(1, 4)}-${phone.slice(4, 8)}-${phone.slice(8)}`, international(phone)];
    for (const form of forms) {
      expect((await errorOf(request(form, 'verification', at(10)))).code).toBe('RATE_LIMITED');
    }
  });

  it('refuses a number that is not an Indonesian mobile one, naming the field', async () => {
    for (const phone of ['0212345678', '08123', 'not a phone', '+6591234567']) {
      const error = await errorOf(request(phone, 'verification'));
      expect(error).toMatchObject({ code: 'VALIDATION_ERROR', fields: { phone: [expect.any(String)] } });
    }
  });

  it('sends a number one code a minute per purpose and says how long to wait', async () => {
    const phone = freshPhone();
    await request(phone, 'verification');
    const tooSoon = await errorOf(request(phone, 'verification', at(20)));
    expect(tooSoon).toMatchObject({ code: 'RATE_LIMITED', details: { retry_after_seconds: 40 } });
    expect(tooSoon.message).toBe('Too many OTP requests for this number. Try again in 40 seconds.');
    // another purpose, another number, another tenant: their own limits
    await request(phone, 'reset_password', at(20));
    await request(freshPhone(), 'verification', at(20));
    await request(phone, 'verification', at(20), other);
    await request(phone, 'verification', at(60));
  });

  it('sends at most 5 codes an hour, then makes the number wait for the oldest to age out', async () => {
    const phone = freshPhone();
    for (let minute = 0; minute < 5; minute++) await request(phone, 'verification', at(minute * 60));
    const sixth = await errorOf(request(phone, 'verification', at(5 * 60)));
    expect(sixth).toMatchObject({ code: 'RATE_LIMITED', details: { retry_after_seconds: 3600 - 300 } });
    await request(phone, 'verification', at(3600));
  });

  it('serialises simultaneous requests for a number: one code, the rest wait', async () => {
    const phone = freshPhone();
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => request(phone, 'verification')));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((r) => r.status === 'rejected')) {
      expect((r as PromiseRejectedResult).reason).toMatchObject({ code: 'RATE_LIMITED' });
    }
    const queued = (await outboxOf(h, tenant)).filter((m) => m.recipient === international(phone));
    expect(queued).toHaveLength(1);
  });
});

describe('verifying a phone', () => {
  it('marks every account with the number verified, in whatever form it was stored, once', async () => {
    const phone = freshPhone();
    const first = await createAccount(h, tenant, phone);
    const second = await createAccount(h, tenant, `+62 ${phone.slice(1)}`);
    const elsewhere = await createAccount(h, other, phone);
    const unrelated = await createAccount(h, tenant, freshPhone());
    const issued = await request(phone, 'verification');
    const code = await queuedCode(h, tenant, international(phone));

    expect(await verify(issued.otpId, code, at(30))).toEqual({
      verified: true,
      phoneVerifiedAt: at(30),
      purpose: 'verification',
      accountId: first,
    });
    expect(await phoneVerifiedAt(first)).toEqual(at(30));
    expect(await phoneVerifiedAt(second)).toEqual(at(30));
    expect(await phoneVerifiedAt(elsewhere)).toBeNull();
    expect(await phoneVerifiedAt(unrelated)).toBeNull();

    const again = await errorOf(verify(issued.otpId, code, at(31)));
    expect(again).toMatchObject({
      code: 'RULE_VIOLATION',
      details: { code: 'OTP_ALREADY_USED' },
      fields: { otp_id: [expect.any(String)] },
    });
  });

  it('verifies a number no account has yet (accountId null)', async () => {
    const phone = freshPhone();
    const issued = await request(phone, 'verification');
    const code = await queuedCode(h, tenant, international(phone));
    expect(await verify(issued.otpId, code)).toMatchObject({ verified: true, accountId: null });
  });

  it('counts wrong codes: 400 OTP_INVALID on otp_code with the attempts left, dead after the 5th', async () => {
    const phone = freshPhone();
    const issued = await request(phone, 'verification');
    const code = await queuedCode(h, tenant, international(phone));
    for (let attempt = 1; attempt <= 5; attempt++) {
      const error = await errorOf(verify(issued.otpId, wrong(code)));
      expect(error).toMatchObject({
        code: 'RULE_VIOLATION',
        details: { code: 'OTP_INVALID' },
        fields: { otp_code: ['is incorrect'] },
      });
      expect(error.message).toBe(
        attempt < 5
          ? `The OTP code is incorrect (${5 - attempt} attempt${5 - attempt === 1 ? '' : 's'} left)`
          : 'The OTP code is incorrect, and this OTP no longer works: request a new one',
      );
      expect((await otpRow(issued.otpId)).attempts).toBe(attempt);
    }
    const dead = await errorOf(verify(issued.otpId, code));
    expect(dead).toMatchObject({ code: 'RULE_VIOLATION', details: { code: 'OTP_ATTEMPTS_EXCEEDED' } });
    expect((await otpRow(issued.otpId)).attempts).toBe(5);
  });

  it('takes no more than 5 wrong codes however many arrive at once', async () => {
    const phone = freshPhone();
    const issued = await request(phone, 'verification');
    const code = await queuedCode(h, tenant, international(phone));
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, () => verify(issued.otpId, wrong(code))),
    );
    const kinds = results.map((r) => ((r as PromiseRejectedResult).reason.details as { code: string }).code);
    expect(kinds.filter((k) => k === 'OTP_INVALID')).toHaveLength(5);
    expect(kinds.filter((k) => k === 'OTP_ATTEMPTS_EXCEEDED')).toHaveLength(7);
    expect((await otpRow(issued.otpId)).attempts).toBe(5);
  });

  it('lets a code through once when it arrives several times at once', async () => {
    const phone = freshPhone();
    const issued = await request(phone, 'verification');
    const code = await queuedCode(h, tenant, international(phone));
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => verify(issued.otpId, code)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  });

  it('works until the 5 minutes are up, then answers OTP_EXPIRED', async () => {
    const phone = freshPhone();
    const issued = await request(phone, 'verification');
    const code = await queuedCode(h, tenant, international(phone));
    const expired = await errorOf(verify(issued.otpId, code, at(300)));
    expect(expired).toMatchObject({
      code: 'RULE_VIOLATION',
      details: { code: 'OTP_EXPIRED' },
      fields: { otp_code: [expect.any(String)] },
    });
    expect(await verify(issued.otpId, code, at(299))).toMatchObject({ verified: true });
  });

  it('answers 404 OTP_NOT_FOUND for an unknown id, a malformed one, or another tenant’s', async () => {
    const phone = freshPhone();
    const issued = await request(phone, 'verification');
    const code = await queuedCode(h, tenant, international(phone));
    for (const [otpId, t] of [
      ['otp_550e8400-e29b-41d4-a716-446655440000', tenant],
      ['550e8400-e29b-41d4-a716-446655440000', tenant],
      ['otp_1', tenant],
      [issued.otpId, other],
    ] as const) {
      const error = await errorOf(verify(otpId, code, T0, undefined, t));
      expect(error).toMatchObject({ code: 'NOT_FOUND', details: { code: 'OTP_NOT_FOUND' } });
    }
    expect(await verify(issued.otpId, code)).toMatchObject({ verified: true });
  });

  it('refuses a code that is not 6 digits, and a new password with a verification code', async () => {
    const phone = freshPhone();
    const issued = await request(phone, 'verification');
    const code = await queuedCode(h, tenant, international(phone));
    expect(await errorOf(verify(issued.otpId, '12345'))).toMatchObject({
      fields: { otp_code: expect.any(Array) },
    });
    expect(await errorOf(verify(issued.otpId, code, T0, 'NewPass123!'))).toMatchObject({
      code: 'VALIDATION_ERROR',
      fields: { new_password: ['is only taken with a reset_password OTP'] },
    });
    expect((await otpRow(issued.otpId)).attempts).toBe(0);
  });
});

describe('resetting a password by OTP', () => {
  it('sets the new password of the one account with the number and ends its sessions', async () => {
    const phone = freshPhone();
    const accountId = await createAccount(h, tenant, phone);
    const scope = scopeOf(h, tenant);
    const session = await h.services.identity.issueTokens(scope, { id: accountId, roles: ['member'] });
    const issued = await request(phone, 'reset_password');
    const code = await queuedCode(h, tenant, international(phone));
    const [message] = (await outboxOf(h, tenant)).filter((m) => m.recipient === international(phone));
    expect(message!.body).toContain(`Kode reset kata sandi Koperasi Sinoman: ${code}.`);
    expect((await otpRow(issued.otpId)).account_id).toBe(accountId);

    // the new password is required, and its absence spends no attempt
    const missing = await errorOf(verify(issued.otpId, code));
    expect(missing).toMatchObject({
      code: 'VALIDATION_ERROR',
      fields: { new_password: [expect.any(String)] },
    });
    expect((await otpRow(issued.otpId)).attempts).toBe(0);

    expect(await verify(issued.otpId, code, at(10), 'KataSandiBaru1!')).toEqual({
      verified: true,
      phoneVerifiedAt: at(10),
      purpose: 'reset_password',
      accountId,
    });
    const account = await h.services.identity.account(scopeOf(h, tenant), accountId);
    expect(
      await h.services.identity.login(scopeOf(h, tenant), account.email, 'KataSandiBaru1!', '10.0.0.1'),
    ).toMatchObject({
      id: accountId,
    });
    expect(
      (await errorOf(h.services.identity.login(scopeOf(h, tenant), account.email, PASSWORD, '10.0.0.1')))
        .code,
    ).toBe('UNAUTHORIZED');
    expect(
      (await errorOf(h.services.identity.authenticate(scopeOf(h, tenant), session.accessToken))).code,
    ).toBe('UNAUTHORIZED');
    expect(await phoneVerifiedAt(accountId)).toEqual(at(10));
  });

  it('answers the same for a number no account has (or several have), and sends nothing', async () => {
    const nobody = freshPhone();
    const shared = freshPhone();
    await createAccount(h, tenant, shared);
    await createAccount(h, tenant, shared);
    for (const phone of [nobody, shared]) {
      const issued = await request(phone, 'reset_password');
      expect(issued).toEqual({ otpId: expect.stringMatching(/^otp_/), expiresAt: at(300), phone });
      expect((await outboxOf(h, tenant)).filter((m) => m.recipient === international(phone))).toEqual([]);
      // the same limits apply, and no code opens it
      expect((await errorOf(request(phone, 'reset_password', at(1)))).code).toBe('RATE_LIMITED');
      for (const guess of ['000000', '123456']) {
        const error = await errorOf(verify(issued.otpId, guess, T0, 'KataSandiBaru1!'));
        expect(error).toMatchObject({ code: 'RULE_VIOLATION', details: { code: 'OTP_INVALID' } });
      }
    }
  });
});
