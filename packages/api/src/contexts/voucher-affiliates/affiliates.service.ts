import { DomainError, normalizeVoucherCode } from '@komisi/domain';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { hashPassword } from '../../kernel/auth/password.ts';
import { type Scope, toSafeInteger } from '../../kernel/scope.ts';
import { Voucher } from '../commerce/voucher.entity.ts';
import { Account } from '../identity/account.entity.ts';
import { normalizeEmail } from '../identity/identity.service.ts';
import { SOLD_STATUSES } from './affiliate-commissions.service.ts';

export const AFFILIATE_ROLE = 'affiliate_marketer' as const;

export interface AffiliateTotals {
  totalCommission: number;
  totalOrders: number;
  totalAmountSold: number;
}

export interface ProductSold {
  productId: number;
  productName?: string;
  quantity: number;
  totalAmount: number;
}

/** Bounds on an order's paid time (`until` exclusive); null = all time. */
export type Period = { from: Date; until: Date } | null;

export interface AffiliateInput {
  name: string;
  email: string;
  password: string;
  voucherCode: string;
  discountBps: number;
  commissionBps: number;
}

export interface AffiliateView {
  account: Account;
  voucher: Voucher | null;
}

const SOLD = SOLD_STATUSES.map((s) => `'${s}'`).join(', ');

/**
 * The affiliate's orders: sold (paid, not cancelled/refunded), attributed to them by `order.affiliate`
 * or, when that is null, by the affiliate of the voucher the order's code names.
 */
const AFFILIATE_ORDERS = `
  select o.* from customer_order o
  left join voucher v on v.tenant_id = o.tenant_id and v.code = o.voucher_code
  where o.tenant_id = ? and o.status in (${SOLD})
    and coalesce(o.affiliate_account_id, v.affiliate_account_id) = ?
    and (?::timestamptz is null or coalesce(o.paid_at, o.created_at) >= ?::timestamptz)
    and (?::timestamptz is null or coalesce(o.paid_at, o.created_at) < ?::timestamptz)`;

function periodParams(scope: Scope, accountId: number, period: Period): unknown[] {
  const from = period?.from ?? null;
  const until = period?.until ?? null;
  return [scope.tenant.id, accountId, from, from, until, until];
}

/** Affiliate accounts (admin) and each affiliate's read-only view of their sales and earnings. */
export class AffiliatesService {
  async totals(scope: Scope, accountId: number, period: Period): Promise<AffiliateTotals> {
    const params = periodParams(scope, accountId, period);
    const [row] = await scope.em.execute<
      { orders: number; sold: string | null; commission: string | null }[]
    >(
      `with orders as (${AFFILIATE_ORDERS})
       select (select count(*)::int from orders) as orders,
              (select sum(coalesce(subtotal, total_amount) + shipping_cost)::text from orders) as sold,
              (select sum(c.amount)::text from commission c join orders o on o.id = c.reference_id
                where c.tenant_id = ? and c.kind = 'affiliate' and c.reference_type = 'order'
                  and c.beneficiary_id = ? and c.reversed_at is null) as commission`,
      [...params, scope.tenant.id, accountId],
    );
    return {
      totalCommission: toSafeInteger(row?.commission ?? 0),
      totalOrders: row?.orders ?? 0,
      totalAmountSold: toSafeInteger(row?.sold ?? 0),
    };
  }

  /**
   * Per product: quantity and the line amounts after the order's item discount, which is allocated
   * to the lines in proportion to their amounts, each share rounded down (shipping is not a product).
   */
  async productsSold(scope: Scope, accountId: number, period: Period): Promise<ProductSold[]> {
    const rows = await scope.em.execute<
      { product_id: number; product_name: string | null; quantity: string; total: string }[]
    >(
      `with orders as (${AFFILIATE_ORDERS})
       select i.product_id, coalesce(max(p.name), max(i.product_name)) as product_name,
              sum(i.quantity)::text as quantity,
              sum(i.amount - case when coalesce(o.subtotal, 0) > 0
                                  then (least(o.discount, o.subtotal) * i.amount) / o.subtotal else 0 end)::text as total
         from orders o
         join order_item i on i.tenant_id = o.tenant_id and i.order_id = o.id
         left join product p on p.id = i.product_id
        group by i.product_id
        order by sum(i.quantity) desc, i.product_id`,
      periodParams(scope, accountId, period),
    );
    return rows.map((r) => ({
      productId: r.product_id,
      ...(r.product_name !== null && { productName: r.product_name }),
      quantity: toSafeInteger(r.quantity),
      totalAmount: toSafeInteger(r.total),
    }));
  }

  // --- admin ---

  async create(scope: Scope, input: AffiliateInput): Promise<AffiliateView> {
    const email = normalizeEmail(input.email);
    const code = normalizeVoucherCode(input.voucherCode);
    await this.#assertFree(scope, { email, code }, null);
    const account = scope.em.create(Account, {
      tenant: scope.tenant.id,
      email,
      name: input.name.trim(),
      phone: null,
      passwordHash: await hashPassword(input.password),
      roles: [AFFILIATE_ROLE],
      emailVerifiedAt: null,
      createdAt: scope.now,
    });
    await this.#flush(scope);
    const voucher = newAffiliateVoucher(
      scope,
      account.id,
      code,
      input.name,
      input.discountBps,
      input.commissionBps,
    );
    await this.#flush(scope);
    return { account, voucher };
  }

  async update(scope: Scope, accountId: number, changes: Partial<AffiliateInput>): Promise<AffiliateView> {
    const view = await this.get(scope, accountId);
    const { account } = view;
    const email = changes.email === undefined ? undefined : normalizeEmail(changes.email);
    const code = changes.voucherCode === undefined ? undefined : normalizeVoucherCode(changes.voucherCode);
    await this.#assertFree(scope, { email, code }, view);
    if (changes.name !== undefined) account.name = changes.name.trim();
    if (email !== undefined) account.email = email;
    if (changes.password !== undefined) account.passwordHash = await hashPassword(changes.password);
    let voucher = view.voucher;
    if (
      !voucher &&
      (code !== undefined || changes.discountBps !== undefined || changes.commissionBps !== undefined)
    ) {
      if (code === undefined)
        throw new DomainError('VALIDATION_ERROR', 'voucher_code is required', {
          fields: { voucher_code: ['is required: the affiliate has no voucher yet'] },
        });
      voucher = newAffiliateVoucher(
        scope,
        account.id,
        code,
        account.name,
        changes.discountBps ?? 0,
        changes.commissionBps ?? 0,
      );
    } else if (voucher) {
      if (code !== undefined) voucher.code = code;
      if (changes.discountBps !== undefined) {
        voucher.discountType = 'percentage';
        voucher.discountValue = changes.discountBps;
      }
      if (changes.commissionBps !== undefined) voucher.affiliateCommissionBps = changes.commissionBps;
    }
    await this.#flush(scope);
    return { account, voucher };
  }

  async get(scope: Scope, accountId: number): Promise<AffiliateView> {
    const account = await scope.em.findOne(Account, { id: accountId });
    if (!account?.roles.includes(AFFILIATE_ROLE)) {
      throw new DomainError('NOT_FOUND', 'Affiliate not found');
    }
    const voucher = await scope.em.findOne(Voucher, { affiliate: accountId }, { orderBy: { id: 'asc' } });
    return { account, voucher };
  }

  async #assertFree(
    scope: Scope,
    { email, code }: { email: string | undefined; code: string | undefined },
    self: AffiliateView | null,
  ): Promise<void> {
    if (email !== undefined) {
      const other = await scope.em.findOne(Account, { email }, { fields: ['id'] });
      if (other && other.id !== self?.account.id) throw conflict('email', 'email is already taken');
    }
    if (code !== undefined) {
      const other = await scope.em.findOne(Voucher, { code }, { fields: ['id'] });
      if (other && other.id !== self?.voucher?.id)
        throw conflict('voucher_code', 'voucher_code is already taken');
    }
  }

  async #flush(scope: Scope): Promise<void> {
    try {
      await scope.em.flush();
    } catch (e) {
      // a concurrent create took the email or the code between our check and the insert
      if (e instanceof UniqueConstraintViolationException) {
        throw new DomainError('CONFLICT', 'email or voucher_code is already taken');
      }
      throw e;
    }
  }
}

function conflict(field: string, message: string): DomainError {
  return new DomainError('CONFLICT', message, { fields: { [field]: [message] } });
}

/** An affiliate's code: a private percentage voucher that credits the affiliate on paid orders. */
function newAffiliateVoucher(
  scope: Scope,
  accountId: number,
  code: string,
  name: string,
  discountBps: number,
  commissionBps: number,
): Voucher {
  return scope.em.create(Voucher, {
    tenant: scope.tenant.id,
    code,
    name: `Affiliate ${name.trim()}`.slice(0, 200),
    description: null,
    discountType: 'percentage',
    discountValue: discountBps,
    maxDiscountAmount: null,
    minPurchaseAmount: 0,
    startsAt: null,
    endsAt: null,
    usageLimit: null,
    perCustomerLimit: null,
    usedCount: 0,
    active: true,
    isPublic: false,
    affiliate: accountId,
    affiliateCommissionBps: commissionBps,
    createdAt: scope.now,
  });
}
