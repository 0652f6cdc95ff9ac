import { describe, expect, it } from 'vitest';
import { allowedOriginsOf, checkSetting, readSetting } from './tenant-settings.ts';

describe('tenant settings', () => {
  it('checks a value by its key, naming each invalid field by path', () => {
    expect(checkSetting('referralAffiliates', { holdDays: 0, targetUrl: null })).toEqual({
      holdDays: 0,
      targetUrl: null,
    });
    expect(() => checkSetting('referralAffiliates', { holdDays: 1.5, minimumPayout: -1 })).toThrow(
      expect.objectContaining({
        fields: {
          'referralAffiliates.holdDays': [expect.any(String)],
          'referralAffiliates.minimumPayout': [expect.any(String)],
        },
      }),
    );
    // the plan it would make is checked as the domain checks a plan
    expect(() => checkSetting('mlm', { stockistRateBps: 9000, generationRatesBps: [2000] })).toThrow(
      expect.objectContaining({ fields: { 'mlm.totalRateBps': [expect.any(String)] } }),
    );
    expect(checkSetting('cooperative', { referralBonus: 25_000, strictNik: true })).toEqual({
      referralBonus: 25_000,
      strictNik: true,
    });
    expect(() => checkSetting('cooperative', { referralBonus: -1, strict: true })).toThrow(
      expect.objectContaining({
        fields: expect.objectContaining({ 'cooperative.referralBonus': [expect.any(String)] }),
      }),
    );
    expect(checkSetting('allowedOrigins', ['HTTPS://Shop.Example.com/'])).toEqual([
      'https://shop.example.com',
    ]);
  });

  it('reads a stored value through the same schema, once per settings object', () => {
    const settings = {
      voucherAffiliates: { commissionBase: 'post_discount_total' },
      orderPaymentTtlMinutes: 30,
    };
    expect(readSetting(settings, 'voucherAffiliates')).toEqual({ commissionBase: 'post_discount_total' });
    expect(readSetting(settings, 'orderPaymentTtlMinutes')).toBe(30);
    expect(readSetting(settings, 'mlm')).toBeUndefined();
    expect(() => readSetting({ orderPaymentTtlMinutes: 'soon' }, 'orderPaymentTtlMinutes')).toThrow(
      'The tenant setting orderPaymentTtlMinutes is invalid',
    );
  });

  it('reads stored origins leniently: an entry that is not an origin is skipped', () => {
    expect(allowedOriginsOf({ allowedOrigins: ['https://a.example', 'not an origin', 42] })).toEqual([
      'https://a.example',
    ]);
    expect(allowedOriginsOf({})).toEqual([]);
  });

  it('keeps reading a stored payments setting whose gateway has no credentials (the sandbox then)', () => {
    expect(readSetting({ payments: { provider: 'doku' } }, 'payments')).toEqual({ provider: 'doku' });
    expect(() => checkSetting('payments', { provider: 'paypal' })).toThrow();
  });

  it('checks the whatsapp setting: a fonnte token, an optional webhook key and base URL', () => {
    expect(checkSetting('whatsapp', { provider: 'fonnte', token: { sealed: 'abc' } })).toEqual({
      provider: 'fonnte',
      token: { sealed: 'abc' },
    });
    expect(() => checkSetting('whatsapp', { provider: 'fonnte' })).toThrow(
      expect.objectContaining({ fields: { 'whatsapp.token': [expect.any(String)] } }),
    );
    expect(() =>
      checkSetting('whatsapp', { provider: 'fonnte', token: 't', baseUrl: 'ftp://fonnte.example', extra: 1 }),
    ).toThrow(
      expect.objectContaining({
        fields: { 'whatsapp.baseUrl': [expect.any(String)], whatsapp: [expect.any(String)] },
      }),
    );
  });
});
