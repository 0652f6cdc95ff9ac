import { DEFAULT_COMMISSION_BASE } from '@komisi/domain';
import { describe, expect, it } from 'vitest';
import { commissionBaseOf } from './commission-base.ts';

describe('commissionBaseOf', () => {
  it('uses the default when neither name is set', () => {
    expect(commissionBaseOf({})).toBe(DEFAULT_COMMISSION_BASE);
    expect(commissionBaseOf({ voucherAffiliates: {}, affiliateProgram: {} })).toBe(DEFAULT_COMMISSION_BASE);
  });

  it('reads the setting under its name', () => {
    expect(commissionBaseOf({ voucherAffiliates: { commissionBase: 'items_pre_discount' } })).toBe(
      'items_pre_discount',
    );
  });

  it('still reads the former name, for tenants stored with it', () => {
    expect(commissionBaseOf({ affiliateProgram: { commissionBase: 'post_discount_total' } })).toBe(
      'post_discount_total',
    );
  });

  it('lets the new name win when both are set', () => {
    expect(
      commissionBaseOf({
        voucherAffiliates: { commissionBase: 'items_pre_discount' },
        affiliateProgram: { commissionBase: 'post_discount_total' },
      }),
    ).toBe('items_pre_discount');
    expect(
      commissionBaseOf({
        voucherAffiliates: {},
        affiliateProgram: { commissionBase: 'post_discount_total' },
      }),
    ).toBe('post_discount_total');
  });
});
