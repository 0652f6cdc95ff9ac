// The console dashboard's statements: one per family of figures, each a row per local day of the
// range (days without activity included). They read other contexts' tables in one statement each,
// a report's read, never a write; every range is bounded (at most 366 days) and served by an index
// or a rollup.

/**
 * Per day: orders paid that day (and not cancelled or refunded since) and their totals; commissions
 * earned that day and not reversed (network and voucher-code lines from `commission`, referral-link
 * commissions from `affiliate_referral` when confirmed); referral clicks from the daily rollup.
 * Parameters: first and last day; time zone, tenant, from, until (orders); time zone, tenant, from,
 * until (commission); time zone, tenant, from, until (referrals); tenant, first and last day (clicks).
 */
export const SALES_SERIES_SQL = `
with days as (select g.d::date as day from generate_series(?::date, ?::date, interval '1 day') as g (d)),
sales as (
  select (o.paid_at at time zone ?)::date as day, count(*) as orders, sum(o.total_amount) as amount
    from customer_order o
   where o.tenant_id = ? and o.paid_at >= ? and o.paid_at < ? and o.status not in ('cancelled', 'refunded')
   group by 1),
earned as (
  select (c.created_at at time zone ?)::date as day, c.amount
    from commission c
   where c.tenant_id = ? and c.created_at >= ? and c.created_at < ? and c.reversed_at is null
  union all
  select (r.confirmed_at at time zone ?)::date, r.commission
    from affiliate_referral r
   where r.tenant_id = ? and r.confirmed_at >= ? and r.confirmed_at < ? and r.status <> 'reversed'),
commissions as (select day, sum(amount) as amount from earned group by day),
clicks as (
  select k.day, sum(k.clicks) as clicks from affiliate_click_daily k
   where k.tenant_id = ? and k.day between ?::date and ?::date group by k.day)
select to_char(days.day, 'YYYY-MM-DD') as date,
       coalesce(s.amount, 0)::text as sales, coalesce(s.orders, 0)::text as orders,
       coalesce(c.amount, 0)::text as commissions, coalesce(k.clicks, 0)::text as clicks
  from days
  left join sales s on s.day = days.day
  left join commissions c on c.day = days.day
  left join clicks k on k.day = days.day
 order by days.day`;

/**
 * Per day: completed deposits and withdrawals from the daily savings rollup. Parameters: first and
 * last day, tenant.
 */
export const SAVINGS_SERIES_SQL = `
select to_char(g.d, 'YYYY-MM-DD') as date,
       coalesce(sum(f.amount) filter (where f.category = 'deposit'), 0)::text as deposits,
       coalesce(sum(f.amount) filter (where f.category = 'withdrawal'), 0)::text as withdrawals
  from generate_series(?::date, ?::date, interval '1 day') as g (d)
  left join savings_flow_daily f
    on f.tenant_id = ? and f.day = g.d::date and f.status = 'completed'
   and f.category in ('deposit', 'withdrawal')
 group by g.d
 order by g.d`;

/** What members hold now (the product balances rollup) and the active members (one row). Parameters: tenant, tenant. */
export const SAVINGS_NOW_SQL = `
select (select coalesce(sum(balance), 0) from savings_product_balance where tenant_id = ?)::text as total_savings,
       (select coalesce(sum(members), 0) from member_status_total where tenant_id = ? and status = 'active')::text
         as active_members`;
