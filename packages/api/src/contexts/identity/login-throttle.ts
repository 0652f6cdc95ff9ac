import { DomainError } from '@komisi/domain';
import type { Scope } from '../../platform/scope.ts';

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

/** Keys fit the 300-character column whatever the caller sends (a forwarded address is not trusted to be short). */
export function throttleKeys(email: string, ip: string): { account: string; address: string } {
  return {
    account: `account:${email.trim().toLowerCase().slice(0, 280)}`,
    address: `ip:${ip.trim().slice(0, 280)}`,
  };
}

export async function assertNotLocked(scope: Scope, keys: string[]): Promise<void> {
  const rows = await scope.em.execute<{ locked_until: Date }[]>(
    'select locked_until from login_throttle where tenant_id = ? and key in (?) and locked_until > ?',
    [scope.tenant.id, keys, scope.now],
  );
  const until = rows[0]?.locked_until;
  if (until) {
    const retryAfter = Math.max(1, Math.ceil((new Date(until).getTime() - scope.now.getTime()) / 1000));
    throw new DomainError('RATE_LIMITED', 'Too many failed login attempts. Try again later.', {
      details: { retry_after_seconds: retryAfter },
    });
  }
}

/** Counts one failure atomically (concurrent failures cannot slip past the limit). */
export async function recordFailure(scope: Scope, key: string, maxFailures: number, policy: ThrottlePolicy) {
  const windowStart = new Date(scope.now.getTime() - policy.windowSeconds * 1000);
  const lockedUntil = new Date(scope.now.getTime() + policy.lockSeconds * 1000);
  await scope.em.execute(
    `insert into login_throttle as t (tenant_id, key, failures, window_started_at, locked_until)
     values (?, ?, 1, ?, null)
     on conflict (tenant_id, key) do update set
       failures = case when t.window_started_at < ? then 1 else t.failures + 1 end,
       window_started_at = case when t.window_started_at < ? then excluded.window_started_at else t.window_started_at end,
       locked_until = case when (case when t.window_started_at < ? then 1 else t.failures + 1 end) >= ?
                           then ?::timestamptz else t.locked_until end`,
    [scope.tenant.id, key, scope.now, windowStart, windowStart, windowStart, maxFailures, lockedUntil],
  );
}

export async function clearFailures(scope: Scope, key: string): Promise<void> {
  await scope.em.execute('delete from login_throttle where tenant_id = ? and key = ?', [
    scope.tenant.id,
    key,
  ]);
}
