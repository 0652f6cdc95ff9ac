import {
  fieldError,
  type PageWindow,
  pageWindow,
  prefixTsQuery,
  type SavingsTransactionState,
} from '@komisi/domain';
import { type Scope, toSafeInteger } from '../../kernel/scope.ts';

export interface WithdrawalQueueQuery {
  status?: SavingsTransactionState | undefined;
  /** words of the member's name, email or member number (each a prefix), or a whole member number */
  search?: string | undefined;
  /** `YYYY-MM-DD`, local days of the request, each optional (inclusive) */
  startDate?: string | undefined;
  endDate?: string | undefined;
  page: number;
  limit: number;
}

export interface WithdrawalQueueRow {
  publicId: string;
  transactionNumber: string;
  /** null when the owner is not (or no longer) a cooperative member */
  member: { publicId: string; memberNumber: string; fullName: string } | null;
  savingsAccount: { publicId: string; accountNumber: string; productCode: string; productName: string };
  amount: number;
  description: string | null;
  bankAccount: Record<string, string> | null;
  status: SavingsTransactionState;
  paymentReference: string | null;
  notes: string | null;
  requestedAt: Date;
  processedAt: Date | null;
}

export interface WithdrawalQueuePage {
  withdrawals: WithdrawalQueueRow[];
  window: PageWindow;
  /** the whole cooperative, whatever the filters: what still waits for a decision */
  waiting: { count: number; amount: number };
}

interface Row {
  public_id: string;
  transaction_number: string;
  member_id: string | null;
  member_number: string | null;
  member_name: string | null;
  account_id: string;
  account_number: string;
  product_code: string;
  product_name: string;
  amount: string;
  description: string | null;
  bank_account: Record<string, string> | null;
  status: SavingsTransactionState;
  payment_reference: string | null;
  notes: string | null;
  created_at: Date | string;
  processed_at: Date | string | null;
}

/** A whole member number (`SIN-2026-000123`): matched exactly rather than by words. */
const MEMBER_NUMBER = /^[A-Z]{2,5}-\d{4}-\d{6,}$/;
const WAITING = `('pending', 'processing')`;

/**
 * The administrators' withdrawal queue: the withdrawals members asked for, those still waiting
 * first (oldest first: the order they are paid in), then the decided ones, newest first. The member
 * and the savings account are joined into the one statement that lists the page.
 */
export class WithdrawalQueueService {
  async list(scope: Scope, q: WithdrawalQueueQuery): Promise<WithdrawalQueuePage> {
    const tz = scope.tenant.timeZone;
    const where = [`t.tenant_id = ?`, `t.category = 'withdrawal'`];
    const params: unknown[] = [scope.tenant.id];
    if (q.status) {
      where.push('t.status = ?');
      params.push(q.status);
    }
    if (q.startDate && q.endDate && q.endDate < q.startDate)
      throw fieldError('end_date', 'must be on or after start_date');
    if (q.startDate) {
      where.push('t.created_at >= ?::date::timestamp at time zone ?');
      params.push(q.startDate, tz);
    }
    if (q.endDate) {
      where.push('t.created_at < (?::date + 1)::timestamp at time zone ?');
      params.push(q.endDate, tz);
    }
    const text = q.search?.trim();
    if (text) {
      const number = text.toUpperCase();
      const tsQuery = prefixTsQuery(text);
      if (MEMBER_NUMBER.test(number)) {
        where.push('m.member_number = ?');
        params.push(number);
      } else if (tsQuery) {
        where.push(`m.search_vector @@ to_tsquery('simple', ?)`);
        params.push(tsQuery);
      } else {
        where.push('false');
      }
    }
    // the member and the account joined once, for the count and the page alike
    const from = `from savings_transaction t
      join savings_account sa on sa.tenant_id = t.tenant_id and sa.id = t.savings_account_id
      join savings_product sp on sp.id = sa.product_id
      left join cooperative_member m on m.tenant_id = t.tenant_id and m.account_id = t.owner_account_id
      left join account a on a.id = t.owner_account_id
      where ${where.join(' and ')}`;

    const [counts] = await scope.em.execute<{ matching: string; waiting: string; waiting_amount: string }[]>(
      `select (select count(*) ${from})::text as matching,
              count(*)::text as waiting, coalesce(sum(w.amount), 0)::text as waiting_amount
         from savings_transaction w
        where w.tenant_id = ? and w.category = 'withdrawal' and w.status in ${WAITING}`,
      [...params, scope.tenant.id],
    );
    const window = pageWindow(toSafeInteger(counts?.matching ?? 0), q.page, q.limit);
    const rows =
      window.offset >= window.total
        ? []
        : await scope.em.execute<Row[]>(
            `select t.public_id, t.transaction_number, m.public_id as member_id, m.member_number,
                    a.name as member_name, sa.public_id as account_id, sa.account_number,
                    sp.code as product_code, sp.name as product_name, t.amount::text as amount,
                    t.description, t.bank_account, t.status, t.payment_reference, t.notes,
                    t.created_at, t.processed_at
               ${from}
              order by case when t.status in ${WAITING} then 0 else 1 end,
                       case when t.status in ${WAITING} then t.created_at end asc,
                       t.created_at desc, t.id desc
              limit ? offset ?`,
            [...params, window.limit, window.offset],
          );
    return {
      withdrawals: rows.map(toRow),
      window,
      waiting: {
        count: toSafeInteger(counts?.waiting ?? 0),
        amount: toSafeInteger(counts?.waiting_amount ?? 0),
      },
    };
  }
}

const toRow = (r: Row): WithdrawalQueueRow => ({
  publicId: r.public_id,
  transactionNumber: r.transaction_number,
  member:
    r.member_id && r.member_number
      ? { publicId: r.member_id, memberNumber: r.member_number, fullName: r.member_name ?? '' }
      : null,
  savingsAccount: {
    publicId: r.account_id,
    accountNumber: r.account_number,
    productCode: r.product_code,
    productName: r.product_name,
  },
  amount: toSafeInteger(r.amount),
  description: r.description,
  bankAccount: r.bank_account,
  status: r.status,
  paymentReference: r.payment_reference,
  notes: r.notes,
  requestedAt: new Date(r.created_at),
  processedAt: r.processed_at === null ? null : new Date(r.processed_at),
});
