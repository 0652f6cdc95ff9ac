import {
  type KycStatus,
  type MemberListSort,
  type MembershipStatus,
  type PageWindow,
  pageWindow,
  prefixTsQuery,
} from '@komisi/domain';
import { type Scope, toSafeInteger } from '../../kernel/scope.ts';

export interface MemberListQuery {
  status?: MembershipStatus | undefined;
  kycStatus?: KycStatus | undefined;
  /** words of the name, email or member number (each a prefix) */
  search?: string | undefined;
  page: number;
  limit: number;
  sortBy: MemberListSort;
  sortOrder: 'asc' | 'desc';
}

export interface MemberListRow {
  publicId: string;
  memberNumber: string;
  fullName: string;
  email: string;
  phone: string | null;
  membershipStatus: MembershipStatus;
  kycStatus: KycStatus;
  joinDate: Date;
  /** the member's balances on all their savings accounts */
  totalSavings: number;
  /** the latest of: a savings transaction, a sign-in or token refresh, a change of the member */
  lastActivity: Date;
}

export interface MemberListPage {
  members: MemberListRow[];
  window: PageWindow;
  /** the whole cooperative, whatever the filters */
  summary: { total: number; active: number; pending: number; suspended: number };
}

interface Row {
  public_id: string;
  member_number: string;
  name: string;
  email: string;
  phone: string | null;
  membership_status: MembershipStatus;
  kyc_status: KycStatus;
  join_date: Date;
  total_savings: string | null;
  last_activity: Date;
}

/**
 * Each order's columns inside the page's statement and over the page's rows. Names sort
 * case-insensitively (the account_name_idx index); ties fall in a stable order.
 */
const SORTS: Record<MemberListSort, { page: string[]; rows: string[] }> = {
  created_at: { page: ['m.created_at', 'm.id'], rows: ['created_at', 'id'] },
  full_name: { page: ['lower(a.name)', 'm.id'], rows: ['sort_name', 'id'] },
  member_number: { page: ['m.member_number'], rows: ['member_number'] },
};
const orderBy = (columns: string[], dir: 'asc' | 'desc') => columns.map((c) => `${c} ${dir}`).join(', ');

/**
 * The administrators' member list (§6.1.1) in two statements, whatever the cooperative's size: the
 * counts (from the status tally kept by a trigger, see `MemberTally`) and the page (its members'
 * savings totals and last activity computed for those rows only).
 * The member list reads the account (name, email), the savings accounts' ledger balances, the
 * savings transactions and the sessions in the same statement: joining them is what keeps the list
 * one round trip at 100,000 members.
 */
export class MemberDirectoryService {
  async list(scope: Scope, q: MemberListQuery): Promise<MemberListPage> {
    const where = ['m.tenant_id = ?'];
    const params: unknown[] = [scope.tenant.id];
    if (q.status) {
      where.push('m.membership_status = ?');
      params.push(q.status);
    }
    if (q.kycStatus) {
      where.push('m.kyc_status = ?');
      params.push(q.kycStatus);
    }
    const search = searchCondition(q.search);
    if (search) {
      where.push(search.sql);
      params.push(search.param);
    }
    const filter = where.join(' and ');

    // the status counts from the tally (twelve rows at most); a search counts its matches (the GIN index)
    const tally = await scope.em.execute<
      { membership_status: MembershipStatus; kyc_status: KycStatus; members: number; matching?: string }[]
    >(
      `select membership_status, kyc_status, members${
        search ? `, (select count(*) from cooperative_member m where ${filter}) as matching` : ''
      } from cooperative_member_tally where tenant_id = ?`,
      [...(search ? params : []), scope.tenant.id],
    );
    const count = (keep: (row: (typeof tally)[number]) => boolean) =>
      tally.filter(keep).reduce((sum, row) => sum + row.members, 0);
    const matching = search
      ? toSafeInteger(tally[0]?.matching ?? 0)
      : count(
          (row) =>
            (!q.status || row.membership_status === q.status) &&
            (!q.kycStatus || row.kyc_status === q.kycStatus),
        );
    const window = pageWindow(matching, q.page, q.limit);
    const sort = SORTS[q.sortBy];
    // the page first (materialised), then the sums for its rows only; savings balances are
    // liabilities, so the holder's balance is minus the running sum of postings
    const rows = await scope.em.execute<Row[]>(
      `with page as materialized (
         select m.id, m.tenant_id, m.account_id, m.public_id, m.member_number, m.membership_status,
           m.kyc_status, m.join_date, m.created_at, m.updated_at, a.name, a.email, a.phone,
           lower(a.name) as sort_name
         from cooperative_member m join account a on a.id = m.account_id and a.tenant_id = m.tenant_id
         where ${filter}
         order by ${orderBy(sort.page, q.sortOrder)}
         limit ? offset ?)
       select page.public_id, page.member_number, page.name, page.email, page.phone,
         page.membership_status, page.kyc_status, page.join_date,
         (select -sum(la.running_balance) from savings_account sa
            join ledger_account la on la.tenant_id = sa.tenant_id and la.code = 'savings:' || sa.id
            where sa.tenant_id = page.tenant_id and sa.owner_account_id = page.account_id) as total_savings,
         greatest(page.updated_at,
           (select max(t.created_at) from savings_transaction t
              where t.tenant_id = page.tenant_id and t.owner_account_id = page.account_id),
           (select max(s.created_at) from session s where s.account_id = page.account_id)) as last_activity
       from page order by ${orderBy(sort.rows, q.sortOrder)}`,
      [...params, window.limit, window.offset],
    );
    return {
      members: rows.map((r) => ({
        publicId: r.public_id,
        memberNumber: r.member_number,
        fullName: r.name,
        email: r.email,
        phone: r.phone,
        membershipStatus: r.membership_status,
        kycStatus: r.kyc_status,
        joinDate: new Date(r.join_date),
        totalSavings: toSafeInteger(r.total_savings ?? 0),
        lastActivity: new Date(r.last_activity),
      })),
      window,
      summary: {
        total: count(() => true),
        active: count((row) => row.membership_status === 'active'),
        pending: count((row) => row.membership_status === 'pending'),
        suspended: count((row) => row.membership_status === 'suspended'),
      },
    };
  }
}

/** A whole member number (`SIN-2026-000123`): found by its unique index rather than by words. */
const MEMBER_NUMBER = /^[A-Z]{2,5}-\d{4}-\d{6,}$/;

/** What a search box's text filters on: a member number exactly, or each word as a prefix. */
function searchCondition(text: string | undefined): { sql: string; param: string } | null {
  if (!text) return null;
  const number = text.trim().toUpperCase();
  if (MEMBER_NUMBER.test(number)) return { sql: 'm.member_number = ?', param: number };
  const tsQuery = prefixTsQuery(text);
  return tsQuery ? { sql: `m.search_vector @@ to_tsquery('simple', ?)`, param: tsQuery } : null;
}
