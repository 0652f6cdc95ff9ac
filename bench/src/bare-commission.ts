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

export async function cardByNumber(db: pg.Pool | pg.PoolClient, tenantId: number, memberNumber: string) {
  const { rows } = await db.query<Card>(
    `select ${CARD} from network_member m join account a on a.id = m.account_id
     where m.tenant_id = $1 and m.dtehm_member_id = $2`,
    [tenantId, memberNumber.trim().toUpperCase()],
  );
  return rows[0] ?? null;
}

/** The sponsor's upline (index 0 is GN1; inactive members null) and the stockist's card, in one statement. */
export async function saleChain(
  db: pg.Pool | pg.PoolClient,
  tenantId: number,
  sponsorId: number | null,
  stockistId: number | null,
) {
  if (sponsorId === null && stockistId === null) return { up: [], stockist: null };
  const { rows } = await db.query<Card & { depth: number }>(
    `select u.depth, ${CARD}
     from (select $1::int as id, 0 as depth where $2::int is not null
           union all
           select ancestor_id, depth from network_link where tenant_id = $3 and descendant_id = $4::int and depth < $5
           union all
           select $6::int, -1 where $7::int is not null) u
     join account a on a.id = u.id and a.tenant_id = $8 left join network_member m on m.account_id = a.id
     order by u.depth`,
    [sponsorId, sponsorId, tenantId, sponsorId, GENERATION_BPS.length, stockistId, stockistId, tenantId],
  );
  const stockist = rows[0]?.depth === -1 ? rows[0] : null;
  const up = (stockist ? rows.slice(1) : rows).map((r) => (r.active ? r : null));
  return { up, stockist };
}

export async function cardById(db: pg.Pool | pg.PoolClient, tenantId: number, accountId: number) {
  const { rows } = await db.query<Card>(
    `select ${CARD} from account a left join network_member m on m.account_id = a.id
     where a.tenant_id = $1 and a.id = any($2::int[])`,
    [tenantId, [accountId]],
  );
  return rows[0] ?? null;
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
