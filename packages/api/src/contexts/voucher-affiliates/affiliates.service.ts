import { DomainError, normalizeVoucherCode, openVoucherRule } from '@komisi/domain';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { inTransaction, type Scope } from '../../kernel/scope.ts';
import type { Voucher } from '../commerce/vouchers/voucher.entity.ts';
import type { VoucherChanges, VouchersService } from '../commerce/vouchers/vouchers.service.ts';
import type { Account } from '../identity/account.entity.ts';
import { type IdentityService, normalizeEmail } from '../identity/identity.service.ts';

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

/**
 * Voucher-code affiliates' accounts and their vouchers (admin). The account is identity's and the
 * voucher commerce's: both are written through their services, in one transaction.
 */
export class AffiliatesService {
  readonly #identity: IdentityService;
  readonly #vouchers: VouchersService;

  constructor(deps: { identity: IdentityService; vouchers: VouchersService }) {
    this.#identity = deps.identity;
    this.#vouchers = deps.vouchers;
  }

  /** A new affiliate account and its voucher, in one transaction. A taken email or code: CONFLICT. */
  create(scope: Scope, input: AffiliateInput): Promise<AffiliateView> {
    return inTransaction(scope, async (tx) => {
      const email = normalizeEmail(input.email);
      const code = normalizeVoucherCode(input.voucherCode);
      await this.#assertFree(tx, { email, code }, null);
      return raced(async () => {
        const account = await this.#identity.addAccount(tx, {
          email,
          password: input.password,
          name: input.name,
          roles: [AFFILIATE_ROLE],
        });
        const voucher = await this.#newVoucher(tx, account, code, input.discountBps, input.commissionBps);
        return { account, voucher };
      });
    });
  }

  /** Changes only the fields given, in one transaction; a voucher is added if the affiliate has none. */
  update(scope: Scope, accountId: number, changes: Partial<AffiliateInput>): Promise<AffiliateView> {
    return inTransaction(scope, async (tx) => {
      const view = await this.get(tx, accountId);
      const email = changes.email === undefined ? undefined : normalizeEmail(changes.email);
      const code = changes.voucherCode === undefined ? undefined : normalizeVoucherCode(changes.voucherCode);
      await this.#assertFree(tx, { email, code }, view);
      const { voucher } = view;
      if (
        !voucher &&
        code === undefined &&
        (changes.discountBps !== undefined || changes.commissionBps !== undefined)
      ) {
        throw new DomainError('VALIDATION_ERROR', 'voucher_code is required', {
          fields: { voucher_code: ['is required: the affiliate has no voucher yet'] },
        });
      }
      return raced(async () => {
        const account = await this.#identity.editAccount(tx, accountId, {
          name: changes.name,
          email,
          password: changes.password,
        });
        if (!voucher) {
          const added =
            code === undefined
              ? null
              : await this.#newVoucher(
                  tx,
                  account,
                  code,
                  changes.discountBps ?? 0,
                  changes.commissionBps ?? 0,
                );
          return { account, voucher: added };
        }
        const voucherChanges: VoucherChanges = {
          ...(code !== undefined && { code }),
          ...(changes.discountBps !== undefined && {
            discountType: 'percentage' as const,
            discountValue: changes.discountBps,
          }),
          ...(changes.commissionBps !== undefined && { affiliateCommissionBps: changes.commissionBps }),
        };
        return { account, voucher: await this.#vouchers.update(tx, voucher.id, voucherChanges) };
      });
    });
  }

  async get(scope: Scope, accountId: number): Promise<AffiliateView> {
    const account = await this.#identity.findAccount(scope, accountId);
    if (!account?.roles.includes(AFFILIATE_ROLE)) {
      throw new DomainError('NOT_FOUND', 'Affiliate not found');
    }
    return { account, voucher: await this.#vouchers.ofAffiliate(scope, accountId) };
  }

  async #assertFree(
    scope: Scope,
    { email, code }: { email: string | undefined; code: string | undefined },
    self: AffiliateView | null,
  ): Promise<void> {
    if (email !== undefined) {
      const other = await this.#identity.accountIdByEmail(scope, email);
      if (other !== null && other !== self?.account.id) throw conflict('email', 'email is already taken');
    }
    if (code !== undefined && (await this.#vouchers.codeTaken(scope, code, self?.voucher?.id ?? null))) {
      throw conflict('voucher_code', 'voucher_code is already taken');
    }
  }

  /** An affiliate's code: a private percentage voucher that credits the affiliate on paid orders. */
  #newVoucher(
    tx: Scope,
    account: Account,
    code: string,
    discountBps: number,
    commissionBps: number,
  ): Promise<Voucher> {
    return this.#vouchers.create(tx, openVoucherRule(code, 'percentage', discountBps), {
      name: `Affiliate ${account.name.trim()}`.slice(0, 200),
      isPublic: false,
      affiliate: account.id,
      affiliateCommissionBps: commissionBps,
    });
  }
}

/** The writes, with a concurrent create that took the email or the code after our check answered as CONFLICT. */
async function raced<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    if (e instanceof UniqueConstraintViolationException) {
      throw new DomainError('CONFLICT', 'email or voucher_code is already taken');
    }
    throw e;
  }
}

function conflict(field: string, message: string): DomainError {
  return new DomainError('CONFLICT', message, { fields: { [field]: [message] } });
}
