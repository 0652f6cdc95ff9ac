import type { Scope } from '../../kernel/scope.ts';
import { NORMALIZED_PHONE_SQL } from './account.entity.ts';

/**
 * The accounts whose phone is this number in any written form; `national` is the number as the
 * domain's `normalizeIndonesianPhone` gives it. At most `limit` of them.
 */
export async function accountIdsByPhone(scope: Scope, national: string, limit: number): Promise<number[]> {
  const rows = await scope.em.execute<{ id: number }[]>(
    `select id from account where tenant_id = ? and ${NORMALIZED_PHONE_SQL} = ? order by id limit ?`,
    [scope.tenant.id, national, limit],
  );
  return rows.map((r) => r.id);
}

/** Every account with this number (national form) has it verified as of `at`; their ids. */
export async function markPhoneVerified(tx: Scope, national: string, at: Date): Promise<number[]> {
  const rows = await tx.em.execute<{ id: number }[]>(
    `update account set phone_verified_at = ? where tenant_id = ? and ${NORMALIZED_PHONE_SQL} = ? returning id`,
    [at, tx.tenant.id, national],
  );
  return rows.map((r) => r.id).sort((a, b) => a - b);
}
