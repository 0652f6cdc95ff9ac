// GET /t/{slug}/api/savings/transactions by hand on `pg`: the one statement our savings history
// issues (the count and the page with each row's account and product) and the same body.
import type pg from 'pg';
import { HttpError, intParam } from './bare-http.ts';

const CATEGORIES = ['deposit', 'withdrawal', 'interest', 'bonus'];
const STATUSES = ['pending', 'processing', 'completed', 'failed', 'cancelled'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The transaction types' names (koperasi-sinoman §4.2), by code. */
const TYPE_NAMES: Record<string, string> = {
  SP_DEPOSIT: 'Setoran Simpanan Pokok',
  SW_DEPOSIT: 'Setoran Simpanan Wajib',
  SS_DEPOSIT: 'Setoran Simpanan Sukarela',
  SS_WITHDRAWAL: 'Penarikan Simpanan Sukarela',
  SS_INTEREST: 'Bunga Simpanan Sukarela',
  REFERRAL_BONUS: 'Bonus Referral',
};

/** The instant a local day starts in `timeZone` (`addDays` later), as ours computes it. */
function startOfLocalDay(day: string, timeZone: string, addDays = 0): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const guess = Date.UTC(y, m - 1, d + addDays);
  const offset = (at: number) => {
    const p: Record<string, number> = {};
    for (const part of new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    }).formatToParts(at))
      p[part.type] = Number(part.value);
    return (
      Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!) - Math.floor(at / 1000) * 1000
    );
  };
  return new Date(guess - offset(guess - offset(guess)));
}

function day(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!DAY.test(value) || Number.isNaN(Date.parse(value))) throw new HttpError(422, `${name} is not a date`);
  return value;
}

/** The statement's row: the count on every row, the page's columns null when the page is empty. */
interface Row {
  total: string;
  public_id: string | null;
  transaction_number: string;
  type_code: string;
  category: string;
  amount: string;
  description: string | null;
  balance_before: string;
  balance_after: string;
  payment_method: string | null;
  payment_reference: string | null;
  status: string;
  processed_at: Date | null;
  created_at: Date;
  account_public_id: string;
  account_number: string;
  product_name: string;
}

export async function memberTransactions(
  pool: pg.Pool,
  tenantId: number,
  timeZone: string,
  owner: number,
  query: Record<string, string>,
) {
  if (query.account_id !== undefined && !UUID.test(query.account_id))
    throw new HttpError(422, 'account_id is not a UUID');
  if (query.type !== undefined && !CATEGORIES.includes(query.type))
    throw new HttpError(422, 'type is invalid');
  if (query.status !== undefined && !STATUSES.includes(query.status))
    throw new HttpError(422, 'status is invalid');
  const start = day('start_date', query.start_date);
  const end = day('end_date', query.end_date);
  if (start && end && start > end) throw new HttpError(422, 'end_date must be on or after start_date');
  const page = intParam(query.page, 1);
  const limit = intParam(query.limit, 20, 100);

  const where = ['t.tenant_id = $1', 't.owner_account_id = $2'];
  const params: unknown[] = [tenantId, owner];
  if (query.account_id !== undefined)
    where.push(
      `t.savings_account_id = (select id from savings_account where tenant_id = $1 and owner_account_id = $2 and public_id = $${params.push(query.account_id)})`,
    );
  if (query.type) where.push(`t.category = $${params.push(query.type)}`);
  if (query.status) where.push(`t.status = $${params.push(query.status)}`);
  if (start) where.push(`t.created_at >= $${params.push(startOfLocalDay(start, timeZone))}`);
  if (end) where.push(`t.created_at < $${params.push(startOfLocalDay(end, timeZone, 1))}`);
  const matching = where.join(' and ');
  const { rows } = await pool.query<Row>(
    `select c.total, t.public_id, t.transaction_number, t.type_code, t.category, t.amount, t.description,
       t.balance_before, t.balance_after, t.payment_method, t.payment_reference, t.status, t.processed_at,
       t.created_at, a.public_id as account_public_id, a.account_number, p.name as product_name
     from (select count(*) as total from savings_transaction t where ${matching}) c
     left join lateral (
       select t.* from savings_transaction t where ${matching}
       order by t.created_at desc, t.id desc limit $${params.length + 1} offset $${params.length + 2}) t on true
     left join savings_account a on a.tenant_id = t.tenant_id and a.id = t.savings_account_id
     left join savings_product p on p.tenant_id = a.tenant_id and p.id = a.product_id
     order by t.created_at desc, t.id desc`,
    [...params, limit, (page - 1) * limit],
  );
  const total = Number(rows[0]!.total);
  const remainder = total % limit;
  const lastPage = Math.max(1, (total - remainder) / limit + (remainder > 0 ? 1 : 0));
  return {
    transactions: rows
      .filter((t) => t.public_id !== null)
      .map((t) => ({
        id: t.public_id,
        transaction_number: t.transaction_number,
        savings_account: {
          id: t.account_public_id,
          account_number: t.account_number,
          savings_type: t.product_name,
        },
        transaction_type: {
          name: TYPE_NAMES[t.type_code] ?? t.type_code,
          code: t.type_code,
          category: t.category,
        },
        amount: Number(t.amount),
        description: t.description,
        balance_before: Number(t.balance_before),
        balance_after: Number(t.balance_after),
        payment_method: t.payment_method,
        payment_reference: t.payment_reference,
        status: t.status,
        processed_at: t.processed_at ? t.processed_at.toISOString() : null,
        created_at: t.created_at.toISOString(),
      })),
    pagination: {
      current_page: page,
      total_pages: lastPage,
      total_items: total,
      items_per_page: limit,
      has_next: page < lastPage,
      has_prev: page > 1,
    },
  };
}
