import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { systemEm } from '../../../kernel/database.ts';
import { inTransaction } from '../../../kernel/scope.ts';
import type { TenantRecord } from '../../../kernel/tenant-record.ts';
import {
  createTenant,
  errorOf,
  outboxOf,
  queuedCode,
  scopeOf,
  startWhatsappHarness,
  type WhatsappHarness,
} from '../../../testing/koperasi/whatsapp-otp.fixtures.ts';
import type { DeliveryReport } from './whatsapp-deliveries.service.ts';

const KEY_A = 'webhook-key-of-koperasi-a';
let h: WhatsappHarness;
/** has a Fonnte device and a webhook key */
let coopA: TenantRecord;
/** has a Fonnte device of its own and no webhook key */
let coopB: TenantRecord;
/** has no WhatsApp setting: the dev mailbox */
let plain: TenantRecord;

beforeAll(async () => {
  h = await startWhatsappHarness(['token-a', 'token-b']);
  coopA = await createTenant(h, { token: 'token-a', webhookKey: KEY_A });
  coopB = await createTenant(h, { token: 'token-b' });
  plain = await createTenant(h);
});

afterAll(async () => {
  await h?.close();
});

afterEach(() => {
  h.fonnte.refuseWith(null);
});

let phoneSeq = 200_000;
const freshPhone = () => `0813550${String(phoneSeq++).padStart(6, '0')}`;
const international = (phone: string) => `62${phone.slice(1)}`;

/** An OTP for a fresh number, sent by the dispatcher; the number and its outbox row. */
async function sentOtp(tenant: TenantRecord) {
  const phone = freshPhone();
  await h.services.otp.request(scopeOf(h, tenant), { phone, purpose: 'verification' });
  await h.dispatcher.runOnce();
  const row = (await outboxOf(h, tenant)).find((r) => r.recipient === international(phone))!;
  return { phone, row };
}

const receive = (tenant: TenantRecord, apiKey: string | undefined, report: DeliveryReport) =>
  h.services.whatsappDeliveries.receive(scopeOf(h, tenant), apiKey, report);

/** The report the fake Fonnte builds, as the webhook procedure hands it over. */
const reportOf = (raw: ReturnType<typeof h.fonnte.statusReport>): DeliveryReport => ({
  ...raw,
  timestamp: new Date(raw.timestamp),
});

const reportsOf = (tenant: TenantRecord) =>
  systemEm(h.orm).execute<
    { outbox_message_id: number | null; status: string; phone: string; message_hash: string }[]
  >(
    'select outbox_message_id, status, phone, message_hash from whatsapp_delivery_status where tenant_id = ? order by id',
    [tenant.id],
  );

describe('sending WhatsApp messages from the outbox', () => {
  it('sends through the tenant’s own Fonnte device and keeps Fonnte’s message id', async () => {
    const { phone, row } = await sentOtp(coopA);
    const sent = h.fonnte.lastMessageTo(phone)!;
    expect(sent).toMatchObject({ token: 'token-a', target: international(phone) });
    expect(h.fonnte.lastOtpTo(phone)).toBe(await queuedCode(h, coopA, international(phone)));
    expect(row).toMatchObject({ status: 'sent', provider_message_id: sent.id, last_error: null });

    const fromB = await sentOtp(coopB);
    expect(h.fonnte.lastMessageTo(fromB.phone)).toMatchObject({ token: 'token-b' });
  });

  it('keeps a tenant’s messages in the outbox (dev mailbox) when it has no WhatsApp setting', async () => {
    const before = h.fonnte.messages.length;
    const { row } = await sentOtp(plain);
    expect(row).toMatchObject({ status: 'sent', provider_message_id: null });
    expect(h.fonnte.messages).toHaveLength(before);
  });

  it('routes email to the mail transport, never to Fonnte', async () => {
    const before = h.fonnte.messages.length;
    await inTransaction(scopeOf(h, coopA), (tx) =>
      h.services.outbox.enqueue(tx, {
        channel: 'email',
        recipient: 'ani@example.com',
        subject: 'Hi',
        body: 'x',
      }),
    );
    await h.dispatcher.runOnce();
    expect(h.emails.at(-1)).toMatchObject({ channel: 'email', recipient: 'ani@example.com' });
    expect(h.fonnte.messages).toHaveLength(before);
  });

  it('retries a message Fonnte refuses, recording its reason without the token or the number', async () => {
    h.fonnte.refuseWith('insufficient quota');
    const { phone, row } = await sentOtp(coopA);
    expect(row).toMatchObject({
      status: 'pending',
      last_error: 'Fonnte refused the message: insufficient quota',
    });
    expect(row.last_error).not.toContain('token-a');
    expect(row.last_error).not.toContain(phone.slice(1));
    h.fonnte.refuseWith(null);
    await h.dispatcher.runOnce();
    const [retried] = (await outboxOf(h, coopA)).filter((r) => r.id === row.id);
    expect(retried).toMatchObject({ status: 'sent', provider_message_id: h.fonnte.lastMessageTo(phone)!.id });
  });
});

describe('the WhatsApp status webhook', () => {
  it('records a report, matched by number and text, and moves the message’s status forward only', async () => {
    const { row } = await sentOtp(coopA);
    const id = row.provider_message_id!;
    const t = (s: number) => new Date(Date.UTC(2026, 2, 2, 9, 0, s));
    const sent = reportOf(h.fonnte.statusReport(id, 'sent', { timestamp: t(1) }));
    expect(await receive(coopA, KEY_A, sent)).toEqual({ recorded: true, outboxMessageId: row.id });
    // an exact repeat is acknowledged and stored once
    expect(await receive(coopA, KEY_A, sent)).toEqual({ recorded: false, outboxMessageId: row.id });
    await receive(coopA, KEY_A, reportOf(h.fonnte.statusReport(id, 'READ', { timestamp: t(3) })));
    // a report that arrives late is kept but does not move the status back
    await receive(coopA, KEY_A, reportOf(h.fonnte.statusReport(id, 'delivered', { timestamp: t(2) })));

    const mine = (await reportsOf(coopA)).filter((r) => r.outbox_message_id === row.id);
    expect(mine.map((r) => r.status)).toEqual(['sent', 'read', 'delivered']);
    expect(mine[0]!.phone).toBe(row.recipient);
    // the text (which holds the code) is kept only as its digest
    expect(mine[0]!.message_hash).toMatch(/^[0-9a-f]{64}$/);
    const [now] = (await outboxOf(h, coopA)).filter((r) => r.id === row.id);
    expect(now!.delivery_status).toBe('read');
  });

  it('matches by Fonnte’s id when the report carries one, and keeps reports about unknown messages', async () => {
    const { row } = await sentOtp(coopA);
    const report = reportOf(h.fonnte.statusReport(row.provider_message_id!, 'sent', { withId: true }));
    expect(await receive(coopA, KEY_A, { ...report, message: 'text Fonnte shortened' })).toEqual({
      recorded: true,
      outboxMessageId: row.id,
    });
    const stranger = { ...report, id: undefined, sender: '6289900001111', message: 'not ours' };
    expect(await receive(coopA, KEY_A, stranger)).toEqual({ recorded: true, outboxMessageId: null });
  });

  it('refuses a missing or wrong X-API-KEY (401) and a tenant without a webhook key (404), recording nothing', async () => {
    const { row } = await sentOtp(coopA);
    const report = reportOf(h.fonnte.statusReport(row.provider_message_id!, 'sent'));
    const before = (await reportsOf(coopA)).length;
    const missing = await errorOf(receive(coopA, undefined, report));
    expect(missing).toMatchObject({ code: 'UNAUTHORIZED', reason: 'TOKEN_MISSING' });
    expect((await errorOf(receive(coopA, '', report))).code).toBe('UNAUTHORIZED');
    expect((await errorOf(receive(coopA, `${KEY_A}x`, report))).code).toBe('UNAUTHORIZED');
    expect((await errorOf(receive(coopA, KEY_A.toUpperCase(), report))).code).toBe('UNAUTHORIZED');
    for (const tenant of [coopB, plain]) {
      expect((await errorOf(receive(tenant, KEY_A, report))).code).toBe('NOT_FOUND');
      expect(await reportsOf(tenant)).toEqual([]);
    }
    expect(await reportsOf(coopA)).toHaveLength(before);
  });

  it('never matches another tenant’s message', async () => {
    const otherKey = 'webhook-key-of-koperasi-b';
    const coopC = await createTenant(h, { token: 'token-b', webhookKey: otherKey });
    const { row } = await sentOtp(coopA);
    const report = reportOf(h.fonnte.statusReport(row.provider_message_id!, 'sent', { withId: true }));
    expect(await receive(coopC, otherKey, report)).toEqual({ recorded: true, outboxMessageId: null });
    const [untouched] = (await outboxOf(h, coopA)).filter((r) => r.id === row.id);
    expect(untouched!.delivery_status).toBeNull();
  });
});
