import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { TenantRecord } from '../../kernel/tenant-record.ts';
import { FileCipher } from '../files/file-cipher.ts';
import { SettingSecrets } from '../files/setting-secrets.ts';
import { WhatsappSettings } from '../notifications/whatsapp/whatsapp-settings.ts';
import { PaymentSecrets } from '../payments/payment-secrets.ts';
import { maskSecrets, sealSecrets } from './secret-settings.ts';

/** A tenant record with these settings, as stored (the test writes them by hand). */
const tenantWith = (id: number, settings: Record<string, unknown>) =>
  ({ id, settings }) as Pick<TenantRecord, 'id' | 'settings'>;
const cipher = new FileCipher(randomBytes(32));
const secrets = new SettingSecrets(cipher);
const whatsappOf = (id: number, settings: Record<string, unknown>) =>
  new WhatsappSettings((tenantId, path, stored) => secrets.open(tenantId, path, stored)).of(
    tenantWith(id, settings),
  );
const fieldsOf = (e: unknown) => (e as { fields?: Record<string, string[]> }).fields;
const refusal = (work: () => unknown) => {
  try {
    work();
  } catch (e) {
    return fieldsOf(e);
  }
  throw new Error('expected a refusal');
};

describe('the whatsapp setting’s secrets', () => {
  const given = {
    provider: 'fonnte',
    token: 'fonnte-device-token-1234',
    webhookKey: 'webhook-key-abcd',
    baseUrl: 'https://api.fonnte.com',
  };

  it('are sealed on the way in, bound to tenant and field, and open for the WhatsApp sender only', () => {
    const stored = sealSecrets(secrets, { id: 9, settings: {} }, 'whatsapp', given);
    expect(stored).toMatchObject({
      provider: 'fonnte',
      token: { sealed: expect.any(String) },
      webhookKey: { sealed: expect.any(String) },
      baseUrl: 'https://api.fonnte.com',
    });
    expect(JSON.stringify(stored)).not.toContain('fonnte-device-token');
    expect(whatsappOf(9, { whatsapp: stored })).toEqual(given);
    // copied onto another tenant, or swapped between the fields, they do not open
    expect(() => whatsappOf(10, { whatsapp: stored })).toThrow();
    const swapped = { ...stored, token: stored.webhookKey, webhookKey: stored.token };
    expect(() => whatsappOf(9, { whatsapp: swapped })).toThrow();
  });

  it('are masked when read, and a masked one sent back keeps the stored value', () => {
    const tenant = tenantWith(9, {
      whatsapp: sealSecrets(secrets, { id: 9, settings: {} }, 'whatsapp', given),
    });
    const masked = maskSecrets(secrets, tenant, 'whatsapp');
    expect(masked).toEqual({
      provider: 'fonnte',
      token: { set: true, last4: '1234' },
      webhookKey: { set: true, last4: 'abcd' },
      baseUrl: 'https://api.fonnte.com',
    });
    const kept = sealSecrets(secrets, tenant, 'whatsapp', { ...masked, baseUrl: 'https://fonnte.example' });
    expect(whatsappOf(9, { whatsapp: kept })).toEqual({
      ...given,
      baseUrl: 'https://fonnte.example',
    });
    expect(maskSecrets(secrets, { id: 9, settings: {} }, 'whatsapp')).toBeUndefined();
  });

  it('need a token; the webhook key and base URL are optional; the provider is fonnte', () => {
    const noKey = sealSecrets(secrets, { id: 9, settings: {} }, 'whatsapp', {
      provider: 'fonnte',
      token: 'short',
    });
    expect(noKey).toEqual({ provider: 'fonnte', token: { sealed: expect.any(String) } });
    expect(maskSecrets(secrets, tenantWith(9, { whatsapp: noKey }), 'whatsapp')).toEqual({
      provider: 'fonnte',
      token: { set: true, last4: null },
    });
    expect(
      refusal(() => sealSecrets(secrets, { id: 9, settings: {} }, 'whatsapp', { provider: 'fonnte' })),
    ).toEqual({
      'whatsapp.token': [expect.any(String)],
    });
    expect(
      refusal(() =>
        sealSecrets(secrets, { id: 9, settings: {} }, 'whatsapp', { ...given, provider: 'wablas' }),
      ),
    ).toHaveProperty(['whatsapp.provider']);
    expect(
      refusal(() =>
        sealSecrets(secrets, { id: 9, settings: {} }, 'whatsapp', {
          provider: 'fonnte',
          token: { set: true },
        }),
      ),
    ).toEqual({ 'whatsapp.token': ['no stored value to keep: send the secret'] });
  });

  it('show as unreadable when sealed with a key this server no longer has', () => {
    const stored = new SettingSecrets(new FileCipher(randomBytes(32))).seal(
      9,
      'whatsapp.token',
      'lost-token-5678',
    );
    expect(
      maskSecrets(secrets, tenantWith(9, { whatsapp: { provider: 'fonnte', token: stored } }), 'whatsapp'),
    ).toEqual({
      provider: 'fonnte',
      token: { set: true, last4: null, unreadable: true },
    });
  });
});

describe('the payments setting’s secrets', () => {
  it('are sealed where PaymentSecrets opens them, as before', () => {
    const xendit = {
      baseUrl: 'https://api.xendit.co',
      secretKey: 'xnd_secret_0001',
      callbackToken: 'cb-token-0002',
    };
    const stored = sealSecrets(secrets, { id: 4, settings: {} }, 'payments', { provider: 'xendit', xendit });
    const tenant = tenantWith(4, { payments: stored });
    expect(new PaymentSecrets(cipher).paymentsOf(tenant)).toEqual({ provider: 'xendit', xendit });
    expect(maskSecrets(secrets, tenant, 'payments')).toEqual({
      provider: 'xendit',
      xendit: {
        baseUrl: 'https://api.xendit.co',
        secretKey: { set: true, last4: '0001' },
        callbackToken: { set: true, last4: '0002' },
      },
    });
    expect(
      refusal(() =>
        sealSecrets(secrets, { id: 4, settings: {} }, 'payments', {
          provider: 'doku',
          doku: { baseUrl: 'https://api.doku.com', clientId: 'c', secretKey: { set: true } },
        }),
      ),
    ).toEqual({ 'payments.doku.secretKey': ['no stored value to keep: send the secret'] });
  });
});
