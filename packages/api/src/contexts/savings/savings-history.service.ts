import { type PageWindow, pageWindow } from '@komisi/domain';
import { boundRows, sql } from '../../kernel/bound-sql.ts';
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

/** A row of the member's transaction list: the transaction with its account's number and product's name. */
export interface TransactionListItem {
  publicId: string;
  transactionNumber: string;
  typeCode: string;
  category: SavingsTransactionCategory;
  amount: number;
  description: string | null;
  balanceBefore: number;
  balanceAfter: number;
  paymentMethod: string | null;
  paymentReference: string | null;
  status: SavingsTransactionStatus;
  processedAt: Date | null;
  createdAt: Date;
  account: { publicId: string; accountNumber: string };
  productName: string;
}

/** The list's statement's row: the count on every row, the page's columns null when the page is empty. */
interface ListRow {
  total: string | number;
  public_id: string | null;
  transaction_number: string;
  type_code: string;
  category: SavingsTransactionCategory;
  amount: string | number;
  description: string | null;
  balance_before: string | number;
  balance_after: string | number;
  payment_method: string | null;
  payment_reference: string | null;
  status: SavingsTransactionStatus;
  processed_at: Date | string | null;
  created_at: Date | string;
  account_public_id: string;
  account_number: string;
  product_name: string;
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
   * One statement of plain rows (the count and the page, with each row's account and product): two
   * range scans of the (tenant, owner, created_at) index, whatever their number.
   */
  async list(
    scope: Scope,
    ownerAccountId: number,
    filter: TransactionFilter,
  ): Promise<{ items: TransactionListItem[]; window: PageWindow }> {
    const tenantId = scope.tenant.id;
    const where = [sql`t.tenant_id = ${tenantId}`, sql`t.owner_account_id = ${ownerAccountId}`];
    if (filter.accountId !== undefined) {
      // null (matching nothing) for an account that is not theirs, or no account id at all
      const publicId = isUuid(filter.accountId) ? filter.accountId : null;
      where.push(
        sql`t.savings_account_id = (select id from savings_account where tenant_id = ${tenantId} and owner_account_id = ${ownerAccountId} and public_id = ${publicId})`,
      );
    }
    if (filter.category) where.push(sql`t.category = ${filter.category}`);
    if (filter.status) where.push(sql`t.status = ${filter.status}`);
    if (filter.from) where.push(sql`t.created_at >= ${filter.from}`);
    if (filter.until) where.push(sql`t.created_at < ${filter.until}`);
    const matching = sql.join(where, sql` and `);
    // the page's bounds are checked before the statement; its count comes with the rows
    const { limit, offset } = pageWindow(0, filter.page, filter.limit);
    const rows = await boundRows<ListRow>(
      scope,
      sql`select c.total, t.public_id, t.transaction_number, t.type_code, t.category, t.amount, t.description,
         t.balance_before, t.balance_after, t.payment_method, t.payment_reference, t.status, t.processed_at,
         t.created_at, a.public_id as account_public_id, a.account_number, p.name as product_name
       from (select count(*) as total from savings_transaction t where ${matching}) c
       left join lateral (
         select t.* from savings_transaction t where ${matching}
         order by t.created_at desc, t.id desc limit ${limit} offset ${offset}) t on true
       left join savings_account a on a.tenant_id = t.tenant_id and a.id = t.savings_account_id
       left join savings_product p on p.tenant_id = a.tenant_id and p.id = a.product_id
       order by t.created_at desc, t.id desc`,
    );
    const window = pageWindow(toSafeInteger(rows[0]?.total ?? 0), filter.page, filter.limit);
    const items = rows
      .filter((r) => r.public_id !== null)
      .map((r) => ({
        publicId: r.public_id!,
        transactionNumber: r.transaction_number,
        typeCode: r.type_code,
        category: r.category,
        amount: toSafeInteger(r.amount),
        description: r.description,
        balanceBefore: toSafeInteger(r.balance_before),
        balanceAfter: toSafeInteger(r.balance_after),
        paymentMethod: r.payment_method,
        paymentReference: r.payment_reference,
        status: r.status,
        processedAt: r.processed_at === null ? null : new Date(r.processed_at),
        createdAt: new Date(r.created_at),
        account: { publicId: r.account_public_id, accountNumber: r.account_number },
        productName: r.product_name,
      }));
    return { items, window };
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
