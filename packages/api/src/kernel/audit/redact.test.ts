import { describe, expect, it } from 'vitest';
import { AuditRecorder } from './recorder.ts';
import { MAX_AUDIT_JSON_BYTES, redactForAudit } from './redact.ts';

describe('what the audit log keeps of a request or a record', () => {
  it('redacts secrets and personal data however the field is written, at any depth', () => {
    expect(
      redactForAudit({
        email: 'budi@example.com',
        password: 'hunter22',
        new_password: 'hunter23',
        refreshToken: 'r',
        access_token: 'a',
        phone_number: '081234567890',
        nik: '3502011234560001',
        member: { NIK: '3502011234560002', phone: '0812', name: 'Budi' },
        payments: {
          provider: 'midtrans',
          midtrans: { serverKey: 'SB-Mid-server-x', clientKey: 'SB-Mid-client-y', callbackToken: 'cb' },
          xendit: { secretKey: { sealed: 'v1:abc' } },
          pesapal: { consumerSecret: 'cs', consumerKey: 'ck' },
        },
        whatsapp: { token: 't', webhookKey: 'wk', provider: 'fonnte' },
        amount: 100_000,
      }),
    ).toEqual({
      email: '[redacted]',
      password: '[redacted]',
      new_password: '[redacted]',
      refreshToken: '[redacted]',
      access_token: '[redacted]',
      phone_number: '[redacted]',
      nik: '[redacted]',
      member: { NIK: '[redacted]', phone: '[redacted]', name: 'Budi' },
      payments: {
        provider: 'midtrans',
        midtrans: { serverKey: '[redacted]', clientKey: 'SB-Mid-client-y', callbackToken: '[redacted]' },
        xendit: { secretKey: '[redacted]' },
        pesapal: { consumerSecret: '[redacted]', consumerKey: 'ck' },
      },
      whatsapp: { token: '[redacted]', webhookKey: '[redacted]', provider: 'fonnte' },
      amount: 100_000,
    });
  });

  it('keeps a null as null (nothing was there to hide)', () => {
    expect(redactForAudit({ email: null, notes: null })).toEqual({ email: null, notes: null });
  });

  it('replaces files, cuts long text and long lists, bounds depth, writes dates as ISO text', () => {
    const kept = redactForAudit(
      {
        ktp_photo: 'iVBORw0KGgo'.repeat(1000),
        description: 'x'.repeat(2000),
        ids: Array.from({ length: 60 }, (_, i) => i),
        at: new Date('2026-03-14T09:30:12Z'),
        deep: { a: { b: { c: { d: { e: { f: { g: { h: { i: 1 } } } } } } } } },
        big: 10n,
        nothing: undefined,
      },
      ['ktp_photo'],
    ) as Record<string, unknown>;
    expect(kept.ktp_photo).toBe('[file]');
    expect(kept.description).toBe(`${'x'.repeat(120)}… [2000 characters]`);
    expect(kept.ids).toHaveLength(51);
    expect((kept.ids as unknown[]).at(-1)).toBe('… 10 more');
    expect(kept.at).toBe('2026-03-14T09:30:12.000Z');
    expect(JSON.stringify(kept.deep)).toContain('"[…]"');
    expect(kept.big).toBe('10');
    expect(kept).not.toHaveProperty('nothing');
  });

  it('replaces a value past the size cap by a note of its size', () => {
    const many = Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`k${i}`, 'v'.repeat(100)]));
    const kept = redactForAudit(many) as { truncated: boolean; bytes: number };
    expect(kept.truncated).toBe(true);
    expect(kept.bytes).toBeGreaterThan(MAX_AUDIT_JSON_BYTES);
    expect(redactForAudit(undefined)).toBeNull();
  });
});

describe('AuditRecorder', () => {
  it('keeps the first before and the last after of a subject changed twice', () => {
    const audit = new AuditRecorder();
    const subject = { type: 'payout', id: '7' };
    audit.change({ subject, before: { status: 'pending' }, after: { status: 'processing' } });
    audit.change({ subject, before: { status: 'processing' }, after: { status: 'paid' } });
    audit.change({ subject: { type: 'payout', id: '8' }, before: null, after: { status: 'pending' } });
    expect(audit.changes).toEqual([
      { subject, before: { status: 'pending' }, after: { status: 'paid' } },
      { subject: { type: 'payout', id: '8' }, before: null, after: { status: 'pending' } },
    ]);
  });
});
