import { describe, expect, it } from 'vitest';
import type { Orm } from '../../kernel/database.ts';
import type { TenantRecord, TenantSettings } from '../../kernel/tenant-record.ts';
import { DEV_FILE_KEY, FileCipher } from '../files/file-cipher.ts';
import { gatewayAtCallback, PaymentProviders } from './payment-gateways.ts';
import { PaymentSecrets } from './payment-secrets.ts';

const tenant = (id: number, payments: TenantSettings['payments']): TenantRecord => ({
  id,
  slug: `shop-${id}`,
  name: 'Shop',
  profile: 'ansania-ecommerce',
  currency: 'IDR',
  timeZone: 'Asia/Jakarta',
  hosts: [],
  settings: { payments },
});

describe('gatewayAtCallback', () => {
  it('finds each gateway at the callback path it declares, for the methods it serves', () => {
    expect(gatewayAtCallback('/checkout/payment-webhook', 'POST')?.name).toBe('doku');
    expect(gatewayAtCallback('/checkout/payment-webhook', 'GET')).toBeUndefined();
    expect(gatewayAtCallback('/webhooks/xendit', 'POST')?.name).toBe('xendit');
    expect(gatewayAtCallback('/webhooks/xendit', 'PUT')).toBeUndefined();
    expect(gatewayAtCallback('/webhooks/pesapal', 'GET')?.name).toBe('pesapal');
    expect(gatewayAtCallback('/webhooks/pesapal', 'DELETE')?.name).toBe('pesapal');
    expect(gatewayAtCallback('/webhooks/midtrans', 'POST')?.name).toBe('midtrans');
    expect(gatewayAtCallback('/webhooks/midtrans', 'GET')).toBeUndefined();
    expect(gatewayAtCallback('/webhooks/doku', 'POST')).toBeUndefined();
  });
});

describe('PaymentProviders', () => {
  const secrets = new PaymentSecrets(new FileCipher(DEV_FILE_KEY));
  const providers = new PaymentProviders({} as Orm, { publicBaseUrl: () => 'https://komisi.test', secrets });

  it("builds the tenant's gateway from its settings, once", () => {
    const shop = tenant(1, {
      provider: 'xendit',
      xendit: { baseUrl: 'https://api.xendit.co', secretKey: 'xnd', callbackToken: 'token' },
    });

    expect(providers.providerFor(shop).name).toBe('xendit');
    expect(providers.providerFor(shop)).toBe(providers.providerFor(shop));
  });

  it('builds Midtrans from the stored settings, their defaults filled in and its secrets opened', () => {
    const stored = {
      provider: 'midtrans',
      midtrans: { serverKey: secrets.seal(8, 'midtrans', 'serverKey', 'SB-Mid') },
    };
    const koperasi = tenant(8, stored as never);

    expect(providers.providerFor(koperasi).name).toBe('midtrans');
    expect(secrets.paymentsOf(koperasi)?.midtrans).toEqual({
      baseUrl: 'https://api.sandbox.midtrans.com',
      serverKey: 'SB-Mid',
      bank: 'bca',
    });
  });

  it('builds a new provider once the setting changed (no restart)', () => {
    const before = providers.providerFor(tenant(5, { provider: 'sandbox' }));
    const after = tenant(5, {
      provider: 'xendit',
      xendit: { baseUrl: 'https://api.xendit.co', secretKey: 'xnd', callbackToken: 'token' },
    });
    expect(before.name).toBe('sandbox');
    expect(providers.providerFor(after).name).toBe('xendit');
  });

  it('hands the gateway its secrets opened, sealed ones and clear ones alike', () => {
    const sealed = tenant(6, {
      provider: 'xendit',
      xendit: {
        baseUrl: 'https://api.xendit.co',
        secretKey: secrets.seal(6, 'xendit', 'secretKey', 'xnd_secret'),
        callbackToken: 'clear-token',
      },
    });
    expect(secrets.paymentsOf(sealed)?.xendit).toEqual({
      baseUrl: 'https://api.xendit.co',
      secretKey: 'xnd_secret',
      callbackToken: 'clear-token',
    });
    // bound to its tenant: the same sealed value copied onto another tenant does not open
    const copied = tenant(7, sealed.settings.payments);
    expect(() => secrets.paymentsOf(copied)).toThrow();
  });

  it('falls back to the sandbox without settings, or when the named gateway has none', () => {
    expect(providers.providerFor(tenant(2, undefined)).name).toBe('sandbox');
    expect(providers.providerFor(tenant(3, { provider: 'doku' })).name).toBe('sandbox');
    expect(
      providers.providerFor(
        tenant(4, { provider: 'pesapal', doku: { baseUrl: 'https://x', clientId: 'c', secretKey: 's' } }),
      ).name,
    ).toBe('sandbox');
  });
});
