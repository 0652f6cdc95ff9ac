import {
  DomainError,
  evaluateVoucher,
  normalizeVoucherCode,
  type VoucherEvaluation,
  type VoucherRule,
  type VoucherUsage,
  voucherError,
} from '@komisi/domain';
import type { Scope } from '../../../kernel/scope.ts';
import { Voucher, VoucherRedemption } from './voucher.entity.ts';

/** What the items and shipping of a cart or order come to before any discount (minor units). */
export interface VoucherAmounts {
  subtotal: number;
  shippingCost: number;
}

/** A voucher the rules accepted, and what it takes off. */
export interface AppliedVoucher {
  voucher: Voucher;
  discountAmount: number;
  shippingDiscount: number;
}

export interface AvailableVoucher {
  voucher: Voucher;
  /** uses this customer has left; null when the voucher has no per-customer limit */
  usageRemaining: number | null;
}

/** What a voucher holds besides its rules. */
export interface VoucherExtras {
  name: string;
  description?: string | null;
  isPublic: boolean;
  /** the affiliate whose code it is: orders using it earn them a commission */
  affiliate?: number | null;
  affiliateCommissionBps?: number | null;
}

export type VoucherChanges = Partial<
  Pick<Voucher, 'code' | 'discountType' | 'discountValue' | 'affiliateCommissionBps'>
>;

export const toVoucherRule = (v: Voucher): VoucherRule => ({
  code: v.code,
  discountType: v.discountType,
  discountValue: v.discountValue,
  maxDiscountAmount: v.maxDiscountAmount ?? null,
  minPurchaseAmount: v.minPurchaseAmount,
  startsAt: v.startsAt ?? null,
  endsAt: v.endsAt ?? null,
  usageLimit: v.usageLimit ?? null,
  perCustomerLimit: v.perCustomerLimit ?? null,
  active: v.active,
});

/** An unknown code: 404 with its own code, like the rules' rejections. */
export function voucherNotFound(): DomainError {
  const message = 'Voucher not found';
  return new DomainError('NOT_FOUND', message, {
    fields: { code: [message] },
    details: { code: 'VOUCHER_NOT_FOUND' },
  });
}

/**
 * Vouchers: lookup by code, evaluation with the domain's rules (usage from `usedCount` and the
 * customer's active redemptions) and, for checkout, redemption under concurrency.
 */
export class VouchersService {
  /** The voucher a shopper's code names (' welcome10 ' finds WELCOME10), or null. */
  async find(scope: Scope, code: string): Promise<Voucher | null> {
    const normalized = normalizeVoucherCode(code);
    if (!normalized) return null;
    return scope.em.findOne(Voucher, { code: normalized });
  }

  /** Whether another voucher (not `exceptId`) has this code; `code` as `normalizeVoucherCode` gives it. */
  async codeTaken(scope: Scope, code: string, exceptId: number | null = null): Promise<boolean> {
    const other = await scope.em.findOne(Voucher, { code }, { fields: ['id'] });
    return other !== null && other.id !== exceptId;
  }

  /** The affiliate's first voucher (its code), or null. */
  ofAffiliate(scope: Scope, accountId: number): Promise<Voucher | null> {
    return scope.em.findOne(Voucher, { affiliate: accountId }, { orderBy: { id: 'asc' } });
  }

  /**
   * A new voucher with the rules the caller validated. The caller also checked the code is free
   * (`codeTaken`): a raced duplicate reaches it as the unique violation, for it to answer.
   */
  async create(scope: Scope, rule: VoucherRule, extras: VoucherExtras): Promise<Voucher> {
    const voucher = scope.em.create(Voucher, {
      tenant: scope.tenant.id,
      ...rule,
      ...extras,
      description: extras.description ?? null,
      createdAt: scope.now,
    });
    await scope.em.flush();
    return voucher;
  }

  /** Changes a voucher's code, discount or affiliate commission (a new code checked as for `create`). */
  async update(scope: Scope, voucherId: number, changes: VoucherChanges): Promise<Voucher> {
    const voucher = await scope.em.findOneOrFail(Voucher, { id: voucherId });
    Object.assign(voucher, changes);
    await scope.em.flush();
    return voucher;
  }

  async usage(scope: Scope, voucher: Voucher, accountId: number | null): Promise<VoucherUsage> {
    const customerUses =
      accountId === null
        ? 0
        : await scope.em.count(VoucherRedemption, {
            voucher: voucher.id,
            account: accountId,
            status: 'active',
          });
    return { totalUses: voucher.usedCount, customerUses };
  }

  async evaluate(
    scope: Scope,
    voucher: Voucher,
    accountId: number | null,
    amounts: VoucherAmounts,
  ): Promise<VoucherEvaluation> {
    return evaluateVoucher(toVoucherRule(voucher), {
      ...amounts,
      now: scope.now,
      usage: await this.usage(scope, voucher, accountId),
    });
  }

  /** The voucher and its discount, or the rule's refusal thrown (400 VOUCHER_EXPIRED, 404 VOUCHER_NOT_FOUND, ...). */
  async check(
    scope: Scope,
    accountId: number,
    code: string,
    amounts: VoucherAmounts,
  ): Promise<AppliedVoucher> {
    const voucher = await this.find(scope, code);
    if (!voucher) throw voucherNotFound();
    const result = await this.evaluate(scope, voucher, accountId, amounts);
    if (!result.ok) throw voucherError(result.reason, result.message);
    return { voucher, discountAmount: result.discountAmount, shippingDiscount: result.shippingDiscount };
  }

  /**
   * Public vouchers this customer could use now: active, in their window, under the global limit,
   * with uses left for the customer. The minimum purchase is not judged (there is no cart here).
   */
  async available(scope: Scope, accountId: number): Promise<AvailableVoucher[]> {
    const vouchers = await scope.em.find(
      Voucher,
      { active: true, isPublic: true },
      { orderBy: { endsAt: 'asc nulls last', code: 'asc' } },
    );
    if (vouchers.length === 0) return [];
    const rows = await scope.em.execute<{ voucher_id: number; uses: number }[]>(
      `select voucher_id, count(*)::int as uses from voucher_redemption
       where tenant_id = ? and account_id = ? and status = 'active' group by voucher_id`,
      [scope.tenant.id, accountId],
    );
    const uses = new Map(rows.map((r) => [r.voucher_id, r.uses]));
    return vouchers.flatMap((voucher) => {
      const customerUses = uses.get(voucher.id) ?? 0;
      const rule = toVoucherRule(voucher);
      // Priced at exactly the minimum purchase, so only the rules that do not depend on a cart decide.
      const result = evaluateVoucher(rule, {
        subtotal: rule.minPurchaseAmount,
        shippingCost: 0,
        now: scope.now,
        usage: { totalUses: voucher.usedCount, customerUses },
      });
      if (!result.ok) return [];
      const usageRemaining =
        rule.perCustomerLimit === null ? null : Math.max(0, rule.perCustomerLimit - customerUses);
      return [{ voucher, usageRemaining }];
    });
  }

  /**
   * Redeems `code` for an order, inside the checkout's transaction (a refusal throws, and rolling the
   * transaction back undoes the claim). The use is claimed by a conditional update, so the global limit
   * holds under concurrent checkouts; that update also locks the voucher row until commit, so the
   * customer's count read after it is current and the per-customer limit holds too. The rule is read
   * again under that lock, so an edit of the voucher lands wholly before or wholly after this order.
   */
  async redeem(
    tx: Scope,
    input: { code: string; accountId: number; orderId: number } & VoucherAmounts,
  ): Promise<AppliedVoucher> {
    const found = await this.find(tx, input.code);
    if (!found) throw voucherNotFound();
    const [claimed] = await tx.em.execute<{ used_count: number }[]>(
      `update voucher set used_count = used_count + 1
       where id = ? and tenant_id = ? and (usage_limit is null or used_count < usage_limit)
       returning used_count`,
      [found.id, tx.tenant.id],
    );
    // Judged as the row is now, under the lock the claim holds: an administrator's edit or switch-off
    // that committed after the lookup above applies to this checkout, not only to the next one.
    const voucher = (await tx.em.findOne(Voucher, { id: found.id }, { refresh: true })) ?? found;
    const customerUses = await tx.em.count(VoucherRedemption, {
      voucher: voucher.id,
      account: input.accountId,
      status: 'active',
    });
    const result = evaluateVoucher(toVoucherRule(voucher), {
      subtotal: input.subtotal,
      shippingCost: input.shippingCost,
      now: tx.now,
      // Not claimed: the global limit was reached by the time the update ran.
      usage: { totalUses: claimed ? claimed.used_count - 1 : (voucher.usageLimit ?? 0), customerUses },
    });
    if (!result.ok) throw voucherError(result.reason, result.message);
    if (!claimed) throw voucherNotFound(); // only when the voucher vanished meanwhile
    await tx.em.insert(VoucherRedemption, {
      tenant: tx.tenant.id,
      voucher: voucher.id,
      account: input.accountId,
      orderId: input.orderId,
      status: 'active',
      createdAt: tx.now,
    });
    return { voucher, discountAmount: result.discountAmount, shippingDiscount: result.shippingDiscount };
  }

  /** Gives an order's voucher use back (order cancelled or its payment failed); idempotent. */
  async release(tx: Scope, orderId: number): Promise<void> {
    await tx.em.execute(
      `with voided as (
         update voucher_redemption set status = 'void'
         where tenant_id = ? and order_id = ? and status = 'active' returning voucher_id)
       update voucher v set used_count = greatest(v.used_count - 1, 0)
       from voided where v.id = voided.voucher_id`,
      [tx.tenant.id, orderId],
    );
  }
}
