// The commission chain both the preview and the confirmation read: member cards (by member number,
// by account, up the sponsor line) and the split of an amount over stockist and ten generations,
// with the same statements as our network and commission services.
import type pg from 'pg';

const CARD = `a.id, a.name, a.roles, coalesce(m.dtehm_member_id, m.dip_member_id) as member_id,
  coalesce(m.status = 'active' and m.suspended_at is null, false) as active`;
interface Card {
  id: number;
  name: string;
  roles: string[];
  member_id: string | null;
  active: boolean;
}
const STOCKIST_BPS = 800;
export const GENERATION_BPS = [300, 250, 200, 150, 100, 80, 60, 50, 40, 20];
export const memberRef = (m: Card | null | undefined) =>
  m ? { id: m.id, name: m.name, member_id: m.member_id } : null;
const cut = (amount: number, bps: number) => Number((BigInt(amount) * BigInt(bps)) / 10_000n);

/** Cards by DTEHM or DIP member number, in one statement, as our member directory finds them. */
export async function cardsByNumbers(
  db: pg.Pool | pg.PoolClient,
  tenantId: number,
  numbers: (string | undefined)[],
) {
  const wanted = numbers.map((n) => (n ?? '').trim().toUpperCase());
  const dtehm = wanted.filter((n) => /^DTEHM\d+$/.test(n));
  const dip = wanted.filter((n) => /^DIP\d+$/.test(n));
  if (dtehm.length === 0 && dip.length === 0) return wanted.map(() => null);
  const { rows } = await db.query<Card & { dtehm_member_id: string | null; dip_member_id: string | null }>(
    `select ${CARD}, m.dtehm_member_id, m.dip_member_id from network_member m join account a on a.id = m.account_id
     where m.tenant_id = $1 and (m.dtehm_member_id = any($2::text[]) or m.dip_member_id = any($3::text[]))`,
    [tenantId, dtehm, dip],
  );
  return wanted.map((n) => rows.find((r) => r.dtehm_member_id === n || r.dip_member_id === n) ?? null);
}

/** The chain's rows as our member directory selects them; `$${n}` the tenant, `$${n + 1}` the generations. */
export const chainSql = (sponsor: string, stockist: string, n: number) => `select u.depth, ${CARD}
  from (select ${sponsor}::int as id, 0 as depth where ${sponsor}::int is not null
        union all
        select ancestor_id, depth from network_link where tenant_id = $${n} and descendant_id = ${sponsor}::int and depth < $${n + 1}
        union all
        select ${stockist}::int, -1 where ${stockist}::int is not null) u
  join account a on a.id = u.id and a.tenant_id = $${n} left join network_member m on m.account_id = a.id`;

/** The chain as one json column of another statement. */
export const chainJson = (sponsor: string, stockist: string, n: number) =>
  `(select coalesce(json_agg(c), '[]'::json) from (${chainSql(sponsor, stockist, n)}) c)`;

export type ChainRow = Card & { depth: number };

/** The sponsor's upline (index 0 is GN1; inactive members null), the sponsor and the stockist. */
export function chainFrom(rows: ChainRow[]) {
  const sorted = [...rows].sort((a, b) => a.depth - b.depth);
  const stockist = sorted[0]?.depth === -1 ? sorted[0] : null;
  const chain = stockist ? sorted.slice(1) : sorted;
  return {
    up: chain.map((r) => (r.active ? r : null)),
    sponsor: chain[0]?.depth === 0 ? chain[0] : null,
    stockist,
  };
}

/** The sale's chain in one statement. */
export async function saleChain(
  db: pg.Pool | pg.PoolClient,
  tenantId: number,
  sponsorId: number | null,
  stockistId: number | null,
) {
  if (sponsorId === null && stockistId === null) return { up: [], sponsor: null, stockist: null };
  const { rows } = await db.query<ChainRow>(chainSql('$3', '$4', 1), [
    tenantId,
    GENERATION_BPS.length,
    sponsorId,
    stockistId,
  ]);
  return chainFrom(rows);
}

export function distribute(amount: number, up: (Card | null)[], stockist: Card | null) {
  const lines: {
    level: string;
    kind: 'stockist' | 'network';
    rateBps: number;
    member: Card;
    amount: number;
  }[] = [];
  if (stockist?.active) {
    const a = cut(amount, STOCKIST_BPS);
    if (a > 0)
      lines.push({ level: 'Stockist', kind: 'stockist', rateBps: STOCKIST_BPS, member: stockist, amount: a });
  }
  GENERATION_BPS.forEach((bps, i) => {
    const member = up[i];
    const a = cut(amount, bps);
    if (member && a > 0)
      lines.push({ level: `GN${i + 1}`, kind: 'network', rateBps: bps, member, amount: a });
  });
  const stockistAmount = lines.filter((l) => l.kind === 'stockist').reduce((s, l) => s + l.amount, 0);
  const networkAmount = lines.filter((l) => l.kind === 'network').reduce((s, l) => s + l.amount, 0);
  return { lines, stockistAmount, networkAmount, totalAmount: stockistAmount + networkAmount };
}
