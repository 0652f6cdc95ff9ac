// GET /t/{slug}/api/admin/members by hand on `pg`: the same two statements as our member directory
// (the status tally, then the page with its members' savings and last activity) and the same body.
import type pg from 'pg';
import { HttpError, intParam } from './bare-http.ts';

const MEMBERSHIP = ['pending', 'active', 'suspended', 'inactive'];
const KYC = ['pending', 'verified', 'rejected'];

/** Each order's columns inside the page's statement and over the page's rows, as ours. */
const SORTS: Record<string, { page: string[]; rows: string[] }> = {
  created_at: { page: ['m.created_at', 'm.id'], rows: ['created_at', 'id'] },
  full_name: { page: ['lower(a.name)', 'm.id'], rows: ['sort_name', 'id'] },
  member_number: { page: ['m.member_number'], rows: ['member_number'] },
};
const orderBy = (columns: string[], dir: string) => columns.map((c) => `${c} ${dir}`).join(', ');

const MEMBER_NUMBER = /^[A-Z]{2,5}-\d{4}-\d{6,}$/;

/** A member number exactly, or each word (at most 8) as a prefix: `sin 0001` → `sin:* & 0001:*`. */
function searchCondition(text: string | undefined, param: number): { sql: string; value: string } | null {
  if (!text) return null;
  const number = text.trim().toUpperCase();
  if (MEMBER_NUMBER.test(number)) return { sql: `m.member_number = $${param}`, value: number };
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return null;
  const query = words
    .slice(0, 8)
    .map((w) => `${w}:*`)
    .join(' & ');
  return { sql: `m.search_vector @@ to_tsquery('simple', $${param})`, value: query };
}

function oneOf(name: string, value: string | undefined, allowed: string[]): string | undefined {
  if (value === undefined) return undefined;
  if (!allowed.includes(value)) throw new HttpError(422, `${name} is invalid`);
  return value;
}

interface Row {
  public_id: string;
  member_number: string;
  name: string;
  email: string;
  phone: string | null;
  membership_status: string;
  kyc_status: string;
  join_date: Date;
  total_savings: string | null;
  last_activity: Date;
}

export async function adminMembers(pool: pg.Pool, tenantId: number, query: Record<string, string>) {
  const status = oneOf('status', query.status, MEMBERSHIP);
  const kycStatus = oneOf('kyc_status', query.kyc_status, KYC);
  const search = query.search?.trim() || undefined;
  if (search && search.length > 100) throw new HttpError(422, 'search is too long');
  const page = intParam(query.page, 1);
  const limit = intParam(query.limit, 20, 100);
  const sort = SORTS[oneOf('sort_by', query.sort_by, Object.keys(SORTS)) ?? 'created_at']!;
  const dir = oneOf('sort_order', query.sort_order, ['asc', 'desc']) ?? 'desc';

  const where = ['m.tenant_id = $1'];
  const params: unknown[] = [tenantId];
  if (status) where.push(`m.membership_status = $${params.push(status)}`);
  if (kycStatus) where.push(`m.kyc_status = $${params.push(kycStatus)}`);
  const found = searchCondition(search, params.length + 1);
  if (found) {
    where.push(found.sql);
    params.push(found.value);
  }
  const filter = where.join(' and ');

  const tally = await pool.query<{
    membership_status: string;
    kyc_status: string;
    members: number;
    matching?: string;
  }>(
    `select membership_status, kyc_status, members${
      found ? `, (select count(*) from cooperative_member m where ${filter}) as matching` : ''
    } from cooperative_member_tally where tenant_id = $${found ? params.length + 1 : 1}`,
    found ? [...params, tenantId] : [tenantId],
  );
  const count = (keep: (row: (typeof tally.rows)[number]) => boolean) =>
    tally.rows.filter(keep).reduce((sum, row) => sum + row.members, 0);
  const total = found
    ? Number(tally.rows[0]?.matching ?? 0)
    : count(
        (row) =>
          (!status || row.membership_status === status) && (!kycStatus || row.kyc_status === kycStatus),
      );
  const offset = (page - 1) * limit;
  const { rows } = await pool.query<Row>(
    `with page as materialized (
       select m.id, m.tenant_id, m.account_id, m.public_id, m.member_number, m.membership_status,
         m.kyc_status, m.join_date, m.created_at, m.updated_at, a.name, a.email, a.phone,
         lower(a.name) as sort_name
       from cooperative_member m join account a on a.id = m.account_id and a.tenant_id = m.tenant_id
       where ${filter}
       order by ${orderBy(sort.page, dir)}
       limit $${params.length + 1} offset $${params.length + 2})
     select page.public_id, page.member_number, page.name, page.email, page.phone,
       page.membership_status, page.kyc_status, page.join_date,
       (select -sum(la.running_balance) from savings_account sa
          join ledger_account la on la.tenant_id = sa.tenant_id and la.code = 'savings:' || sa.id
          where sa.tenant_id = page.tenant_id and sa.owner_account_id = page.account_id) as total_savings,
       greatest(page.updated_at,
         (select max(t.created_at) from savings_transaction t
            where t.tenant_id = page.tenant_id and t.owner_account_id = page.account_id),
         (select max(s.created_at) from session s where s.account_id = page.account_id)) as last_activity
     from page order by ${orderBy(sort.rows, dir)}`,
    [...params, limit, offset],
  );
  const remainder = total % limit;
  const lastPage = Math.max(1, (total - remainder) / limit + (remainder > 0 ? 1 : 0));
  return {
    members: rows.map((r) => ({
      id: r.public_id,
      member_number: r.member_number,
      full_name: r.name,
      email: r.email,
      phone: r.phone,
      membership_status: r.membership_status,
      kyc_status: r.kyc_status,
      join_date: r.join_date.toISOString(),
      total_savings: Number(r.total_savings ?? 0),
      last_activity: r.last_activity.toISOString(),
    })),
    pagination: {
      current_page: page,
      total_pages: lastPage,
      total_items: total,
      items_per_page: limit,
      has_next: page < lastPage,
      has_prev: page > 1,
    },
    summary: {
      total_members: count(() => true),
      active_members: count((row) => row.membership_status === 'active'),
      pending_verification: count((row) => row.membership_status === 'pending'),
      suspended_members: count((row) => row.membership_status === 'suspended'),
    },
  };
}
