import type { Em } from './database.ts';
import type { TenantRecord } from './tenant-record.ts';

/** What every service call runs within: one tenant's EntityManager and the request's clock. */
export interface Scope {
  em: Em;
  tenant: TenantRecord;
  now: Date;
}

/** Scopes a callback to a transaction on the same tenant; nested calls join the outer one. */
export async function inTransaction<T>(scope: Scope, work: (tx: Scope) => Promise<T>): Promise<T> {
  return scope.em.transactional((em) => work({ ...scope, em: em as Em }));
}

/** Database numerics (bigint sums arrive as strings) to safe integers, never floats. */
export function toSafeInteger(value: unknown): number {
  const n = typeof value === 'number' ? value : Number(value ?? 0);
  if (!Number.isSafeInteger(n)) throw new Error(`not a safe integer: ${String(value)}`);
  return n;
}
