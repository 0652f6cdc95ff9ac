import { DomainError, pickUniqueCode, UNIQUE_CODE_MAX } from '@komisi/domain';
import { type Scope, toSafeInteger } from '../../kernel/scope.ts';

/**
 * The unique code of a new deposit (see the domain's `pickUniqueCode`): no two deposits awaiting
 * payment in the tenant ask for the same total, so a manual transfer's total names one deposit.
 * Only deposits still inside their payment deadline count (an older one can no longer be paid as
 * instructed). A tenant-wide advisory lock, held until the caller's transaction commits the
 * deposit, makes concurrent requests pick one after the other.
 */
export async function allocateUniqueCode(tx: Scope, amount: number, deadlineHours: number): Promise<number> {
  await tx.em.execute('select pg_advisory_xact_lock(?, hashtext(?))', [tx.tenant.id, 'savings:unique-codes']);
  const rows = await tx.em.execute<{ total: string }[]>(
    `select amount + unique_code as total from savings_transaction
     where tenant_id = ? and category = 'deposit' and status in ('pending', 'processing')
       and created_at > ? and amount + unique_code between ? and ?`,
    [
      tx.tenant.id,
      new Date(tx.now.getTime() - deadlineHours * 3_600_000),
      amount + 1,
      amount + UNIQUE_CODE_MAX,
    ],
  );
  const code = pickUniqueCode(amount, new Set(rows.map((r) => toSafeInteger(r.total))));
  if (code === null) {
    throw new DomainError('RULE_VIOLATION', 'Too many deposits of this amount are awaiting payment', {
      fields: { amount: ['try again later, or another amount'] },
      details: { code: 'PAYMENT_METHOD_UNAVAILABLE' },
    });
  }
  return code;
}
