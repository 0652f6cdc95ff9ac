import { DomainError, normalizeIndonesianPhone } from '@komisi/domain';
import { dummyPasswordHash, verifyPassword } from '../../kernel/auth/password.ts';
import type { Scope } from '../../kernel/scope.ts';
import { Account, NORMALIZED_PHONE_SQL } from './account.entity.ts';
import { normalizeEmail } from './emails.ts';
import {
  attemptSucceeded,
  lockExhausted,
  reserveAttempt,
  type ThrottlePolicy,
  throttleKeys,
} from './login-throttle.ts';

export interface LoginAttempt {
  /** an email, or a phone number when `byPhone` */
  identifier: string;
  password: string;
  ip: string;
  byPhone: boolean;
}

/** Checks a password login, counting failures per account and per client address. */
export async function passwordLogin(
  scope: Scope,
  throttle: ThrottlePolicy,
  attempt: LoginAttempt,
): Promise<Account> {
  const keys = throttleKeys(attempt.identifier, attempt.ip);
  // reserved before the password is checked: concurrent attempts cannot outrun the limits
  await reserveAttempt(scope, keys, throttle);
  const account = await findForLogin(scope, attempt.identifier, attempt.byPhone);
  const ok = await verifyPassword(account?.passwordHash ?? (await dummyPasswordHash()), attempt.password);
  if (!account || !ok) {
    await lockExhausted(scope, keys, throttle);
    throw new DomainError('UNAUTHORIZED', 'Invalid email or password');
  }
  await attemptSucceeded(scope, keys);
  return account;
}

async function findForLogin(scope: Scope, identifier: string, byPhone: boolean): Promise<Account | null> {
  if (!byPhone || identifier.includes('@')) {
    return scope.em.findOne(Account, { email: normalizeEmail(identifier) }, { populate: ['passwordHash'] });
  }
  // A phone number in any written form (`0812…`, `+62 812…`) logs in only when it names exactly one account.
  const matches = await scope.em.execute<{ id: number }[]>(
    `select id from account where tenant_id = ? and ${NORMALIZED_PHONE_SQL} = ? limit 2`,
    [scope.tenant.id, normalizeIndonesianPhone(identifier.trim())],
  );
  if (matches.length !== 1) return null;
  return scope.em.findOne(Account, { id: matches[0]!.id }, { populate: ['passwordHash'] });
}
