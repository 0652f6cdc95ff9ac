import { DomainError } from '@komisi/domain';
import type { Scope } from '../../kernel/scope.ts';

/** Failed-login limits: a locked key refuses logins until the lock ends, even with the right password. */
export interface ThrottlePolicy {
  windowSeconds: number;
  lockSeconds: number;
  maxFailuresPerAccount: number;
  maxFailuresPerAddress: number;
}

export const DEFAULT_THROTTLE: ThrottlePolicy = {
  windowSeconds: 15 * 60,
  lockSeconds: 15 * 60,
  maxFailuresPerAccount: 5,
  maxFailuresPerAddress: 30,
};

/** The two counters a login attempt spends: its account's and its client address's. */
export interface ThrottleKeys {
  account: string;
  address: string;
}

/** Keys fit the 300-character column whatever the caller sends (a forwarded address is not trusted to be short). */
export function throttleKeys(email: string, ip: string): ThrottleKeys {
  return {
    account: `account:${email.trim().toLowerCase().slice(0, 280)}`,
    address: `ip:${ip.trim().slice(0, 280)}`,
  };
}

/**
 * Reserves one attempt on the account and address keys, in one statement, before the password is
 * checked. The attempt counts as a failure until it succeeds, so however many attempts arrive at
 * once (parallel requests, a tRPC batch) no more passwords are checked than the limits allow. A key
 * that is locked, or whose attempts pass its limit, refuses the attempt with a 429.
 */
export async function reserveAttempt(
  scope: Scope,
  keys: ThrottleKeys,
  policy: ThrottlePolicy,
): Promise<void> {
  const windowStart = new Date(scope.now.getTime() - policy.windowSeconds * 1000);
  const rows = await scope.em.execute<
    { key: string; failures: number; window_started_at: Date; locked_until: Date | null }[]
  >(
    `insert into login_throttle as t (tenant_id, key, failures, window_started_at, locked_until)
     values (?, ?, 1, ?, null), (?, ?, 1, ?, null)
     on conflict (tenant_id, key) do update set
       failures = case when t.window_started_at < ? then 1 else t.failures + 1 end,
       window_started_at = case when t.window_started_at < ? then excluded.window_started_at else t.window_started_at end
     returning key, failures, window_started_at, locked_until`,
    [
      scope.tenant.id,
      keys.account,
      scope.now,
      scope.tenant.id,
      keys.address,
      scope.now,
      windowStart,
      windowStart,
    ],
  );
  let refusedUntil = 0;
  for (const row of rows) {
    const max = row.key === keys.account ? policy.maxFailuresPerAccount : policy.maxFailuresPerAddress;
    const lockedUntil = row.locked_until ? new Date(row.locked_until).getTime() : 0;
    if (lockedUntil > scope.now.getTime()) refusedUntil = Math.max(refusedUntil, lockedUntil);
    else if (row.failures > max) {
      const windowEnd = new Date(row.window_started_at).getTime() + policy.windowSeconds * 1000;
      refusedUntil = Math.max(refusedUntil, windowEnd);
    }
  }
  if (refusedUntil > 0) {
    const retryAfter = Math.max(1, Math.ceil((refusedUntil - scope.now.getTime()) / 1000));
    throw new DomainError('RATE_LIMITED', 'Too many failed login attempts. Try again later.', {
      details: { retry_after_seconds: retryAfter },
    });
  }
}

/** A reserved attempt failed: a key that has used up its failures is locked for `lockSeconds`. */
export async function lockExhausted(scope: Scope, keys: ThrottleKeys, policy: ThrottlePolicy): Promise<void> {
  const lockedUntil = new Date(scope.now.getTime() + policy.lockSeconds * 1000);
  await scope.em.execute(
    `update login_throttle set locked_until = ?
     where tenant_id = ? and ((key = ? and failures >= ?) or (key = ? and failures >= ?))
       and (locked_until is null or locked_until <= ?)`,
    [
      lockedUntil,
      scope.tenant.id,
      keys.account,
      policy.maxFailuresPerAccount,
      keys.address,
      policy.maxFailuresPerAddress,
      scope.now,
    ],
  );
}

/** A reserved attempt succeeded: the account starts afresh; the address gives back this attempt. */
export async function attemptSucceeded(scope: Scope, keys: ThrottleKeys): Promise<void> {
  await scope.em.execute(
    `with cleared as (delete from login_throttle where tenant_id = ? and key = ?)
     update login_throttle set failures = greatest(failures - 1, 0) where tenant_id = ? and key = ?`,
    [scope.tenant.id, keys.account, scope.tenant.id, keys.address],
  );
}
