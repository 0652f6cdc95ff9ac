import type { EntitySchema, TriggerDef } from '@mikro-orm/core';
import { CooperativeMember } from '../cooperative/cooperative-member.entity.ts';
import { LedgerAccount } from '../ledger/ledger.entity.ts';
import { SavingsTransaction } from '../savings/savings-transaction.entity.ts';

/**
 * Rows per rollup key: a writer adds to the bucket of its transaction's (or savings account's) id, so
 * concurrent writers seldom wait for each other on one hot row; readers sum the buckets.
 */
export const ROLLUP_BUCKETS = 8;

type RowEvent = 'insert' | 'update' | 'delete';

const REFERENCING: Record<RowEvent, string> = {
  insert: 'new table as new_rows',
  update: 'old table as old_rows new table as new_rows',
  delete: 'old table as old_rows',
};

/**
 * A trigger run once per statement over the statement's rows (transition tables), so a bulk insert
 * of a million rows costs one grouped upsert. The function is named `{table}_{trigger}_fn`, as the
 * schema tools expect when they drop the trigger.
 */
function statementTrigger(table: string, name: string, event: RowEvent, body: string): TriggerDef {
  const fn = `${table}_${name}_fn`;
  return {
    name,
    timing: 'after',
    events: [event],
    forEach: 'statement',
    expression: `create or replace function "${fn}"() returns trigger as $$ begin ${body.replace(/\s+/g, ' ').trim()} return null; end; $$ language plpgsql;
create trigger "${name}" after ${event} on "${table}" referencing ${REFERENCING[event]} for each statement execute function "${fn}"();`,
  };
}

/**
 * The statement's rows that count, each with its sign: inserted rows +1, deleted rows −1, and for an
 * update, rows whose `keyColumns` changed: the new version +1 and the old one −1.
 */
function signedRows(event: RowEvent, columns: string[], keyColumns: string[]): string {
  const list = (alias: string) => columns.map((c) => `${alias}.${c}`).join(', ');
  if (event === 'insert') return `select ${list('n')}, 1 as sign from new_rows n`;
  if (event === 'delete') return `select ${list('o')}, -1 as sign from old_rows o`;
  const changed = `(${keyColumns.map((c) => `n.${c}`).join(', ')}) is distinct from (${keyColumns.map((c) => `o.${c}`).join(', ')})`;
  return `select ${list('n')}, 1 as sign from new_rows n join old_rows o on o.id = n.id where ${changed}
    union all select ${list('o')}, -1 as sign from old_rows o join new_rows n on n.id = o.id where ${changed}`;
}

// Upserts take their rows in key order, so two statements never lock the same rows in opposite orders.

function flowBody(event: RowEvent): string {
  const columns = ['id', 'tenant_id', 'created_at', 'category', 'type_code', 'status', 'amount'];
  return `with d as (
      select r.tenant_id, (r.created_at at time zone t.time_zone)::date as day, r.category, r.type_code, r.status,
             r.id % ${ROLLUP_BUCKETS} as bucket, sum(r.sign) as transactions, sum(r.sign * r.amount) as amount
        from (${signedRows(event, columns, columns.slice(1))}) r join tenant t on t.id = r.tenant_id
       group by 1, 2, 3, 4, 5, 6),
    daily as (
      insert into savings_flow_daily as f (tenant_id, day, category, type_code, status, bucket, transactions, amount)
      select * from d order by 1, 2, 3, 4, 5, 6
      on conflict (tenant_id, day, category, type_code, status, bucket) do update
         set transactions = f.transactions + excluded.transactions, amount = f.amount + excluded.amount)
    insert into savings_flow_monthly as f (tenant_id, month, category, type_code, status, bucket, transactions, amount)
    select tenant_id, date_trunc('month', day::timestamp)::date, category, type_code, status, bucket, sum(transactions), sum(amount)
      from d group by 1, 2, 3, 4, 5, 6 order by 1, 2, 3, 4, 5, 6
    on conflict (tenant_id, month, category, type_code, status, bucket) do update
       set transactions = f.transactions + excluded.transactions, amount = f.amount + excluded.amount;`;
}

function memberBody(event: RowEvent): string {
  const columns = ['id', 'tenant_id', 'join_date', 'membership_status'];
  return `with j as (
      select r.tenant_id, (r.join_date at time zone t.time_zone)::date as day, r.membership_status as status,
             sum(r.sign) as members
        from (${signedRows(event, columns, columns.slice(1))}) r join tenant t on t.id = r.tenant_id
       group by 1, 2, 3),
    daily as (
      insert into member_join_daily as d (tenant_id, day, status, members)
      select * from j order by 1, 2, 3
      on conflict (tenant_id, day, status) do update set members = d.members + excluded.members)
    insert into member_status_total as s (tenant_id, status, members)
    select tenant_id, status, sum(members) from j group by 1, 2 order by 1, 2
    on conflict (tenant_id, status) do update set members = s.members + excluded.members;`;
}

/**
 * Savings balances move when a `savings:{id}` ledger account's running balance does (a liability:
 * what the member holds is minus the running balance).
 */
function balanceBody(event: 'insert' | 'update'): string {
  const savings = `n.code ~ '^savings:[0-9]{1,18}$'`;
  const moved =
    event === 'insert'
      ? `select n.tenant_id, substr(n.code, 9)::bigint as account_id, 0 - n.running_balance as amount
           from new_rows n where ${savings} and coalesce(n.running_balance, 0) <> 0`
      : `select n.tenant_id, substr(n.code, 9)::bigint as account_id,
                coalesce(o.running_balance, 0) - coalesce(n.running_balance, 0) as amount
           from new_rows n join old_rows o on o.id = n.id
          where ${savings} and n.running_balance is distinct from o.running_balance`;
  return `with moved as (${moved}),
    held as (
      select m.tenant_id, a.product_id, a.owner_account_id, a.id % ${ROLLUP_BUCKETS} as bucket, sum(m.amount) as amount
        from moved m join savings_account a on a.tenant_id = m.tenant_id and a.id = m.account_id
       group by 1, 2, 3, 4),
    products as (
      insert into savings_product_balance as b (tenant_id, product_id, bucket, balance)
      select tenant_id, product_id, bucket, sum(amount) from held group by 1, 2, 3 order by 1, 2, 3
      on conflict (tenant_id, product_id, bucket) do update set balance = b.balance + excluded.balance)
    insert into member_savings_balance as s (tenant_id, owner_account_id, balance)
    select tenant_id, owner_account_id, sum(amount) from held group by 1, 2 order by 1, 2
    on conflict (tenant_id, owner_account_id) do update set balance = s.balance + excluded.balance;`;
}

const EVENTS: RowEvent[] = ['insert', 'update', 'delete'];

/** The triggers, by the entity whose table they watch. */
export const ROLLUP_TRIGGERS: readonly { entity: EntitySchema; triggers: TriggerDef[] }[] = [
  {
    entity: SavingsTransaction,
    triggers: EVENTS.map((e) => statementTrigger('savings_transaction', `savings_flow_${e}`, e, flowBody(e))),
  },
  {
    entity: CooperativeMember,
    triggers: EVENTS.map((e) => statementTrigger('cooperative_member', `member_join_${e}`, e, memberBody(e))),
  },
  {
    // ledger accounts are never deleted
    entity: LedgerAccount,
    triggers: (['insert', 'update'] as const).map((e) =>
      statementTrigger('ledger_account', `savings_balance_${e}`, e, balanceBody(e)),
    ),
  },
];

/**
 * Open transactions (the dashboard's pending count) and a status filter over a date range (the
 * transaction report) read this index of the savings transactions.
 */
const STATUS_INDEX = {
  name: 'savings_transaction_status_idx',
  properties: ['tenant', 'status', 'createdAt'],
};

/**
 * Declares the triggers (and the index) on the entities of the tables they watch, so migrations
 * create them and the schema diff keeps them. Called once where the entities are listed.
 */
export function installRollupSchema(): void {
  for (const { entity, triggers } of ROLLUP_TRIGGERS) {
    for (const trigger of triggers)
      if (!entity.meta.triggers.some((t) => t.name === trigger.name)) entity.meta.triggers.push(trigger);
  }
  if (!SavingsTransaction.meta.indexes.some((i) => i.name === STATUS_INDEX.name))
    SavingsTransaction.addIndex(STATUS_INDEX as never);
}
