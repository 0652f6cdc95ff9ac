import { describe, expect, it } from 'vitest';
import { membershipQuote, sponsorBonus } from './membership.ts';
import { DTEHM_DEFAULT_PLAN, type MlmPlan } from './mlm-plan.ts';

const plan = (overrides: Partial<MlmPlan>): MlmPlan => ({ ...DTEHM_DEFAULT_PLAN, ...overrides });

describe('membershipQuote', () => {
  it('quotes both memberships', () => {
    expect(membershipQuote(DTEHM_DEFAULT_PLAN, { dtehm: true, dip: true })).toEqual({
      required: true,
      amount: 96000,
      types: ['DTEHM', 'DIP'],
      breakdown: { dtehm: 76000, dip: 20000 },
    });
  });

  it('quotes DTEHM only', () => {
    expect(membershipQuote(DTEHM_DEFAULT_PLAN, { dtehm: true, dip: false })).toEqual({
      required: true,
      amount: 76000,
      types: ['DTEHM'],
      breakdown: { dtehm: 76000, dip: 0 },
    });
  });

  it('quotes DIP only', () => {
    expect(membershipQuote(DTEHM_DEFAULT_PLAN, { dtehm: false, dip: true })).toEqual({
      required: true,
      amount: 20000,
      types: ['DIP'],
      breakdown: { dtehm: 0, dip: 20000 },
    });
  });

  it('requires no payment when nothing is chosen', () => {
    expect(membershipQuote(DTEHM_DEFAULT_PLAN, { dtehm: false, dip: false })).toEqual({
      required: false,
      amount: 0,
      types: [],
      breakdown: { dtehm: 0, dip: 0 },
    });
  });

  it('requires no payment when the chosen memberships are free', () => {
    const free = plan({ membershipFees: { dtehm: 0, dip: 0 } });
    expect(membershipQuote(free, { dtehm: true, dip: true })).toMatchObject({
      required: false,
      amount: 0,
      types: ['DTEHM', 'DIP'],
    });
  });

  it('rejects an invalid plan', () => {
    const broken = plan({ membershipFees: { dtehm: -1, dip: 0 } });
    expect(() => membershipQuote(broken, { dtehm: true, dip: false })).toThrow(
      'The commission plan is invalid.',
    );
  });
});

describe('sponsorBonus', () => {
  it('pays the sponsor bonus only for DTEHM memberships', () => {
    expect(sponsorBonus(DTEHM_DEFAULT_PLAN, ['DTEHM'])).toBe(10000);
    expect(sponsorBonus(DTEHM_DEFAULT_PLAN, ['DIP', 'DTEHM'])).toBe(10000);
    expect(sponsorBonus(DTEHM_DEFAULT_PLAN, ['DIP'])).toBe(0);
    expect(sponsorBonus(DTEHM_DEFAULT_PLAN, [])).toBe(0);
  });

  it('rejects an invalid plan', () => {
    expect(() => sponsorBonus(plan({ sponsorBonusPerDtehm: -1 }), ['DTEHM'])).toThrow(
      'The commission plan is invalid.',
    );
  });
});
