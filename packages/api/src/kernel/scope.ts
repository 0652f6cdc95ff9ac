import type { Kysely } from 'kysely';
import type { AuditRecorder } from './audit/recorder.ts';
import type { Em } from './database.ts';
import type { TenantRecord } from './tenant-record.ts';

/** What every service call runs within: one tenant's EntityManager and the request's clock. */
export interface Scope {
  em: Em;
  tenant: TenantRecord;
  now: Date;
  /**
   * Present while an audited action runs (an admin mutation): a service that changes a record may
   * describe it here, `scope.audit?.change({ subject, before, after })`, for the action's audit entry.
   */
  audit?: AuditRecorder | undefined;
  /** Work waiting for the commit of the transaction that owns this scope (see `afterCommit`). */
  commitHooks?: (() => Promise<void>)[] | undefined;
}

/** Kysely of the pool, by request scope whose EntityManager is not forked yet (see `requestScope`). */
// biome-ignore lint/suspicious/noExplicitAny: bound SQL names no table types
const poolUntilForked = new WeakMap<Scope, () => Kysely<any> | undefined>();

/**
 * A request's scope, whose EntityManager is forked on first use: a call that only runs bound SQL
 * (`boundRows(scope, …)`) sends it on the pool's connection and never forks one (a fork builds a
 * unit of work, an entity factory and loader, and sets MikroORM's configuration twice). Scopes
 * derived from it (`inTransaction`'s, any `{ ...scope }`) hold their EntityManager as they always did.
 */
export function requestScope(
  tenant: TenantRecord,
  now: Date,
  fork: () => Em,
  // biome-ignore lint/suspicious/noExplicitAny: bound SQL names no table types
  pool: () => Kysely<any>,
): Scope {
  let em: Em | undefined;
  const scope: Scope = {
    get em() {
      em ??= fork();
      return em;
    },
    tenant,
    now,
  };
  poolUntilForked.set(scope, () => (em ? undefined : pool()));
  return scope;
}

/** Where a scope's bound SQL runs: its EntityManager's connection (its transaction, when in one), or the pool while a request scope has forked none. */
// biome-ignore lint/suspicious/noExplicitAny: bound SQL names no table types
export function scopeKysely(scope: Scope): Kysely<any> {
  return poolUntilForked.get(scope)?.() ?? scope.em.getKysely();
}

/** Scopes a callback to a transaction on the same tenant; nested calls join the outer one. */
export async function inTransaction<T>(scope: Scope, work: (tx: Scope) => Promise<T>): Promise<T> {
  return scope.em.transactional((em) => work({ ...scope, em: em as Em }));
}

/**
 * Work that must see this scope's writes committed (a cache reloaded through another connection):
 * deferred until the commit when the scope's owner collects such work (an audited action's
 * transaction), done at once otherwise. Nothing runs for a transaction that rolled back.
 */
export async function afterCommit(scope: Scope, work: () => Promise<void>): Promise<void> {
  if (scope.commitHooks) scope.commitHooks.push(work);
  else await work();
}

/** Database numerics (bigint sums arrive as strings) to safe integers, never floats. */
export function toSafeInteger(value: unknown): number {
  const n = typeof value === 'number' ? value : Number(value ?? 0);
  if (!Number.isSafeInteger(n)) throw new Error(`not a safe integer: ${String(value)}`);
  return n;
}
