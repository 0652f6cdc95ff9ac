import {
  DomainError,
  normalizeVoucherCode,
  openVoucherRule,
  type PageWindow,
  pageWindow,
} from '@komisi/domain';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { inTransaction, type Scope } from '../../kernel/scope.ts';
import { Voucher } from '../commerce/vouchers/voucher.entity.ts';
import type { VoucherChanges, VouchersService } from '../commerce/vouchers/vouchers.service.ts';
import { Account } from '../identity/account.entity.ts';
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

export interface AffiliateListQuery {
  page: number;
  limit: number;
  /** part of the name, the email or the voucher code */
  search?: string;
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

  /**
   * The tenant's affiliates, newest first, each with its voucher (its first, as `get` reads it);
   * `search` matches part of the name, the email or the code, case aside.
   */
  async list(
    scope: Scope,
    q: AffiliateListQuery,
  ): Promise<{ affiliates: AffiliateView[]; window: PageWindow }> {
    pageWindow(0, q.page, q.limit); // validates page and limit before any query
    const where = ['a.tenant_id = ?', '? = any(a.roles)'];
    const params: unknown[] = [scope.tenant.id, AFFILIATE_ROLE];
    const search = q.search?.trim();
    if (search) {
      const like = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      where.push(
        `(a.name ilike ? or a.email ilike ? or exists (select 1 from voucher v
           where v.tenant_id = a.tenant_id and v.affiliate_account_id = a.id and v.code ilike ?))`,
      );
      params.push(like, like, like);
    }
    const filter = where.join(' and ');
    const [counted] = await scope.em.execute<{ n: number }[]>(
      `select count(*)::int as n from account a where ${filter}`,
      params,
    );
    const window = pageWindow(counted?.n ?? 0, q.page, q.limit);
    const rows = await scope.em.execute<Record<string, unknown>[]>(
      `select a.* from account a where ${filter} order by a.created_at desc, a.id desc limit ? offset ?`,
      [...params, window.limit, window.offset],
    );
    const accounts = rows.map((row) => scope.em.map(Account, row));
    const vouchers = accounts.length
      ? await scope.em.find(
          Voucher,
          { affiliate: { $in: accounts.map((a) => a.id) } },
          { orderBy: { id: 'asc' } },
        )
      : [];
    const first = new Map<number, Voucher>();
    for (const v of vouchers) if (v.affiliate != null && !first.has(v.affiliate)) first.set(v.affiliate, v);
    return {
      affiliates: accounts.map((account) => ({ account, voucher: first.get(account.id) ?? null })),
      window,
    };
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
