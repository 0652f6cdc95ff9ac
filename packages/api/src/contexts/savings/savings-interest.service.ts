import { addMonths, interestForMonth, previousMonth, type SavingsCode } from '@komisi/domain';
import type { Scope } from '../../kernel/scope.ts';
import type { LedgerService } from '../ledger/ledger.service.ts';
import { dailyBalances } from './daily-balances.ts';
import type { SavingsCreditsService } from './savings-credits.service.ts';
import { SavingsCompanyAccounts } from './savings-ledger.ts';
import { localMonth, monthBounds } from './savings-settings.ts';

interface DueAccount {
  id: number;
  owner_account_id: number;
  code: SavingsCode;
  interest_rate_bp: number;
}

const BATCH = 200;

const maxMonth = (a: string, b: string) => (a > b ? a : b);

/**
 * Monthly interest on interest-bearing savings (Simpanan Sukarela at 6% a year by default), by the
 * daily-balance method, credited at the start of the next month. Once per account and month: the
 * credit's idempotency key, and `last_interest_calculated_at` moved to the month's end (what marks
 * an account done, so a run picks up only the accounts still due).
 */
export class SavingsInterestService {
  readonly #ledger: LedgerService;
  readonly #credits: SavingsCreditsService;

  constructor(deps: { ledger: LedgerService; credits: SavingsCreditsService }) {
    this.#ledger = deps.ledger;
    this.#credits = deps.credits;
  }

  /**
   * What a run at `scope.now` credits: the tenant's previous local month, after any earlier month a
   * missed run left (oldest first, at most a year back); returns how many accounts it settled.
   */
  async creditDue(scope: Scope): Promise<number> {
    const last = previousMonth(localMonth(scope.now, scope.tenant.timeZone));
    const [row] = await scope.em.execute<{ since: Date | null }[]>(
      `select min(coalesce(a.last_interest_calculated_at, a.opened_at)) as since
       from savings_account a join savings_product p on p.id = a.product_id
       where a.tenant_id = ? and p.interest_rate_bp > 0 and a.status <> 'closed'`,
      [scope.tenant.id],
    );
    if (!row?.since) return 0;
    const oldest = localMonth(new Date(row.since), scope.tenant.timeZone);
    let processed = 0;
    for (let month = maxMonth(oldest, addMonths(last, -11)); month <= last; month = addMonths(month, 1)) {
      processed += await this.creditMonth(scope, month);
    }
    return processed;
  }

  /** Credits `month`'s interest to every account not yet done for it; returns how many it settled. */
  async creditMonth(scope: Scope, month: string): Promise<number> {
    const { start, end } = await monthBounds(scope, month);
    let after = 0;
    let processed = 0;
    for (;;) {
      const batch = await this.#dueAccounts(scope, end, after);
      if (batch.length === 0) return processed;
      const balances = await dailyBalances(
        scope,
        this.#ledger,
        batch.map((a) => ({ id: a.id, owner: a.owner_account_id })),
        month,
        start,
      );
      for (const account of batch) {
        const interest = interestForMonth(month, balances.get(account.id)!, account.interest_rate_bp);
        if (interest > 0) {
          await this.#credits.credit(scope, {
            ownerAccountId: account.owner_account_id,
            productCode: account.code,
            typeCode: `${account.code}_INTEREST`,
            category: 'interest',
            amount: interest,
            description: `Bunga simpanan ${month}`,
            idempotencyKey: `interest:${account.id}:${month}`,
            from: SavingsCompanyAccounts.interestExpense,
          });
        }
        await scope.em.execute(
          `update savings_account set last_interest_calculated_at = ?, updated_at = ?
           where tenant_id = ? and id = ? and (last_interest_calculated_at is null or last_interest_calculated_at < ?)`,
          [end, scope.now, scope.tenant.id, account.id, end],
        );
        processed++;
      }
      after = batch.at(-1)!.id;
    }
  }

  /** Interest-bearing accounts opened before `end` whose interest was last calculated before it. */
  async #dueAccounts(scope: Scope, end: Date, after: number): Promise<DueAccount[]> {
    return scope.em.execute<DueAccount[]>(
      `select a.id, a.owner_account_id, p.code, p.interest_rate_bp
       from savings_account a join savings_product p on p.id = a.product_id
       where a.tenant_id = ? and p.interest_rate_bp > 0 and a.status <> 'closed' and a.id > ?
         and coalesce(a.last_interest_calculated_at, a.opened_at) < ?
       order by a.id limit ?`,
      [scope.tenant.id, after, end, BATCH],
    );
  }
}
