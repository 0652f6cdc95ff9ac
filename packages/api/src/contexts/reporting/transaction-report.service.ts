import {
  checkedDayRange,
  type DayRange,
  type SavingsTransactionState,
  summarize,
  type TransactionSummary,
  wholeMonthsIn,
} from '@komisi/domain';
import { type Scope, toSafeInteger } from '../../kernel/scope.ts';
import {
  SAVINGS_TRANSACTION_CATEGORIES,
  type SavingsTransactionCategory,
} from '../savings/savings-transaction.entity.ts';

export interface ReportQuery {
  /** `YYYY-MM-DD`, local days, both required (inclusive) */
  startDate: string | undefined;
  endDate: string | undefined;
  /** a type code (`SS_DEPOSIT`) or a category (`deposit`, `withdrawal`, `interest`, `bonus`) */
  transactionType?: string | undefined;
  status?: SavingsTransactionState | undefined;
}

export interface ReportFilter {
  days: DayRange;
  category?: SavingsTransactionCategory;
  typeCode?: string;
  status?: SavingsTransactionState;
}

export interface ReportRow {
  id: number;
  transactionNumber: string;
  /** null when the owner is not (or no longer) a cooperative member */
  memberNumber: string | null;
  memberName: string | null;
  typeCode: string;
  amount: number;
  status: SavingsTransactionState;
  createdAt: Date;
  processedAt: Date | null;
  /** the exact `created_at` as the database writes it: the keyset cursor of the export */
  createdKey: string;
}

/** Checks the dates (422 naming the field) and reads the type as a category or a type code. */
export function reportFilter(query: ReportQuery): ReportFilter {
  const filter: ReportFilter = { days: checkedDayRange(query.startDate, query.endDate) };
  const type = query.transactionType;
  if (type) {
    const category = type.toLowerCase() as SavingsTransactionCategory;
    if (SAVINGS_TRANSACTION_CATEGORIES.includes(category)) filter.category = category;
    else filter.typeCode = type.toUpperCase();
  }
  if (query.status) filter.status = query.status;
  return filter;
}

/** The optional filters as SQL on a table aliased `alias` (the rollup and the transactions share the columns). */
function filterSql(filter: ReportFilter, alias: string): { sql: string; params: unknown[] } {
  let sql = '';
  const params: unknown[] = [];
  const add = (column: string, value: string | undefined) => {
    if (value === undefined) return;
    sql += ` and ${alias}.${column} = ?`;
    params.push(value);
  };
  add('category', filter.category);
  add('type_code', filter.typeCode);
  add('status', filter.status);
  return { sql, params };
}

interface RowRecord {
  id: number;
  transaction_number: string;
  member_number: string | null;
  member_name: string | null;
  type_code: string;
  amount: string;
  status: SavingsTransactionState;
  created_at: Date | string;
  processed_at: Date | string | null;
  created_key: string;
}

const toRow = (r: RowRecord): ReportRow => ({
  id: r.id,
  transactionNumber: r.transaction_number,
  memberNumber: r.member_number,
  memberName: r.member_name,
  typeCode: r.type_code,
  amount: toSafeInteger(r.amount),
  status: r.status,
  createdAt: new Date(r.created_at),
  processedAt: r.processed_at === null ? null : new Date(r.processed_at),
  createdKey: r.created_key,
});

/**
 * The admins' transaction report (koperasi-sinoman §6.2.2): its summary from the monthly and daily
 * rollups (whatever the number of transactions), its rows from the transactions in creation
 * order, a page at a time or in keyset batches for an export.
 */
export class TransactionReportService {
  async summary(scope: Scope, filter: ReportFilter): Promise<TransactionSummary> {
    // the months wholly inside the range from the monthly rollup, the days around them from the daily
    const whole = wholeMonthsIn(filter.days);
    const m = filterSql(filter, 'm');
    const f = filterSql(filter, 'f');
    const rows = await scope.em.execute<{ status: SavingsTransactionState; n: string; amount: string }[]>(
      `select r.status, sum(r.transactions)::text as n, sum(r.amount)::text as amount from (
         select m.status, m.transactions, m.amount from savings_flow_monthly m
          where m.tenant_id = ? and m.month between ?::date and ?::date${m.sql}
         union all
         select f.status, f.transactions, f.amount from savings_flow_daily f
          where f.tenant_id = ? and f.day between ?::date and ?::date
            and (?::date is null or f.day not between ?::date and ?::date)${f.sql}) r
        group by r.status`,
      [
        scope.tenant.id,
        whole?.start ?? null,
        whole?.end ?? null,
        ...m.params,
        scope.tenant.id,
        filter.days.start,
        filter.days.end,
        whole?.start ?? null,
        whole?.start ?? null,
        whole?.end ?? null,
        ...f.params,
      ],
    );
    return summarize(
      rows.map((r) => ({
        state: r.status,
        transactions: toSafeInteger(r.n),
        amount: toSafeInteger(r.amount),
      })),
    );
  }

  /** Rows `offset` to `offset + limit` in creation order. */
  async page(scope: Scope, filter: ReportFilter, offset: number, limit: number): Promise<ReportRow[]> {
    return this.#rows(scope, filter, { limit, offset });
  }

  /** Every row, `size` at a time, each batch one indexed statement that starts after the last row seen. */
  async *batches(scope: Scope, filter: ReportFilter, size: number): AsyncGenerator<ReportRow[]> {
    let after: ReportRow | undefined;
    for (;;) {
      const rows = await this.#rows(scope, filter, { limit: size, after });
      if (rows.length > 0) yield rows;
      if (rows.length < size) return;
      after = rows.at(-1);
    }
  }

  async #rows(
    scope: Scope,
    filter: ReportFilter,
    window: { limit: number; offset?: number; after?: ReportRow | undefined },
  ): Promise<ReportRow[]> {
    const tz = scope.tenant.timeZone;
    const f = filterSql(filter, 't');
    const after = window.after ? ' and (t.created_at, t.id) > (?::timestamptz, ?)' : '';
    // member number and name belong to the cooperative and identity contexts: joined into the one
    // statement that lists the page (an export streams tens of thousands of rows)
    const rows = await scope.em.execute<RowRecord[]>(
      `select t.id, t.transaction_number, m.member_number, a.name as member_name, t.type_code,
              t.amount::text as amount, t.status, t.created_at, t.processed_at, t.created_at::text as created_key
         from savings_transaction t
         left join cooperative_member m on m.tenant_id = t.tenant_id and m.account_id = t.owner_account_id
         left join account a on a.id = t.owner_account_id
        where t.tenant_id = ?
          and t.created_at >= ?::date::timestamp at time zone ?
          and t.created_at < (?::date + 1)::timestamp at time zone ?${f.sql}${after}
        order by t.created_at, t.id
        limit ? offset ?`,
      [
        scope.tenant.id,
        filter.days.start,
        tz,
        filter.days.end,
        tz,
        ...f.params,
        ...(window.after ? [window.after.createdKey, window.after.id] : []),
        window.limit,
        window.offset ?? 0,
      ],
    );
    return rows.map(toRow);
  }
}
