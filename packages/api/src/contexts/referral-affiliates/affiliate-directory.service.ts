import {
  DomainError,
  type FieldErrors,
  isDomainError,
  normalizeVoucherCode,
  type PageWindow,
  type VoucherRule,
  validateVoucherRule,
  validationError,
} from '@komisi/domain';
import type { Scope } from '../../kernel/scope.ts';
import type { Voucher } from '../commerce/vouchers/voucher.entity.ts';
import type { VouchersService } from '../commerce/vouchers/vouchers.service.ts';
import { Account } from '../identity/account.entity.ts';
import { Affiliate, type AffiliateStatus } from './affiliate.entity.ts';
import { findPage } from './paged-find.ts';

export interface AffiliateProfileChanges {
  firstName?: string | undefined;
  lastName?: string | undefined;
  whatsapp?: string | undefined;
  city?: string | undefined;
  instagram?: string | null | undefined;
  tiktok?: string | null | undefined;
}

export interface AffiliateCouponInput {
  code: string;
  name?: string | undefined;
  discountType: 'percentage' | 'fixed';
  /** percent (10 = 10%) for percentage coupons, minor units for fixed */
  discountValue: number;
  maxDiscount?: number | null | undefined;
  minPurchase?: number | undefined;
  validFrom?: Date | null | undefined;
  validUntil?: Date | null | undefined;
  usageLimit?: number | null | undefined;
  perCustomerLimit?: number | null | undefined;
}

const COUPON_FIELDS: Record<string, string> = {
  discountType: 'discount_type',
  discountValue: 'discount_value',
  maxDiscountAmount: 'max_discount',
  minPurchaseAmount: 'min_purchase',
  startsAt: 'valid_from',
  endsAt: 'valid_until',
  usageLimit: 'usage_limit',
  perCustomerLimit: 'per_customer_limit',
};

const renameFields = (fields: FieldErrors, names: Record<string, string>): FieldErrors =>
  Object.fromEntries(Object.entries(fields).map(([k, v]) => [names[k] ?? k, v]));

const EDITABLE = ['firstName', 'lastName', 'whatsapp', 'city', 'instagram', 'tiktok'] as const;

/** Affiliates as the admins list them, and the profile fields an affiliate edits. */
export class AffiliateDirectoryService {
  readonly #vouchers: VouchersService;

  constructor(vouchers: VouchersService) {
    this.#vouchers = vouchers;
  }

  /** Applications and affiliates, newest first, optionally of one status, with their account email. */
  async list(
    scope: Scope,
    q: { status?: AffiliateStatus | undefined; page: number; limit: number },
  ): Promise<{ affiliates: { affiliate: Affiliate; email: string }[]; window: PageWindow }> {
    const where = q.status ? { status: q.status } : {};
    const { rows: affiliates, window } = await findPage(scope, Affiliate, where, q, {
      orderBy: { createdAt: 'desc', id: 'desc' },
    });
    const accounts = affiliates.length
      ? await scope.em.find(Account, { id: { $in: affiliates.map((a) => a.account) } })
      : [];
    const emails = new Map(accounts.map((a) => [a.id, a.email]));
    return {
      affiliates: affiliates.map((affiliate) => ({ affiliate, email: emails.get(affiliate.account) ?? '' })),
      window,
    };
  }

  async byId(scope: Scope, affiliateId: number): Promise<Affiliate> {
    const affiliate = await scope.em.findOne(Affiliate, { id: affiliateId });
    if (!affiliate) throw new DomainError('NOT_FOUND', 'Affiliate not found');
    return affiliate;
  }

  /** An affiliate's own rate (basis points), or null for the programme default; applies to new referrals. */
  async setRate(scope: Scope, affiliateId: number, rateBps: number | null): Promise<Affiliate> {
    const affiliate = await this.byId(scope, affiliateId);
    affiliate.commissionRateBps = rateBps;
    await scope.em.flush();
    return affiliate;
  }

  /**
   * A coupon that attributes its orders to the affiliate (coupon beats link). The domain validates the
   * rule; its field names come back as the REST fields (`discount_value`, `valid_until`, ...).
   */
  async createCoupon(scope: Scope, affiliateId: number, input: AffiliateCouponInput): Promise<Voucher> {
    const affiliate = await this.byId(scope, affiliateId);
    const rule: VoucherRule = {
      code: normalizeVoucherCode(input.code),
      discountType: input.discountType,
      // percent for percentage coupons (as the affiliate's list shows it), basis points stored
      discountValue:
        input.discountType === 'percentage' ? Math.round(input.discountValue * 100) : input.discountValue,
      maxDiscountAmount: input.maxDiscount ?? null,
      minPurchaseAmount: input.minPurchase ?? 0,
      startsAt: input.validFrom ?? null,
      endsAt: input.validUntil ?? null,
      usageLimit: input.usageLimit ?? null,
      perCustomerLimit: input.perCustomerLimit ?? null,
      active: true,
    };
    try {
      validateVoucherRule(rule);
    } catch (e) {
      if (isDomainError(e) && e.fields) throw validationError(renameFields(e.fields, COUPON_FIELDS));
      throw e;
    }
    if (await this.#vouchers.codeTaken(scope, rule.code)) {
      throw validationError({ code: ['The code has already been taken.'] });
    }
    // a raced duplicate code: the unique violation, answered as any other (409)
    return this.#vouchers.create(scope, rule, {
      name: input.name ?? `${rule.code} (${affiliate.firstName} ${affiliate.lastName})`,
      isPublic: false,
      affiliate: affiliate.account,
    });
  }

  /** The affiliate's own editable profile fields; the code, status, rate and totals never change here. */
  async update(scope: Scope, affiliateId: number, changes: AffiliateProfileChanges): Promise<Affiliate> {
    const affiliate = await this.byId(scope, affiliateId);
    for (const field of EDITABLE) {
      const value = changes[field];
      // undefined: not sent; null or '' clears an optional handle
      if (value !== undefined) Object.assign(affiliate, { [field]: value === '' ? null : value });
    }
    await scope.em.flush();
    return affiliate;
  }
}
