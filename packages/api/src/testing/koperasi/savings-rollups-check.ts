import { type Orm, systemEm } from '../../kernel/database.ts';

export interface RollupDrift {
  rollup: 'flow' | 'flow-monthly' | 'product' | 'member' | 'joined' | 'status';
  key: string;
  /** recomputed from the rows the rollup summarises */
  actual: string | null;
  /** what the rollup holds (summed over its buckets) */
  kept: string | null;
}

// Each rollup against a recomputation from its sources, keys that differ only. Zero rows in the
// rollup (a status that moved away) count as absent.
const CHECKS: { rollup: RollupDrift['rollup']; sql: string }[] = [
  {
    rollup: 'flow',
    sql: `with actual as (
        select s.tenant_id, (s.created_at at time zone t.time_zone)::date as day, s.category::text as category,
               s.type_code::text as type_code, s.status::text as status, count(*) || '/' || sum(s.amount) as v
          from savings_transaction s join tenant t on t.id = s.tenant_id group by 1, 2, 3, 4, 5),
      kept as (
        select tenant_id, day, category::text as category, type_code::text as type_code, status::text as status,
               sum(transactions) || '/' || sum(amount) as v
          from savings_flow_daily group by 1, 2, 3, 4, 5 having sum(transactions) <> 0 or sum(amount) <> 0)
      select concat_ws(' ', tenant_id, day, category, type_code, status) as key, a.v as actual, k.v as kept
        from actual a full join kept k using (tenant_id, day, category, type_code, status)
       where a.v is distinct from k.v`,
  },
  {
    rollup: 'flow-monthly',
    sql: `with actual as (
        select s.tenant_id, date_trunc('month', (s.created_at at time zone t.time_zone))::date as month,
               s.category::text as category, s.type_code::text as type_code, s.status::text as status,
               count(*) || '/' || sum(s.amount) as v
          from savings_transaction s join tenant t on t.id = s.tenant_id group by 1, 2, 3, 4, 5),
      kept as (
        select tenant_id, month, category::text as category, type_code::text as type_code, status::text as status,
               sum(transactions) || '/' || sum(amount) as v
          from savings_flow_monthly group by 1, 2, 3, 4, 5 having sum(transactions) <> 0 or sum(amount) <> 0)
      select concat_ws(' ', tenant_id, month, category, type_code, status) as key, a.v as actual, k.v as kept
        from actual a full join kept k using (tenant_id, month, category, type_code, status)
       where a.v is distinct from k.v`,
  },
  {
    rollup: 'product',
    sql: `with actual as (
        select a.tenant_id, a.product_id, sum(0 - l.running_balance)::text as v
          from ledger_account l join savings_account a on a.tenant_id = l.tenant_id and l.code = 'savings:' || a.id
         group by 1, 2 having sum(l.running_balance) <> 0),
      kept as (select tenant_id, product_id, sum(balance)::text as v from savings_product_balance group by 1, 2 having sum(balance) <> 0)
      select concat_ws(' ', tenant_id, product_id) as key, a.v as actual, k.v as kept
        from actual a full join kept k using (tenant_id, product_id) where a.v is distinct from k.v`,
  },
  {
    rollup: 'member',
    sql: `with actual as (
        select a.tenant_id, a.owner_account_id, sum(0 - l.running_balance)::text as v
          from ledger_account l join savings_account a on a.tenant_id = l.tenant_id and l.code = 'savings:' || a.id
         group by 1, 2 having sum(l.running_balance) <> 0),
      kept as (select tenant_id, owner_account_id, balance::text as v from member_savings_balance where balance <> 0)
      select concat_ws(' ', tenant_id, owner_account_id) as key, a.v as actual, k.v as kept
        from actual a full join kept k using (tenant_id, owner_account_id) where a.v is distinct from k.v`,
  },
  {
    rollup: 'joined',
    sql: `with actual as (
        select m.tenant_id, (m.join_date at time zone t.time_zone)::date as day, m.membership_status::text as status,
               count(*)::text as v
          from cooperative_member m join tenant t on t.id = m.tenant_id group by 1, 2, 3),
      kept as (select tenant_id, day, status::text as status, members::text as v from member_join_daily where members <> 0)
      select concat_ws(' ', tenant_id, day, status) as key, a.v as actual, k.v as kept
        from actual a full join kept k using (tenant_id, day, status) where a.v is distinct from k.v`,
  },
  {
    rollup: 'status',
    sql: `with actual as (
        select tenant_id, membership_status::text as status, count(*)::text as v from cooperative_member group by 1, 2),
      kept as (select tenant_id, status::text as status, members::text as v from member_status_total where members <> 0)
      select concat_ws(' ', tenant_id, status) as key, a.v as actual, k.v as kept
        from actual a full join kept k using (tenant_id, status) where a.v is distinct from k.v`,
  },
];

/** Rollup rows of the financial reports that disagree with their sources (none, if the triggers work). */
export async function driftedSavingsRollups(orm: Orm): Promise<RollupDrift[]> {
  const em = systemEm(orm);
  const drifts: RollupDrift[] = [];
  for (const { rollup, sql } of CHECKS) {
    const rows = await em.execute<Omit<RollupDrift, 'rollup'>[]>(sql);
    drifts.push(...rows.map((r) => ({ rollup, ...r })));
  }
  return drifts;
}
