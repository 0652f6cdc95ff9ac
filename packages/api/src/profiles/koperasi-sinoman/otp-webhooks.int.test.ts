import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiContext } from '../../composition/api-context.ts';
import { createRestHandler } from '../../composition/rest/rest-handler.ts';
import type { TenantRecord } from '../../kernel/tenant-record.ts';
import { createCallerFactory, router } from '../../kernel/trpc.ts';
import { koperasiStyle } from '../../kernel/wire/koperasi-style.ts';
import {
  createAccount,
  createTenant,
  outboxOf,
  queuedCode,
  startWhatsappHarness,
  type WhatsappHarness,
} from '../../testing/koperasi/whatsapp-otp.fixtures.ts';
import { otpRouter } from './otp.router.ts';
import { webhooksRouter } from './webhooks.router.ts';

// The procedures as the profile will serve them: REST in the koperasi envelope, and tRPC.
const appRouter = router({ otp: router(otpRouter), webhooks: router(webhooksRouter) });
const rest = createRestHandler({ router: appRouter, wire: koperasiStyle });
const KEY = 'koperasi-webhook-key';

let h: WhatsappHarness;
let tenant: TenantRecord;

beforeAll(async () => {
  h = await startWhatsappHarness(['device-token']);
  tenant = await createTenant(h, { token: 'device-token', webhookKey: KEY });
});

afterAll(async () => {
  await h?.close();
});

const contextFor = (apiKey?: string) =>
  createApiContext(h.orm, h.services, pino({ level: 'silent' }), {
    tenant,
    requestId: 'req_test',
    ip: '10.0.0.7',
    authorization: undefined,
    baseUrl: 'http://komisi.test/t/sinoman',
    apiKey,
  });

/** The koperasi envelope, as far as these operations fill it. */
interface Envelope {
  success: boolean;
  message?: string;
  data?: Record<string, string>;
  error?: { code: string; field?: string; details?: unknown };
}

async function post(path: string, body: unknown, apiKey?: string) {
  const req = new Request(`http://komisi.test/t/sinoman/api${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const res = await rest.handle(req, path, contextFor(apiKey));
  return { status: res.status, body: (await res.json()) as Envelope };
}

describe('POST /auth/otp/request and /auth/otp/verify', () => {
  it('answers as the document shows, and the code verifies the member’s phone', async () => {
    await createAccount(h, tenant, '081234567890');
    const requested = await post('/auth/otp/request', { phone: '081234567890', type: 'verification' });
    expect(requested).toEqual({
      status: 200,
      body: {
        success: true,
        message: 'OTP sent successfully',
        data: {
          otp_id: expect.stringMatching(/^otp_[0-9a-f-]{36}$/),
          expires_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
          phone: '081234567890',
        },
      },
    });
    const code = await queuedCode(h, tenant, '6281234567890');
    const wrongCode = code === '000000' ? '000001' : '000000';

    const wrong = await post('/auth/otp/verify', {
      otp_id: requested.body.data!.otp_id,
      otp_code: wrongCode,
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({
      success: false,
      error: { code: 'OTP_INVALID', field: 'otp_code', details: { otp_code: ['is incorrect'] } },
    });

    const verified = await post('/auth/otp/verify', { otp_id: requested.body.data!.otp_id, otp_code: code });
    expect(verified).toEqual({
      status: 200,
      body: {
        success: true,
        message: 'OTP verified successfully',
        data: { verified: true, phone_verified_at: expect.stringMatching(/Z$/) },
      },
    });

    const again = await post('/auth/otp/request', { phone: '081234567890', type: 'verification' });
    expect(again.status).toBe(429);
    expect(again.body.error).toMatchObject({
      code: 'RATE_LIMIT_EXCEEDED',
      details: { retry_after_seconds: 60 },
    });
  });

  it('names the invalid field: phone, type, otp_id, otp_code (422)', async () => {
    const badPhone = await post('/auth/otp/request', { phone: '021-555-1234', type: 'verification' });
    expect(badPhone.status).toBe(422);
    expect(badPhone.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'phone' });
    const badType = await post('/auth/otp/request', { phone: '081234567891', type: 'login' });
    expect(badType.body.error!.field).toBe('type');
    const badCode = await post('/auth/otp/verify', {
      otp_id: 'otp_550e8400-e29b-41d4-a716-446655440000',
      otp_code: '12a456',
    });
    expect(badCode.body.error).toMatchObject({ field: 'otp_code' });
    const badId = await post('/auth/otp/verify', { otp_id: 'abc', otp_code: '123456' });
    expect(badId.body.error).toMatchObject({ field: 'otp_id' });
    const unknown = await post('/auth/otp/verify', {
      otp_id: 'otp_550e8400-e29b-41d4-a716-446655440000',
      otp_code: '123456',
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatchObject({ code: 'OTP_NOT_FOUND', field: 'otp_id' });
  });

  it('resets a password with new_password, over tRPC too', async () => {
    const accountId = await createAccount(h, tenant, '085700001111');
    const caller = createCallerFactory(appRouter)(contextFor());
    const issued = await caller.otp.request({ phone: '0857-0000-1111', type: 'reset_password' });
    const code = await queuedCode(h, tenant, '6285700001111');
    await expect(caller.otp.verify({ otp_id: issued.otp_id, otp_code: code })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    expect(
      await caller.otp.verify({ otp_id: issued.otp_id, otp_code: code, new_password: 'KataSandiBaru1!' }),
    ).toEqual({ verified: true, phone_verified_at: expect.any(String) });
    const account = await h.services.identity.account(contextFor().scope(), accountId);
    await expect(
      h.services.identity.login(contextFor().scope(), account.email, 'KataSandiBaru1!', '10.0.0.7'),
    ).resolves.toMatchObject({ id: accountId });
  });
});

describe('POST /webhooks/whatsapp', () => {
  it('answers { success, message } for a report with the right X-API-KEY, 401 without', async () => {
    await post('/auth/otp/request', { phone: '081377778888', type: 'verification' });
    await h.dispatcher.runOnce();
    const [row] = (await outboxOf(h, tenant)).filter((r) => r.recipient === '6281377778888');
    const report = h.fonnte.statusReport(row!.provider_message_id!, 'delivered');

    expect(await post('/webhooks/whatsapp', report, KEY)).toEqual({
      status: 200,
      body: { success: true, message: 'Webhook processed successfully' },
    });
    // the same report again: acknowledged alike
    expect((await post('/webhooks/whatsapp', report, KEY)).status).toBe(200);
    const [delivered] = (await outboxOf(h, tenant)).filter((r) => r.id === row!.id);
    expect(delivered!.delivery_status).toBe('delivered');

    const missing = await post('/webhooks/whatsapp', report);
    expect(missing.status).toBe(401);
    expect(missing.body.error!.code).toBe('AUTH_TOKEN_MISSING');
    const wrong = await post('/webhooks/whatsapp', report, 'not-the-key');
    expect(wrong.status).toBe(401);
    expect(wrong.body.error!.code).toBe('AUTH_TOKEN_INVALID');
    const malformed = await post('/webhooks/whatsapp', { ...report, timestamp: 'yesterday' }, KEY);
    expect(malformed.status).toBe(422);
    expect(malformed.body.error!.field).toBe('timestamp');
  });
});
