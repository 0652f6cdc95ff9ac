import { REFERRAL_PROGRAM_DEFAULTS } from '@komisi/domain';
import { describe, expect, it } from 'vitest';
import { tenantReferralProgram } from './tenant-referral-program.ts';

describe('tenantReferralProgram', () => {
  it('is the domain defaults for a tenant without settings', () => {
    expect(tenantReferralProgram({ settings: {} })).toEqual(REFERRAL_PROGRAM_DEFAULTS);
  });

  it('reads `referralAffiliates`', () => {
    expect(tenantReferralProgram({ settings: { referralAffiliates: { minimumPayout: 50_000 } } })).toEqual({
      ...REFERRAL_PROGRAM_DEFAULTS,
      minimumPayout: 50_000,
    });
  });

  it('still reads the former name `referralProgram`, so existing tenants keep their settings', () => {
    expect(
      tenantReferralProgram({
        settings: { referralProgram: { holdDays: 14, targetUrl: 'https://shop.example/' } },
      }),
    ).toEqual({ ...REFERRAL_PROGRAM_DEFAULTS, holdDays: 14, targetUrl: 'https://shop.example/' });
  });

  it('lets the new name win when both are set, key by key', () => {
    const settings = {
      referralProgram: { holdDays: 14, attributionDays: 7, minimumPayout: 75_000 },
      referralAffiliates: { holdDays: 21, minimumPayout: 50_000 },
    };
    expect(tenantReferralProgram({ settings })).toEqual({
      ...REFERRAL_PROGRAM_DEFAULTS,
      holdDays: 21,
      attributionDays: 7,
      minimumPayout: 50_000,
    });
  });

  it('is worked out once per settings object; saved settings (a new object) are read afresh', () => {
    const before = { referralAffiliates: { attributionDays: 7 } };
    expect(tenantReferralProgram({ settings: before })).toBe(tenantReferralProgram({ settings: before }));
    const after = { referralAffiliates: { attributionDays: 14 } };
    expect(tenantReferralProgram({ settings: after }).attributionDays).toBe(14);
    expect(tenantReferralProgram({ settings: before }).attributionDays).toBe(7);
  });
});
