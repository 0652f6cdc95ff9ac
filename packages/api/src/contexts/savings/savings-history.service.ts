import { type PageWindow, pageWindow } from '@komisi/domain';
import type { FilterQuery } from '@mikro-orm/core';
import { type Scope, toSafeInteger } from '../../kernel/scope.ts';
import type { IdentityService } from '../identity/identity.service.ts';
import { isUuid, transactionNotFound } from './owned-accounts.ts';
import { SavingsAccount } from './savings-account.entity.ts';
import type { SavingsAccountsService } from './savings-accounts.service.ts';
import type { SavingsProduct } from './savings-product.entity.ts';
import {
  SavingsTransaction,
  type SavingsTransactionCategory,
  type SavingsTransactionStatus,
} from './savings-transaction.entity.ts';

export interface TransactionFilter {
  /** one of the member's accounts, by public id */
  accountId?: string | undefined;
  category?: SavingsTransactionCategory | undefined;
  status?: SavingsTransactionStatus | undefined;
  /** created at or after */
  from?: Date | undefined;
  /** created before */
  until?: Date | undefined;
  page: number;
  limit: number;
}

/** A transaction with the account and product it belongs to, as answers show them. */
export interface TransactionView {
  transaction: SavingsTransaction;
  account: SavingsAccount;
  product: SavingsProduct;
}

export interface TransactionDetail extends TransactionView {
  /** the administrator who decided it (null: nobody yet, or the gateway) */
  processorName: string | null;
}

/** What a member reads of their savings: transactions, their details, per-account totals. */
export class SavingsHistoryService {
  readonly #accounts: SavingsAccountsService;
  readonly #identity: IdentityService;

  constructor(deps: { accounts: SavingsAccountsService; identity: IdentityService }) {
    this.#accounts = deps.accounts;
    this.#identity = deps.identity;
  }

  /**
   * The member's transactions, newest first, filtered; an account that is not theirs lists nothing.
   * One range scan of the (tenant, owner, created_at) index, whatever their number.
   */
  async list(
    scope: Scope,
    ownerAccountId: number,
    filter: TransactionFilter,
  ): Promise<{ items: TransactionView[]; window: PageWindow }> {
    const accounts = await scope.em.find(SavingsAccount, { owner: ownerAccountId });
    const where: FilterQuery<SavingsTransaction> = { owner: ownerAccountId };
    if (filter.accountId !== undefined) {
      where.savingsAccount = accounts.find((a) => a.publicId === filter.accountId)?.id ?? 0;
    }
    if (filter.category) where.category = filter.category;
    if (filter.status) where.status = filter.status;
    if (filter.from || filter.until) {
      where.createdAt = {
        ...(filter.from && { $gte: filter.from }),
        ...(filter.until && { $lt: filter.until }),
      };
    }
    const total = await scope.em.count(SavingsTransaction, where);
    const window = pageWindow(total, filter.page, filter.limit);
    const rows = await scope.em.find(SavingsTransaction, where, {
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      limit: window.limit,
      offset: window.offset,
    });
    return { items: await this.#withAccounts(scope, rows, accounts), window };
  }

  /** One transaction of the member (`ownerAccountId`), or of anyone (null: an administrator); else 404. */
  async detail(scope: Scope, ownerAccountId: number | null, publicId: string): Promise<TransactionDetail> {
    const transaction = isUuid(publicId)
      ? await scope.em.findOne(
          SavingsTransaction,
          { publicId, ...(ownerAccountId !== null && { owner: ownerAccountId }) },
          // what a decision in the same request just changed, not the copy read before it
          { refresh: true },
        )
      : null;
    if (!transaction) throw transactionNotFound();
    const accounts = await scope.em.find(SavingsAccount, { id: transaction.savingsAccount });
    const [view] = await this.#withAccounts(scope, [transaction], accounts);
    const processor =
      transaction.processedBy == null
        ? null
        : await this.#identity.findAccount(scope, transaction.processedBy);
    return { ...view!, processorName: processor?.name ?? null };
  }

  /** When each of the member's accounts last moved (its latest completed transaction), by account id. */
  async lastMovements(scope: Scope, ownerAccountId: number): Promise<Map<number, Date>> {
    const rows = await scope.em.execute<{ savings_account_id: number; at: Date }[]>(
      `select savings_account_id, max(processed_at) as at from savings_transaction
       where tenant_id = ? and owner_account_id = ? and status = 'completed' group by savings_account_id`,
      [scope.tenant.id, ownerAccountId],
    );
    return new Map(rows.map((r) => [r.savings_account_id, new Date(r.at)]));
  }

  /** The interest an account has been credited so far. */
  async interestEarned(scope: Scope, savingsAccountId: number): Promise<number> {
    const [row] = await scope.em.execute<{ total: string | null }[]>(
      `select sum(amount) as total from savings_transaction
       where tenant_id = ? and savings_account_id = ? and category = 'interest' and status = 'completed'`,
      [scope.tenant.id, savingsAccountId],
    );
    return toSafeInteger(row?.total ?? 0);
  }

  async #withAccounts(
    scope: Scope,
    rows: SavingsTransaction[],
    accounts: SavingsAccount[],
  ): Promise<TransactionView[]> {
    const products = new Map((await this.#accounts.products(scope)).map((p) => [p.id, p]));
    const byId = new Map(accounts.map((a) => [a.id, a]));
    return rows.map((transaction) => {
      const account = byId.get(transaction.savingsAccount)!;
      return { transaction, account, product: products.get(account.product)! };
    });
  }
}
