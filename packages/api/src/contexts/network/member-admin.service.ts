import { DomainError, type PageWindow, pageWindow, parseMemberId } from '@komisi/domain';
import { type Scope, toSafeInteger } from '../../kernel/scope.ts';
import type { CommissionsService } from './commissions.service.ts';
import type { DownlineLevelStats, DownlineService } from './downline.service.ts';

/** What an administrator sees of a member's standing: payment moves pending → active; suspension overrides. */
export type MemberStanding = 'pending' | 'active' | 'suspended';

export const MEMBER_LIST_SORTS = ['joined_at', 'name', 'member_id'] as const;
export type MemberListSort = (typeof MEMBER_LIST_SORTS)[number];

export interface MemberListQuery {
  page: number;
  perPage: number;
  /** a member number (whole or in part), or part of the name, email or phone */
  search?: string | undefined;
  standing?: MemberStanding | undefined;
  membership?: 'dtehm' | 'dip' | undefined;
  stockist?: boolean | undefined;
  sortBy: MemberListSort;
  sortOrder: 'asc' | 'desc';
}

export interface MemberRow {
  id: number;
  name: string;
  email: string;
  phone: string | null;
  dtehmMemberId: string | null;
  dipMemberId: string | null;
  wantsDtehm: boolean;
  wantsDip: boolean;
  standing: MemberStanding;
  stockist: boolean;
  sponsorMemberId: string | null;
  joinedAt: Date;
  activatedAt: Date | null;
  /** members sponsored directly */
  directReferrals: number;
  /** members in the generations the plan pays */
  downline: number;
}

export interface UplineMember {
  /** 1: the sponsor, 2: the sponsor's sponsor, … */
  level: number;
  id: number;
  name: string;
  memberId: string | null;
  standing: MemberStanding;
}

export interface MemberDetail extends MemberRow {
  address: string | null;
  createdAt: Date;
  suspendedAt: Date | null;
  suspensionReason: string | null;
  /** the sponsor chain up to the deepest generation the plan pays, nearest first */
  upline: UplineMember[];
  levels: DownlineLevelStats[];
  /** every commission credited to the member (reversals not deducted) and the ledger balance */
  commissions: { total: number; balance: number };
}

interface Row {
  id: number;
  name: string;
  email: string;
  phone: string | null;
  roles: string[];
  dtehm_member_id: string | null;
  dip_member_id: string | null;
  wants_dtehm: boolean;
  wants_dip: boolean;
  status: 'pending' | 'active';
  suspended_at: Date | null;
  suspension_reason: string | null;
  address: string | null;
  created_at: Date;
  joined_at: Date;
  activated_at: Date | null;
  sponsor_member_id: string | null;
  direct_referrals: number | null;
  downline: string | null;
}

const standingOf = (r: { status: 'pending' | 'active'; suspended_at: Date | null }): MemberStanding =>
  r.suspended_at ? 'suspended' : r.status;

const STANDING_SQL: Record<MemberStanding, string> = {
  pending: "m.status = 'pending' and m.suspended_at is null",
  active: "m.status = 'active' and m.suspended_at is null",
  suspended: 'm.suspended_at is not null',
};

// Ties fall in joining order, so a page never shows a member twice.
const SORT_SQL: Record<MemberListSort, (dir: string) => string> = {
  joined_at: (dir) => `m.joined_at ${dir}, m.account_id ${dir}`,
  name: (dir) => `lower(a.name) ${dir}, m.account_id ${dir}`,
  member_id: (dir) => `coalesce(m.dtehm_member_id, m.dip_member_id) ${dir} nulls last, m.account_id ${dir}`,
};

/** `%`, `_` and `\` typed in a search box are matched as themselves. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * What a search box's text filters on: a whole member number by its unique index; otherwise part of
 * the name, email or either member number, or (when it holds digits) of the phone number's digits.
 */
function searchCondition(text: string): { sql: string; params: unknown[] } {
  const parsed = parseMemberId(text);
  if (parsed) {
    const column = parsed.kind === 'DTEHM' ? 'm.dtehm_member_id' : 'm.dip_member_id';
    return { sql: `${column} = ?`, params: [text.trim().toUpperCase()] };
  }
  const like = likePattern(text.trim());
  const parts = ['a.name', 'a.email', 'm.dtehm_member_id', 'm.dip_member_id'].map(
    (c) => `${c} ilike ? escape '\\'`,
  );
  const params: unknown[] = [like, like, like, like];
  const digits = text.replace(/[\s()+.-]/g, '');
  if (/^\d{3,}$/.test(digits)) {
    parts.push(`regexp_replace(coalesce(a.phone, ''), '\\D', '', 'g') like ?`);
    params.push(`%${digits}%`);
  }
  return { sql: `(${parts.join(' or ')})`, params };
}

/**
 * The administrators' view of the network: members found by number, name or phone and filtered by
 * standing, membership and stockist role; one member with their sponsor chain, generation counts and
 * earnings. Each read is one statement that joins identity's account (name, email, phone, roles) to the
 * membership, as the member cards do; generation counts come from `network_level_count`.
 */
export class MemberAdminService {
  readonly #downline: DownlineService;
  readonly #commissions: CommissionsService;

  constructor(deps: { downline: DownlineService; commissions: CommissionsService }) {
    this.#downline = deps.downline;
    this.#commissions = deps.commissions;
  }

  async list(scope: Scope, q: MemberListQuery): Promise<{ members: MemberRow[]; window: PageWindow }> {
    pageWindow(0, q.page, q.perPage); // validates page and per_page before any query
    const where = ['m.tenant_id = ?'];
    const params: unknown[] = [scope.tenant.id];
    if (q.standing) where.push(STANDING_SQL[q.standing]);
    if (q.membership) where.push(q.membership === 'dtehm' ? 'm.wants_dtehm' : 'm.wants_dip');
    if (q.stockist !== undefined) where.push(`${q.stockist ? '' : 'not '}'stockist' = any(a.roles)`);
    if (q.search?.trim()) {
      const search = searchCondition(q.search);
      where.push(search.sql);
      params.push(...search.params);
    }
    const filter = where.join(' and ');
    const [counted] = await scope.em.execute<{ n: number }[]>(
      `select count(*)::int as n from network_member m join account a on a.id = m.account_id where ${filter}`,
      params,
    );
    const window = pageWindow(counted?.n ?? 0, q.page, q.perPage);
    const rows = await this.#rows(scope, filter, params, {
      orderBy: SORT_SQL[q.sortBy](q.sortOrder),
      limit: window.limit,
      offset: window.offset,
    });
    return { members: rows.map(toMemberRow), window };
  }

  async detail(scope: Scope, accountId: number): Promise<MemberDetail> {
    const [row] = await this.#rows(
      scope,
      'm.tenant_id = ? and m.account_id = ?',
      [scope.tenant.id, accountId],
      {
        orderBy: 'm.account_id',
        limit: 1,
        offset: 0,
      },
    );
    if (!row) throw new DomainError('NOT_FOUND', 'Member not found');
    const [upline, levels, totals] = [
      await this.#upline(scope, accountId),
      await this.#downline.levelStats(scope, accountId),
      await this.#commissions.list(scope, accountId, { kind: 'all', from: null, until: null }, 1, 1),
    ];
    return {
      ...toMemberRow(row),
      address: row.address,
      createdAt: new Date(row.created_at),
      suspendedAt: row.suspended_at ? new Date(row.suspended_at) : null,
      suspensionReason: row.suspension_reason,
      upline,
      levels,
      commissions: { total: totals.total, balance: await this.#commissions.balance(scope, accountId) },
    };
  }

  #rows(
    scope: Scope,
    filter: string,
    params: unknown[],
    page: { orderBy: string; limit: number; offset: number },
  ): Promise<Row[]> {
    return scope.em.execute<Row[]>(
      `select a.id, a.name, a.email, a.phone, a.roles, a.created_at, m.dtehm_member_id, m.dip_member_id,
              m.wants_dtehm, m.wants_dip, m.status, m.suspended_at, m.suspension_reason, m.address,
              m.joined_at, m.activated_at, coalesce(s.dtehm_member_id, s.dip_member_id) as sponsor_member_id,
              (select c.members from network_level_count c
                 where c.tenant_id = m.tenant_id and c.ancestor_id = m.account_id and c.depth = 1) as direct_referrals,
              (select sum(c.members)::text from network_level_count c
                 where c.tenant_id = m.tenant_id and c.ancestor_id = m.account_id and c.depth <= ?) as downline
       from network_member m join account a on a.id = m.account_id
       left join network_member s on s.account_id = m.sponsor_id and s.tenant_id = m.tenant_id
       where ${filter}
       order by ${page.orderBy} limit ? offset ?`,
      [this.#downline.deepestLevel(scope), ...params, page.limit, page.offset],
    );
  }

  /** The sponsor chain through the closure table (one index range), inactive and suspended members too. */
  async #upline(scope: Scope, accountId: number): Promise<UplineMember[]> {
    const rows = await scope.em.execute<
      (Pick<Row, 'id' | 'name' | 'status' | 'suspended_at'> & { depth: number; member_id: string | null })[]
    >(
      `select l.depth, a.id, a.name, coalesce(m.dtehm_member_id, m.dip_member_id) as member_id, m.status,
              m.suspended_at
       from network_link l join account a on a.id = l.ancestor_id
       join network_member m on m.account_id = l.ancestor_id
       where l.tenant_id = ? and l.descendant_id = ? and l.depth <= ?
       order by l.depth`,
      [scope.tenant.id, accountId, this.#downline.deepestLevel(scope)],
    );
    return rows.map((r) => ({
      level: r.depth,
      id: r.id,
      name: r.name,
      memberId: r.member_id,
      standing: standingOf(r),
    }));
  }
}

function toMemberRow(r: Row): MemberRow {
  return {
    id: r.id,
    name: r.name,
    email: r.email,
    phone: r.phone,
    dtehmMemberId: r.dtehm_member_id,
    dipMemberId: r.dip_member_id,
    wantsDtehm: r.wants_dtehm,
    wantsDip: r.wants_dip,
    standing: standingOf(r),
    stockist: r.roles.includes('stockist'),
    sponsorMemberId: r.sponsor_member_id,
    joinedAt: new Date(r.joined_at),
    activatedAt: r.activated_at ? new Date(r.activated_at) : null,
    directReferrals: r.direct_referrals ?? 0,
    downline: toSafeInteger(r.downline ?? 0),
  };
}
