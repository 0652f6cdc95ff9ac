import { parseMemberId } from '@komisi/domain';
import { boundRows, sql } from '../../kernel/bound-sql.ts';
import type { Scope } from '../../kernel/scope.ts';

/** A member as others see them on commission lines and order items. */
export interface MemberCard {
  id: number;
  name: string;
  memberId: string | null;
  active: boolean;
  roles: string[];
}

// A card joins identity's account (name, roles) to the membership: each lookup below is one statement.
// Active means paid up and not suspended: only such a member is a sponsor, a stockist or an earning upline.
const CARD_COLUMNS = `a.id, a.name, a.roles, coalesce(m.dtehm_member_id, m.dip_member_id) as member_id,
  coalesce(m.status = 'active' and m.suspended_at is null, false) as active`;

interface CardRow {
  id: number;
  name: string;
  roles: string[];
  member_id: string | null;
  active: boolean;
}

const toCard = (r: CardRow): MemberCard => ({
  id: r.id,
  name: r.name,
  memberId: r.member_id,
  active: r.active,
  roles: r.roles,
});

/** Finds a member by a DTEHM or DIP member number (`DTEHM20250001`, `DIP0456`). */
export async function findByMemberNumber(scope: Scope, memberNumber: string): Promise<MemberCard | null> {
  const parsed = parseMemberId(memberNumber);
  if (!parsed) return null;
  const column = parsed.kind === 'DTEHM' ? 'dtehm_member_id' : 'dip_member_id';
  const rows = await scope.em.execute<CardRow[]>(
    `select ${CARD_COLUMNS} from network_member m join account a on a.id = m.account_id
     where m.tenant_id = ? and m.${column} = ?`,
    [scope.tenant.id, memberNumber.trim().toUpperCase()],
  );
  return rows[0] ? toCard(rows[0]) : null;
}

export async function cardsByAccountIds(
  scope: Scope,
  ids: readonly number[],
): Promise<Map<number, MemberCard>> {
  if (ids.length === 0) return new Map();
  const rows = await scope.em.execute<CardRow[]>(
    `select ${CARD_COLUMNS} from account a left join network_member m on m.account_id = a.id
     where a.tenant_id = ? and a.id in (?)`,
    [scope.tenant.id, [...new Set(ids)]],
  );
  return new Map(rows.map((r) => [r.id, toCard(r)]));
}

/**
 * The sponsor and the sponsor's ancestors: index 0 is GN1. An upline who is not an active
 * member is returned as null, so the plan decides whether the level is lost or compressed.
 */
export async function uplinesOf(
  scope: Scope,
  sponsorAccountId: number,
  generations: number,
): Promise<(MemberCard | null)[]> {
  const rows = await scope.em.execute<(CardRow & { depth: number })[]>(
    `select u.depth, ${CARD_COLUMNS}
     from (select ?::int as id, 0 as depth
           union all
           select ancestor_id, depth from network_link where tenant_id = ? and descendant_id = ? and depth < ?) u
     join account a on a.id = u.id left join network_member m on m.account_id = a.id
     order by u.depth`,
    [sponsorAccountId, scope.tenant.id, sponsorAccountId, generations],
  );
  return rows.map((r) => (r.active ? toCard(r) : null));
}

/** The upline (index 0 is GN1; inactive members null) and the stockist's card, of one sale. */
export interface SaleChain {
  uplines: (MemberCard | null)[];
  stockist: MemberCard | null;
}

/**
 * `uplinesOf` the sponsor and the stockist's card (`cardsByAccountIds`) in one statement, with bound
 * parameters: what a sale's commissions are computed from (depth -1 is the stockist).
 */
export async function saleChainOf(
  scope: Scope,
  sponsorAccountId: number | null,
  stockistAccountId: number | null,
  generations: number,
): Promise<SaleChain> {
  if (sponsorAccountId === null && stockistAccountId === null) return { uplines: [], stockist: null };
  const t = scope.tenant.id;
  const rows = await boundRows<CardRow & { depth: number }>(
    scope.em,
    sql`select u.depth, ${sql.raw(CARD_COLUMNS)}
        from (select ${sponsorAccountId}::int as id, 0 as depth where ${sponsorAccountId}::int is not null
              union all
              select ancestor_id, depth from network_link
               where tenant_id = ${t} and descendant_id = ${sponsorAccountId}::int and depth < ${generations}
              union all
              select ${stockistAccountId}::int, -1 where ${stockistAccountId}::int is not null) u
        join account a on a.id = u.id and a.tenant_id = ${t} left join network_member m on m.account_id = a.id
        order by u.depth`,
  );
  const stockistRow = rows[0]?.depth === -1 ? rows[0] : undefined;
  const uplines = (stockistRow ? rows.slice(1) : rows).map((r) => (r.active ? toCard(r) : null));
  return { uplines, stockist: stockistRow ? toCard(stockistRow) : null };
}
