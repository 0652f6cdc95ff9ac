import { randomUUID } from 'node:crypto';
import {
  DEFAULT_SAVINGS_PRODUCTS,
  formatYearNumber,
  type SavingsCode,
  type SavingsProductTerms,
  yearCounterName,
} from '@komisi/domain';
import type { Scope } from '../../kernel/scope.ts';
import type { LedgerService } from '../ledger/ledger.service.ts';
import { nextSequence } from '../tenancy/tenant.service.ts';
import { SavingsAccount } from './savings-account.entity.ts';
import { savingsLedger } from './savings-ledger.ts';
import { SavingsProduct } from './savings-product.entity.ts';

export interface OpenedSavingsAccount {
  account: SavingsAccount;
  product: SavingsProduct;
  balance: number;
}

/** Virtual account numbers: 16 digits, `8801` then the account's tenant-wide sequence. */
const VIRTUAL_ACCOUNT_PREFIX = '8801';
const VIRTUAL_ACCOUNT_COUNTER = 'savings-virtual-account';

/** The year of `now` where the tenant is: numbers restart each local new year. */
export function localYear(now: Date, timeZone: string): number {
  return Number(new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric' }).format(now));
}

/** A tenant's savings products, and each member's accounts of them with their balances. */
export class SavingsAccountsService {
  readonly #ledger: LedgerService;

  constructor(ledger: LedgerService) {
    this.#ledger = ledger;
  }

  /** Creates the tenant's products once (a new tenant's setup); existing ones are left as they are. */
  async installProducts(scope: Scope, terms: readonly SavingsProductTerms[] = DEFAULT_SAVINGS_PRODUCTS) {
    for (const t of terms) {
      await scope.em.execute(
        `insert into savings_product (tenant_id, public_id, code, name, description, minimum_amount,
           is_withdrawable, is_mandatory, interest_rate_bp, deposit_schedule, created_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (tenant_id, code) do nothing`,
        [
          scope.tenant.id,
          randomUUID(),
          t.code,
          t.name,
          t.description,
          t.minimumAmount,
          t.isWithdrawable,
          t.isMandatory,
          t.interestRateBp,
          t.depositSchedule,
          scope.now,
        ],
      );
    }
  }

  async products(scope: Scope): Promise<SavingsProduct[]> {
    return scope.em.find(SavingsProduct, {}, { orderBy: { id: 'asc' } });
  }

  async productByCode(scope: Scope, code: SavingsCode): Promise<SavingsProduct | null> {
    return scope.em.findOne(SavingsProduct, { code });
  }

  /**
   * Opens the member's account of every product they do not hold yet (all three at registration),
   * in product order; call inside the registration's transaction.
   */
  async openAccounts(scope: Scope, ownerAccountId: number): Promise<OpenedSavingsAccount[]> {
    const products = await this.products(scope);
    const held = new Set(
      (await scope.em.find(SavingsAccount, { owner: ownerAccountId })).map((a) => a.product),
    );
    const year = localYear(scope.now, scope.tenant.timeZone);
    for (const product of products) {
      if (held.has(product.id)) continue;
      const number = await nextSequence(scope, yearCounterName('SA', year));
      const va = await nextSequence(scope, VIRTUAL_ACCOUNT_COUNTER);
      scope.em.create(SavingsAccount, {
        tenant: scope.tenant.id,
        publicId: randomUUID(),
        owner: ownerAccountId,
        product: product.id,
        accountNumber: formatYearNumber('SA', year, number, 6),
        virtualAccountNumber: `${VIRTUAL_ACCOUNT_PREFIX}${String(va).padStart(12, '0')}`,
        openedAt: scope.now,
        createdAt: scope.now,
        updatedAt: scope.now,
      });
    }
    await scope.em.flush();
    return this.accountsOf(scope, ownerAccountId);
  }

  /** The member's accounts in product order, with their ledger balances. */
  async accountsOf(scope: Scope, ownerAccountId: number): Promise<OpenedSavingsAccount[]> {
    const [accounts, products] = await Promise.all([
      scope.em.find(SavingsAccount, { owner: ownerAccountId }, { orderBy: { product: 'asc' } }),
      this.products(scope),
    ]);
    const byId = new Map(products.map((p) => [p.id, p]));
    const balances = await this.#ledger.balances(scope, accounts.map(savingsLedger));
    return accounts.map((account, i) => ({
      account,
      product: byId.get(account.product)!,
      balance: balances[i]!,
    }));
  }
}
