import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  attributeOrder,
  canRequestPayout,
  checkPayoutRequest,
  holdEndsAt,
  isSelfReferral,
  REFERRAL_PROGRAM_DEFAULTS,
  referralCommission,
  referralProgramSettings,
} from './referral-program.ts';

const invalid = (fields: Record<string, string[]>) =>
  expect.objectContaining({ code: 'VALIDATION_ERROR', fields });
const DAY = 86_400_000;

describe('referralProgramSettings', () => {
  it('is the defaults without overrides: a 30-day hold and window, 10%, a 100,000 minimum', () => {
    expect(referralProgramSettings()).toEqual(REFERRAL_PROGRAM_DEFAULTS);
    expect(referralProgramSettings(undefined, null, {})).toEqual({
      holdDays: 30,
      attributionDays: 30,
      defaultRateBps: 1000,
      minimumPayout: 100_000,
      targetUrl: null,
      referralBaseUrl: null,
    });
  });

  it('lays each layer on the ones before: a later key wins, absent and null keys fall through', () => {
    const settings = referralProgramSettings(
      { holdDays: 14, minimumPayout: 50_000, targetUrl: 'https://old.example/' },
      { holdDays: 7, attributionDays: null, referralBaseUrl: 'https://qutab.id/r' },
    );
    expect(settings).toEqual({
      holdDays: 7,
      attributionDays: 30,
      defaultRateBps: 1000,
      minimumPayout: 50_000,
      targetUrl: 'https://old.example/',
      referralBaseUrl: 'https://qutab.id/r',
    });
  });

  it('keeps a 0 an override sets', () => {
    expect(referralProgramSettings({ holdDays: 0, minimumPayout: 0 })).toMatchObject({
      holdDays: 0,
      minimumPayout: 0,
    });
  });
});

describe('referralCommission', () => {
  it('is the rate of the order value, rounded down', () => {
    expect(referralCommission(1_500_000, 1000)).toBe(150_000);
    expect(referralCommission(99_999, 1000)).toBe(9_999);
    expect(referralCommission(5, 1000)).toBe(0);
    expect(referralCommission(0, 1000)).toBe(0);
    expect(referralCommission(12_345, 10_000)).toBe(12_345);
  });

  it('never pays more than the exact share and loses less than one unit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), fc.integer({ min: 0, max: 10_000 }), (value, bps) => {
        const c = referralCommission(value, bps);
        expect(Number.isSafeInteger(c)).toBe(true);
        expect(c * 10_000).toBeLessThanOrEqual(value * bps);
        expect((c + 1) * 10_000).toBeGreaterThan(value * bps);
      }),
    );
  });

  it.each([-1, 10_001, 2.5, Number.NaN])('refuses a rate of %s bps', (bps) => {
    expect(() => referralCommission(1000, bps)).toThrow(
      invalid({ rateBps: ['must be a whole number of basis points from 0 to 10000'] }),
    );
  });

  it('refuses a negative or fractional order value', () => {
    expect(() => referralCommission(-1, 1000)).toThrow(expect.objectContaining({ code: 'VALIDATION_ERROR' }));
    expect(() => referralCommission(1.5, 1000)).toThrow(
      expect.objectContaining({ code: 'VALIDATION_ERROR' }),
    );
  });
});

describe('holdEndsAt', () => {
  it('adds whole days of 24 hours', () => {
    const confirmed = new Date('2026-01-10T08:30:00Z');
    expect(holdEndsAt(confirmed, 30)).toEqual(new Date('2026-02-09T08:30:00Z'));
    expect(holdEndsAt(confirmed, 0)).toEqual(confirmed);
  });

  it.each([-1, 1.5])('refuses %s days', (days) => {
    expect(() => holdEndsAt(new Date(), days)).toThrow(
      invalid({ holdDays: ['must be a whole, non-negative number of days'] }),
    );
  });
});

describe('attributeOrder', () => {
  const now = new Date('2026-03-01T00:00:00Z');
  const click = (ageMs: number) => ({
    affiliateId: 2,
    clickedAt: new Date(now.getTime() - ageMs),
    clickId: 'c1',
  });

  it('credits the coupon over a link', () => {
    expect(attributeOrder({ coupon: { affiliateId: 1 }, click: click(DAY), now, windowDays: 30 })).toEqual({
      affiliateId: 1,
      source: 'coupon',
      clickId: null,
    });
  });

  it('credits a link clicked within the window, both ends inclusive', () => {
    for (const age of [0, DAY, 30 * DAY]) {
      expect(attributeOrder({ click: click(age), now, windowDays: 30 })).toEqual({
        affiliateId: 2,
        source: 'link',
        clickId: 'c1',
      });
    }
  });

  it('ignores a link clicked before the window or after the order', () => {
    expect(attributeOrder({ click: click(30 * DAY + 1), now, windowDays: 30 })).toBeNull();
    expect(attributeOrder({ click: click(-1), now, windowDays: 30 })).toBeNull();
  });

  it('attributes nothing without a coupon or click', () => {
    expect(attributeOrder({ now, windowDays: 30 })).toBeNull();
    expect(attributeOrder({ coupon: null, click: null, now, windowDays: 30 })).toBeNull();
  });

  it('refuses a bad window', () => {
    expect(() => attributeOrder({ now, windowDays: -1 })).toThrow(
      invalid({ windowDays: ['must be a whole, non-negative number of days'] }),
    );
  });

  it('a coupon always wins; a link alone wins exactly inside its window', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.integer({ min: -DAY, max: 60 * DAY }),
        fc.integer({ min: 0, max: 60 }),
        (withCoupon, age, windowDays) => {
          const result = attributeOrder({
            ...(withCoupon && { coupon: { affiliateId: 1 } }),
            click: click(age),
            now,
            windowDays,
          });
          if (withCoupon) expect(result?.source).toBe('coupon');
          else expect(result !== null).toBe(age >= 0 && age <= windowDays * DAY);
        },
      ),
    );
  });
});

describe('isSelfReferral', () => {
  const affiliate = { accountId: 1, email: 'Darmawan@Gmail.com ', phone: '+62 812-3456-789' };

  it('matches the same account', () => {
    expect(isSelfReferral(affiliate, { accountId: 1 })).toBe(true);
  });

  it('matches the same email, trimmed and case-insensitively', () => {
    expect(isSelfReferral(affiliate, { accountId: 2, email: 'darmawan@gmail.com' })).toBe(true);
  });

  it('matches the same phone in any of its Indonesian spellings', () => {
    for (const phone of ['08123456789', '628123456789', '+628123456789', '0812-3456-789']) {
      expect(isSelfReferral(affiliate, { accountId: 2, email: 'x@example.com', phone })).toBe(true);
    }
  });

  it('does not match a different customer, or on missing or empty details', () => {
    expect(isSelfReferral(affiliate, { accountId: 2, email: 'other@gmail.com', phone: '0811111111' })).toBe(
      false,
    );
    expect(isSelfReferral({ accountId: null, email: null, phone: null }, { accountId: null })).toBe(false);
    expect(isSelfReferral({ email: ' ', phone: '0' }, { email: ' ', phone: '+62' })).toBe(false);
    expect(isSelfReferral({}, {})).toBe(false);
  });
});

describe('payout requests', () => {
  it('knows when a payout can be requested', () => {
    expect(canRequestPayout(100_000, 100_000)).toBe(true);
    expect(canRequestPayout(99_999, 100_000)).toBe(false);
    expect(canRequestPayout(0, 0)).toBe(false);
  });

  it('accepts a whole amount between the minimum and the balance', () => {
    expect(() => checkPayoutRequest({ amount: 100_000, available: 100_000, minimum: 100_000 })).not.toThrow();
  });

  it.each([0, -5, 1.5, Number.NaN])('refuses an amount of %s naming amount', (amount) => {
    expect(() => checkPayoutRequest({ amount, available: 1e9, minimum: 0 })).toThrow(
      invalid({ amount: ['must be a whole, positive number of minor units'] }),
    );
  });

  it('refuses an amount under the minimum, before looking at the balance', () => {
    expect(() => checkPayoutRequest({ amount: 50_000, available: 0, minimum: 100_000 })).toThrow(
      expect.objectContaining({
        code: 'BELOW_MINIMUM_PAYOUT',
        fields: { amount: ['must be at least 100000'] },
        details: { minimum: 100_000 },
      }),
    );
  });

  it('refuses more than is available', () => {
    expect(() => checkPayoutRequest({ amount: 150_000, available: 120_000, minimum: 100_000 })).toThrow(
      expect.objectContaining({
        code: 'INSUFFICIENT_BALANCE',
        fields: { amount: ['must not exceed the available balance of 120000'] },
        details: { available: 120_000 },
      }),
    );
  });
});
