import { type RawBuilder, sql } from 'kysely';
import type { Em } from './database.ts';
import { type Scope, scopeKysely } from './scope.ts';

/**
 * SQL with bound parameters, run on the EntityManager's connection (its transaction when it is in
 * one). `em.execute` inlines every parameter into the text, so PostgreSQL parses each statement
 * anew and JavaScript escapes every value; a `sql` template sends `$1…$n` beside the values, as a
 * hand-written `pg` route would. Hot paths use this; the rest may keep `em.execute`.
 *
 *   const rows = await boundRows<{ id: number }>(scope, sql`select id from account where tenant_id = ${tenantId}`);
 *
 * Given a scope, it runs on the scope's EntityManager, or on the pool while a request's scope has
 * not forked one (`requestScope`); given an EntityManager, on that.
 *
 * Interpolated values are always parameters; `sql.join`, `sql.raw` (constants only) and `sql.ref`
 * build lists and identifiers. A list parameter is one array: `= any(${ids})`, not `in (${ids})`.
 */
export { sql };

/** Where bound SQL runs. */
export type SqlTarget = Em | Scope;

const kyselyOf = (target: SqlTarget) => ('getKysely' in target ? target.getKysely() : scopeKysely(target));

export async function boundRows<T>(target: SqlTarget, query: RawBuilder<unknown>): Promise<T[]> {
  const result = await query.execute(kyselyOf(target));
  return result.rows as T[];
}

/** The first row, or undefined. */
export async function boundRow<T>(target: SqlTarget, query: RawBuilder<unknown>): Promise<T | undefined> {
  return (await boundRows<T>(target, query))[0];
}

/** Rows changed by an insert, update or delete without `returning`. */
export async function boundRun(target: SqlTarget, query: RawBuilder<unknown>): Promise<number> {
  const result = await query.execute(kyselyOf(target));
  return Number(result.numAffectedRows ?? 0);
}

/**
 * Runs a statement whose result is one value, `own` (selected as `column`, after the statement's
 * `with` list `head`), and sends `alongside` with it: a query of at most one row, read in the same
 * snapshot. The value, and that row or null when it finds none (or no query was sent). `column` must
 * be a name the alongside row cannot have (a payment's row has a `status`).
 */
export async function boundRowAlongside<V>(
  target: SqlTarget,
  head: RawBuilder<unknown>,
  own: RawBuilder<unknown>,
  column: string,
  alongside: RawBuilder<unknown> = sql`select where false`,
): Promise<{ own: V | null; alongside: Record<string, unknown> | null }> {
  if (!/^[a-z_]+$/.test(column)) throw new Error(`not a column name: ${column}`);
  const row = await boundRow<Record<string, unknown>>(
    target,
    sql`${head} select ${own} as ${sql.raw(column)}, found.*
        from (select 1) one left join lateral (select true as found_alongside, a.* from (${alongside}) a) found on true`,
  );
  const { [column]: value, found_alongside: found, ...rest } = row!;
  return { own: (value ?? null) as V | null, alongside: found ? rest : null };
}
