// GET /user/network (the downline) by hand on `pg`: the same statements, in the same order, as
// our network service (bind parameters instead of inlined literals), and the same response body.
import type pg from 'pg';
import { GENERATION_BPS } from './bare-commission.ts';
import { HttpError, intParam, localDateTime, pageWindow } from './bare-http.ts';

const DEEPEST = GENERATION_BPS.length;

export async function network(
  pool: pg.Pool,
  tenantId: number,
  accountId: number,
  q: Record<string, string | undefined>,
) {
  const page = intParam(q.page, 1);
  const perPage = intParam(q.per_page, 20, 100);
  const level = (q.level ?? 'all').trim().toLowerCase();
  const range =
    level === 'all'
      ? [1, DEEPEST]
      : level === 'direct'
        ? [1, 1]
        : /^[1-9]\d?$/.test(level)
          ? [+level, +level]
          : null;
  if (!range) throw new HttpError(400, 'level must be all, direct or a level number');
  const { rows: stats } = await pool.query<{ depth: number; members: number; dtehm: number; dip: number }>(
    `select depth, members, dtehm, dip from network_level_count
     where ancestor_id = $1 and tenant_id = $2 and depth <= $3 and members > 0 order by depth`,
    [accountId, tenantId, DEEPEST],
  );
  const total = stats
    .filter((s) => s.depth >= range[0]! && s.depth <= range[1]!)
    .reduce((n, s) => n + s.members, 0);
  const { offset, ...pagination } = pageWindow(total, page, perPage);
  const members =
    pagination.from === null
      ? []
      : (
          await pool.query<{
            depth: number;
            id: number;
            name: string;
            email: string;
            phone: string | null;
            dtehmMemberId: string | null;
            dipMemberId: string | null;
            wantsDtehm: boolean;
            wantsDip: boolean;
            joinedAt: Date;
            status: string;
          }>(
            `select l.depth, a.id, a.name, a.email, a.phone, m.dtehm_member_id as "dtehmMemberId",
                    m.dip_member_id as "dipMemberId", m.wants_dtehm as "wantsDtehm", m.wants_dip as "wantsDip",
                    m.joined_at as "joinedAt", m.status,
                    m.suspended_at is not null as suspended
             from network_link l
             join account a on a.id = l.descendant_id
             join network_member m on m.account_id = l.descendant_id
             where l.ancestor_id = $1 and l.tenant_id = $2 and l.depth between $3 and $4
             order by l.depth, l.descendant_id limit $5 offset $6`,
            [accountId, tenantId, range[0], range[1], perPage, offset],
          )
        ).rows;
  return {
    network: members.map((m) => ({
      id: m.id,
      name: m.name,
      email: m.email,
      phone: m.phone,
      dtehm_member_id: m.dtehmMemberId,
      dip_member_id: m.dipMemberId,
      is_dtehm_member: m.wantsDtehm ? 'Yes' : 'No',
      is_dip_member: m.wantsDip ? 'Yes' : 'No',
      level: m.depth,
      joined_at: localDateTime(m.joinedAt),
      status: m.status === 'active' ? 'Active' : 'Pending',
    })),
    statistics: {
      total_members: stats.reduce((n, l) => n + l.members, 0),
      direct_referrals: stats.find((l) => l.depth === 1)?.members ?? 0,
      dtehm_members: stats.reduce((n, l) => n + l.dtehm, 0),
      dip_members: stats.reduce((n, l) => n + l.dip, 0),
      levels_deep: stats.at(-1)?.depth ?? 0,
      by_level: Object.fromEntries(stats.map((l) => [`level_${l.depth}`, l.members])),
    },
    pagination,
  };
}
