import { type RawBuilder, sql } from 'kysely';
import type { Em } from './database.ts';

/**
 * SQL with bound parameters, run on the EntityManager's connection (its transaction when it is in
 * one). `em.execute` inlines every parameter into the text, so PostgreSQL parses each statement
 * anew and JavaScript escapes every value; a `sql` template sends `$1…$n` beside the values, as a
 * hand-written `pg` route would. Hot paths use this; the rest may keep `em.execute`.
 *
 *   const rows = await boundRows<{ id: number }>(em, sql`select id from account where tenant_id = ${tenantId}`);
 *
 * Interpolated values are always parameters; `sql.join`, `sql.raw` (constants only) and `sql.ref`
 * build lists and identifiers. A list parameter is one array: `= any(${ids})`, not `in (${ids})`.
 */
export { sql };

export async function boundRows<T>(em: Em, query: RawBuilder<unknown>): Promise<T[]> {
  const result = await query.execute(em.getKysely());
  return result.rows as T[];
}

/** The first row, or undefined. */
export async function boundRow<T>(em: Em, query: RawBuilder<unknown>): Promise<T | undefined> {
  return (await boundRows<T>(em, query))[0];
}

/** Rows changed by an insert, update or delete without `returning`. */
export async function boundRun(em: Em, query: RawBuilder<unknown>): Promise<number> {
  const result = await query.execute(em.getKysely());
  return Number(result.numAffectedRows ?? 0);
}
