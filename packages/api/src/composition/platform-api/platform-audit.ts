import {
  type AuditActor,
  type AuditContext,
  auditedTransaction,
} from '../../kernel/audit/audited-transaction.ts';
import type { PlatformClaims } from '../../kernel/auth/platform-token.ts';
import { tenantEm } from '../../kernel/database.ts';
import type { PlatformContext } from '../../kernel/platform-trpc.ts';
import type { Scope } from '../../kernel/scope.ts';
import type { TenantRecord } from '../../kernel/tenant-record.ts';

type AuthedPlatformContext = PlatformContext & { auth: PlatformClaims };

/** The platform administrator (or the CLI) a platform token stands for, as the audit log names them. */
export function platformActor(auth: PlatformClaims): AuditActor {
  return auth.kind === 'admin'
    ? { role: 'platform-admin', id: auth.adminId }
    : { role: 'platform-cli', id: null };
}

/** What the audit log records of a platform procedure's call (`platform.createTenant`…). */
export function platformAuditContext(
  ctx: AuthedPlatformContext,
  procedure: string,
  input: unknown,
): AuditContext {
  return {
    action: `platform.${procedure}`,
    actor: platformActor(ctx.auth),
    requestId: ctx.requestId,
    ip: ctx.ip,
    input,
  };
}

/**
 * A platform administrator's change of one tenant: one transaction on that tenant, whose audit log
 * gets the entry in it (see `auditedTransaction`).
 */
export function auditedForTenant<T>(
  ctx: AuthedPlatformContext,
  tenant: TenantRecord,
  procedure: string,
  input: unknown,
  work: (tx: Scope) => Promise<T>,
): Promise<T> {
  const scope: Scope = { em: tenantEm(ctx.services.orm, tenant.id), tenant, now: ctx.now };
  return auditedTransaction(scope, ctx.services.auditLog, platformAuditContext(ctx, procedure, input), work);
}
