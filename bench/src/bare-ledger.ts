// Our ledger service's post by hand on `pg`, the same statements: the entry, its postings and the
// caller's guard (a claim) and alongside statement (the entry's records) in one statement; only when an
// account does not exist yet, its creation and the postings in the statements that follow.
import type pg from 'pg';

export interface BarePosting {
  code: string;
  kind: string;
  owner: number | null;
  amount: number;
}

/** A statement fragment and its parameters, numbered from `$${first}` when placed. */
export type Fragment = (first: number) => { text: string; values: unknown[] };

export async function ledgerPost(
  tx: pg.PoolClient,
  tenantId: number,
  now: Date,
  key: string,
  description: string,
  postings: BarePosting[],
  options: { guard?: Fragment; alongside?: Fragment; companion?: Fragment; currency?: string } = {},
): Promise<{ guarded: boolean; entryId: number | null; companion: unknown[] }> {
  const lines = postings.filter((p) => p.amount !== 0);
  const codes = lines.map((l) => l.code);
  const values: unknown[] = [];
  const $ = (v: unknown) => {
    values.push(v);
    return `$${values.length}`;
  };
  const place = (f: Fragment) => {
    const { text, values: vs } = f(values.length + 1);
    values.push(...vs);
    return text;
  };
  const guard = options.guard ? `guard as (${place(options.guard)}), ` : '';
  const text = `with ${guard}entry as (
      insert into ledger_entry (tenant_id, idempotency_key, description, created_at)
      select ${$(tenantId)}, ${$(key)}, ${$(description)}, ${$(now)}${options.guard ? ' where exists (select 1 from guard)' : ''}
      on conflict (tenant_id, idempotency_key) do nothing returning id),
    posting_account as (select id, code from ledger_account where tenant_id = ${$(tenantId)} and code = any(${$(codes)}::text[])),
    posting_line as (select l.n, l.amount, posting_account.id as account_id
             from unnest(${$(codes)}::text[], ${$(lines.map((l) => l.amount))}::bigint[]) with ordinality as l(code, amount, n)
             left join posting_account on posting_account.code = l.code),
    posted as (insert into ledger_posting (tenant_id, entry_id, ledger_account_id, amount)
                select ${$(tenantId)}, entry.id, posting_line.account_id, posting_line.amount from entry, posting_line
                where not exists (select 1 from posting_line where account_id is null) order by posting_line.n
                returning 1)${options.alongside ? `, alongside as (${place(options.alongside)})` : ''}${
                  options.companion ? `, companion as (${place(options.companion)})` : ''
                }
    select ${options.guard ? 'exists (select 1 from guard)' : 'true'} as guarded,
           ${options.companion ? '(select json_agg(companion) from companion)' : 'null::json'} as companion,
           (select id from entry) as entry_id, (select count(*)::int from posted) as posted,
           array(select account_id from posting_line order by n) as account_ids`;
  const { rows } = await tx.query<{
    guarded: boolean;
    entry_id: number | null;
    posted: number;
    companion: unknown[] | null;
  }>(text, values);
  const row = rows[0]!;
  const companion = row.companion ?? [];
  if (row.entry_id === null || lines.length === 0 || row.posted === lines.length) {
    return { guarded: row.guarded, entryId: row.entry_id, companion };
  }
  // an account's first posting: create it, then post
  const accounts = [...new Map(lines.map((p) => [p.code, p])).values()];
  await tx.query(
    `insert into ledger_account (tenant_id, code, kind, currency, owner_account_id, running_balance, created_at)
     values ${accounts.map((_, i) => `($1, $${i * 3 + 4}, $${i * 3 + 5}, $3, $${i * 3 + 6}, null, $2)`).join(', ')}
     on conflict (tenant_id, code) do nothing`,
    [tenantId, now, options.currency ?? 'UGX', ...accounts.flatMap((a) => [a.code, a.kind, a.owner])],
  );
  const accountRows = await tx.query<{ id: number; code: string }>(
    'select id, code from ledger_account where tenant_id = $1 and code = any($2::text[])',
    [tenantId, accounts.map((a) => a.code)],
  );
  const ids = new Map(accountRows.rows.map((r) => [r.code, r.id]));
  await tx.query(
    `insert into ledger_posting (tenant_id, entry_id, ledger_account_id, amount)
     values ${lines.map((_, i) => `($1, $2, $${i * 2 + 3}, $${i * 2 + 4})`).join(', ')}`,
    [tenantId, row.entry_id, ...lines.flatMap((p) => [ids.get(p.code), p.amount])],
  );
  return { guarded: row.guarded, entryId: row.entry_id, companion };
}
