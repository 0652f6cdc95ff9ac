// The financial dashboard's one statement: six independent reads over the rollups, each aggregated
// into a JSON column (or a count). Bound parameters: $1 tenant, $2 first day, $3 last whole month
// (null: none), $4 today, $5 first day read by day, $6 last day.

export const TOP_SAVERS = 10;

/** What members hold per product code (money as text: bigint sums stay exact through JSON). */
const BALANCES = `select p.code, coalesce(sum(b.balance), 0)::text as balance
    from savings_product p
    left join savings_product_balance b on b.tenant_id = p.tenant_id and b.product_id = p.id
   where p.tenant_id = $1 group by p.code`;

/**
 * Completed deposits and withdrawals: whole months (so far) from the monthly rollup when the period
 * starts on a month's first day, otherwise its days; and today's days, flagged.
 */
const FLOWS = `select 'month' as source, to_char(m.month, 'YYYY-MM') as month, false as today, m.category,
         sum(m.amount)::text as amount
    from savings_flow_monthly m
   where m.tenant_id = $1 and m.month between $2::date and $3::date and m.status = 'completed'
     and m.category in ('deposit', 'withdrawal')
   group by 2, 3, 4
  union all
  select 'day' as source, to_char(f.day, 'YYYY-MM') as month, f.day = $4::date as today, f.category,
         sum(f.amount)::text as amount
    from savings_flow_daily f
   where f.tenant_id = $1 and f.day between $5::date and $6::date and f.status = 'completed'
     and f.category in ('deposit', 'withdrawal')
   group by 2, 3, 4`;

/** Members who joined per month of the period. */
const JOINED = `select to_char(d.day, 'YYYY-MM') as month, sum(d.members)::text as joined
    from member_join_daily d where d.tenant_id = $1 and d.day between $2::date and $6::date group by 1`;

/** Members whose status is active: one row. */
const ACTIVE = `select coalesce(sum(members), 0)::int from member_status_total
   where tenant_id = $1 and status = 'active'`;

/** Open transactions: a few entries of `savings_transaction_status_idx`. */
const PENDING = `select count(*)::int from savings_transaction
   where tenant_id = $1 and status in ('pending', 'processing')`;

// the cooperative member and account rows only name the ten savers the index ranks first
const SAVERS = `select m.member_number, a.name, b.balance::text as balance
    from member_savings_balance b
    join cooperative_member m on m.tenant_id = b.tenant_id and m.account_id = b.owner_account_id
    join account a on a.id = b.owner_account_id
   where b.tenant_id = $1 and b.balance > 0
   order by b.balance desc, b.owner_account_id
   limit ${TOP_SAVERS}`;

const rows = (sql: string) => `(select coalesce(json_agg(x), '[]') from (${sql}) x)`;

export const DASHBOARD_SQL = `select ${rows(BALANCES)} as balances, ${rows(FLOWS)} as flows,
  ${rows(JOINED)} as joined, (${ACTIVE}) as active, (${PENDING}) as pending, ${rows(SAVERS)} as savers`;
