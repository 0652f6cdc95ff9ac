import { parseMemberId } from '@komisi/domain';
import type { RawBuilder } from 'kysely';
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
  return (await findByMemberNumbers(scope, [memberNumber]))[0] ?? null;
}

/** Members by DTEHM or DIP member numbers, in one bound statement: each number's card (null when none). */
export async function findByMemberNumbers(
  scope: Scope,
  memberNumbers: readonly string[],
): Promise<(MemberCard | null)[]> {
  const wanted = memberNumbers.map((n) => ({ parsed: parseMemberId(n), number: n.trim().toUpperCase() }));
  const dtehm = wanted.filter((w) => w.parsed?.kind === 'DTEHM').map((w) => w.number);
  const dip = wanted.filter((w) => w.parsed && w.parsed.kind !== 'DTEHM').map((w) => w.number);
  if (dtehm.length === 0 && dip.length === 0) return wanted.map(() => null);
  const rows = await boundRows<CardRow & { dtehm_member_id: string | null; dip_member_id: string | null }>(
    scope,
    sql`select ${sql.raw(CARD_COLUMNS)}, m.dtehm_member_id, m.dip_member_id
        from network_member m join account a on a.id = m.account_id
        where m.tenant_id = ${scope.tenant.id}
          and (m.dtehm_member_id = any(${dtehm}::text[]) or m.dip_member_id = any(${dip}::text[]))`,
  );
  return wanted.map((w) => {
    if (!w.parsed) return null;
    const row = rows.find((r) =>
      w.parsed!.kind === 'DTEHM' ? r.dtehm_member_id === w.number : r.dip_member_id === w.number,
    );
    return row ? toCard(row) : null;
  });
}

export async function cardsByAccountIds(
  scope: Scope,
  ids: readonly number[],
): Promise<Map<number, MemberCard>> {
  if (ids.length === 0) return new Map();
  const rows = await boundRows<CardRow>(
    scope,
    sql`select ${sql.raw(CARD_COLUMNS)} from account a left join network_member m on m.account_id = a.id
        where a.tenant_id = ${scope.tenant.id} and a.id = any(${[...new Set(ids)]}::int[])`,
  );
  return new Map(rows.map((r) => [r.id, toCard(r)]));
}

/** What a sale's commissions are computed from. */
export interface SaleChain {
  /**
   * The sponsor and the sponsor's ancestors: index 0 is GN1. An upline who is not an active member
   * is null, so the plan decides whether the level is lost or compressed.
   */
  uplines: (MemberCard | null)[];
  /** the sponsor's card, active or not */
  sponsor: MemberCard | null;
  stockist: MemberCard | null;
}

/**
 * The rows of a sale's chain (`depth`, then a card's columns): the stockist at depth -1, the sponsor
 * at 0 and the sponsor's ancestors below `generations`. `sponsor` and `stockist` are account ids,
 * values or another query's columns (`i.sponsor_id`).
 */
export function saleChainSql(
  tenantId: number,
  sponsor: RawBuilder<unknown>,
  stockist: RawBuilder<unknown>,
  generations: number,
): RawBuilder<unknown> {
  return sql`select u.depth, ${sql.raw(CARD_COLUMNS)}
    from (select ${sponsor}::int as id, 0 as depth where ${sponsor}::int is not null
          union all
          select ancestor_id, depth from network_link
           where tenant_id = ${tenantId} and descendant_id = ${sponsor}::int and depth < ${generations}
          union all
          select ${stockist}::int, -1 where ${stockist}::int is not null) u
    join account a on a.id = u.id and a.tenant_id = ${tenantId} left join network_member m on m.account_id = a.id`;
}

export type SaleChainRow = CardRow & { depth: number };

/** A sale's chain from `saleChainSql`'s rows (in any order). */
export function saleChainFrom(rows: SaleChainRow[]): SaleChain {
  const sorted = [...rows].sort((a, b) => a.depth - b.depth);
  const stockistRow = sorted[0]?.depth === -1 ? sorted[0] : undefined;
  const chain = stockistRow ? sorted.slice(1) : sorted;
  return {
    uplines: chain.map((r) => (r.active ? toCard(r) : null)),
    sponsor: chain[0]?.depth === 0 ? toCard(chain[0]) : null,
    stockist: stockistRow ? toCard(stockistRow) : null,
  };
}

/** The sale's upline and the stockist's card in one bound statement. */
export async function saleChainOf(
  scope: Scope,
  sponsorAccountId: number | null,
  stockistAccountId: number | null,
  generations: number,
): Promise<SaleChain> {
  if (sponsorAccountId === null && stockistAccountId === null)
    return { uplines: [], sponsor: null, stockist: null };
  const rows = await boundRows<SaleChainRow>(
    scope,
    saleChainSql(scope.tenant.id, sql`${sponsorAccountId}`, sql`${stockistAccountId}`, generations),
  );
  return saleChainFrom(rows);
}
