import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  birthDateProblem,
  COOPERATIVE_DEFAULTS,
  cooperativeTerms,
  isSuccessfulReferral,
  kycDocumentVerdict,
  kycStatusAfterUpload,
  MEMBER_REFERRAL_STATUSES,
  MEMBERSHIP_STATUSES,
  maySignIn,
  referralSettlement,
} from './cooperative-members.ts';

describe('cooperativeTerms', () => {
  it('lays the tenant’s overrides on the defaults, key by key', () => {
    expect(cooperativeTerms()).toEqual(COOPERATIVE_DEFAULTS);
    expect(cooperativeTerms({ referralBonus: null, strictNik: true })).toEqual({
      referralBonus: 50_000,
      strictNik: true,
    });
    expect(cooperativeTerms({ referralBonus: 0 })).toEqual({ referralBonus: 0, strictNik: false });
  });
});

describe('referralSettlement', () => {
  it('pays a pending referral once its member is active, or completes it without a bonus', () => {
    expect(referralSettlement('pending', 'active', 50_000)).toEqual({ status: 'paid', bonus: 50_000 });
    expect(referralSettlement('pending', 'active', 0)).toEqual({ status: 'completed' });
    expect(referralSettlement('pending', 'suspended', 50_000)).toBeNull();
  });

  it('never settles a referral twice, whatever the member’s status', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...MEMBER_REFERRAL_STATUSES.filter((s) => s !== 'pending')),
        fc.constantFrom(...MEMBERSHIP_STATUSES),
        fc.nat(),
        (referral, status, bonus) => {
          expect(referralSettlement(referral, status, bonus)).toBeNull();
          expect(isSuccessfulReferral(referral)).toBe(true);
        },
      ),
    );
    expect(isSuccessfulReferral('pending')).toBe(false);
  });
});

describe('KYC', () => {
  it('decides the pending documents with the member’s KYC status', () => {
    expect(kycDocumentVerdict('verified')).toBe('approved');
    expect(kycDocumentVerdict('rejected')).toBe('rejected');
    expect(kycDocumentVerdict('pending')).toBeNull();
  });

  it('puts a rejected member back under review when they hand in a document', () => {
    expect(kycStatusAfterUpload('rejected')).toBe('pending');
    expect(kycStatusAfterUpload('pending')).toBe('pending');
    expect(kycStatusAfterUpload('verified')).toBe('verified');
  });
});

describe('maySignIn', () => {
  it('lets pending and active members in, not suspended or inactive ones', () => {
    expect(MEMBERSHIP_STATUSES.filter(maySignIn)).toEqual(['pending', 'active']);
  });
});

describe('birthDateProblem', () => {
  it('wants a real date in the past', () => {
    expect(birthDateProblem('1990-01-01', '2026-01-10')).toBeNull();
    expect(birthDateProblem('1990-02-30', '2026-01-10')).toBe('must be a date like 1990-01-01');
    expect(birthDateProblem('01-01-1990', '2026-01-10')).toBe('must be a date like 1990-01-01');
    expect(birthDateProblem('1899-12-31', '2026-01-10')).toBe('must be after 1900');
    expect(birthDateProblem('2026-01-10', '2026-01-10')).toBe('must be in the past');
  });
});
