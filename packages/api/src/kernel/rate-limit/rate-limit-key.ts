import type { RateLimitRule } from './rate-limiter.ts';

/** Who is counted: the client address when anonymous, the account once authenticated. */
export type RateLimitSubject = `ip:${string}` | `user:${string}`;

export interface RateLimitKeyParts {
  tenantId: string | number;
  subject: RateLimitSubject;
  rule: Pick<RateLimitRule, 'name'> | string;
}

/**
 * `{tenant}:{rule}:{subject}`, e.g. `7:anonymous:ip:1.2.3.4`: tenants never share a budget.
 * Tenant and rule are escaped so a `:` in them cannot collide with another key;
 * the subject goes last, so an IPv6 address's colons are harmless.
 */
export function rateLimitKey({ tenantId, subject, rule }: RateLimitKeyParts): string {
  const name = typeof rule === 'string' ? rule : rule.name;
  return `${encodeURIComponent(String(tenantId))}:${encodeURIComponent(name)}:${subject}`;
}
