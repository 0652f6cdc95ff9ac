import { DomainError, normalizeVoucherCode } from '@komisi/domain';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { hashPassword } from '../../kernel/auth/password.ts';
import { inTransaction, type Scope } from '../../kernel/scope.ts';
import { Voucher } from '../commerce/voucher.entity.ts';
import { Account } from '../identity/account.entity.ts';
import { normalizeEmail } from '../identity/identity.service.ts';

export const AFFILIATE_ROLE = 'affiliate_marketer' as const;

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

/** Voucher-code affiliates' accounts and their vouchers (admin). */
export class AffiliatesService {
  /** A new affiliate account and its voucher, in one transaction. A taken email or code: CONFLICT. */
  create(scope: Scope, input: AffiliateInput): Promise<AffiliateView> {
    return inTransaction(scope, async (tx) => {
      const email = normalizeEmail(input.email);
      const code = normalizeVoucherCode(input.voucherCode);
      await this.#assertFree(tx, { email, code }, null);
      const account = tx.em.create(Account, {
        tenant: tx.tenant.id,
        email,
        name: input.name.trim(),
        phone: null,
        passwordHash: await hashPassword(input.password),
        roles: [AFFILIATE_ROLE],
        emailVerifiedAt: null,
        createdAt: tx.now,
      });
      await this.#flush(tx);
      const voucher = newAffiliateVoucher(
        tx,
        account.id,
        code,
        input.name,
        input.discountBps,
        input.commissionBps,
      );
      await this.#flush(tx);
      return { account, voucher };
    });
  }

  /** Changes only the fields given, in one transaction; a voucher is added if the affiliate has none. */
  update(scope: Scope, accountId: number, changes: Partial<AffiliateInput>): Promise<AffiliateView> {
    return inTransaction(scope, async (tx) => {
      const view = await this.get(tx, accountId);
      const { account } = view;
      const email = changes.email === undefined ? undefined : normalizeEmail(changes.email);
      const code = changes.voucherCode === undefined ? undefined : normalizeVoucherCode(changes.voucherCode);
      await this.#assertFree(tx, { email, code }, view);
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
          tx,
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
      await this.#flush(tx);
      return { account, voucher };
    });
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
