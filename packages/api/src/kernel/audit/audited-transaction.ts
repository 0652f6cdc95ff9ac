import type { Scope } from '../scope.ts';
import { type AuditChange, AuditRecorder, type AuditSubject } from './recorder.ts';
import { redactForAudit } from './redact.ts';

/** Who may act on a tenant: its administrators, and the platform's (or the platform CLI). */
export const AUDIT_ACTOR_ROLES = ['admin', 'platform-admin', 'platform-cli'] as const;
export type AuditActorRole = (typeof AUDIT_ACTOR_ROLES)[number];

export interface AuditActor {
  role: AuditActorRole;
  /** the tenant's account (`admin`) or the platform administrator (`platform-admin`); null for the CLI */
  id: number | null;
}

/** What the caller knows of an action when it starts (the rest comes from its result and its services). */
export interface AuditContext {
  /** a stable name: the procedure's path, e.g. `adminSavings.decideWithdrawal` */
  action: string;
  actor: AuditActor;
  requestId: string;
  ip: string;
  /** the request as sent */
  input: unknown;
  /** input fields that carry files: kept as `[file]` */
  files?: readonly string[] | undefined;
}

/** One entry of a tenant's audit log, redacted, as the audit context stores it. */
export interface AuditRecord {
  action: string;
  actor: AuditActor;
  subject: AuditSubject | null;
  input: unknown;
  before: unknown;
  after: unknown;
  requestId: string;
  ip: string;
  occurredAt: Date;
}

/** Where audit entries go (the audit context; composition hands it to the request's context). */
export interface AuditTrail {
  /** Appends one entry in the transaction `tx`: one INSERT. */
  append(tx: Scope, record: AuditRecord): Promise<void>;
}

/**
 * Runs an action in one transaction on `scope` and, once it succeeded, appends its audit entry in
 * that same transaction: an action that fails (throws) rolls back and leaves no entry, and an entry
 * that cannot be written rolls the action back. Services' own `inTransaction` calls join it (as
 * savepoints). While it runs, `tx.audit` collects the services' precise changes and `afterCommit`
 * work waits for the commit.
 *
 * The entry's before/after: the one change a service recorded (several: keyed `type:id`), or else
 * null and the action's answer.
 */
export async function auditedTransaction<T>(
  scope: Scope,
  trail: AuditTrail,
  context: AuditContext,
  work: (tx: Scope) => Promise<T>,
  answerOf: (result: T) => unknown = (result) => result,
): Promise<T> {
  const commitHooks: (() => Promise<void>)[] = [];
  const audit = new AuditRecorder();
  // a clear fork: the calls of one tRPC batch share the request's EntityManager, never its entities
  const result = await scope.em.transactional(
    async (em) => {
      const tx: Scope = { ...scope, em: em as Scope['em'], audit, commitHooks };
      const value = await work(tx);
      await appendAuditEntry(tx, trail, context, answerOf(value));
      return value;
    },
    { clear: true },
  );
  for (const hook of commitHooks) await hook();
  return result;
}

/**
 * Appends the entry of an action that ran in `tx` (its changes from `tx.audit`), for callers that own
 * the transaction themselves (creating a tenant); everyone else uses `auditedTransaction`.
 */
export async function appendAuditEntry(
  tx: Scope,
  trail: AuditTrail,
  context: AuditContext,
  answer: unknown,
): Promise<void> {
  await trail.append(tx, recordOf(context, tx.audit?.changes ?? [], answer, tx.now));
}

function recordOf(
  context: AuditContext,
  changes: readonly AuditChange[],
  answer: unknown,
  now: Date,
): AuditRecord {
  const [first] = changes;
  const several = changes.length > 1;
  const keyed = (state: (c: AuditChange) => unknown) =>
    Object.fromEntries(changes.map((c) => [`${c.subject.type}:${c.subject.id}`, state(c) ?? null]));
  return {
    action: context.action,
    actor: context.actor,
    subject: first?.subject ?? null,
    input: redactForAudit(context.input, context.files),
    before: redactForAudit(several ? keyed((c) => c.before) : (first?.before ?? null)),
    after: redactForAudit(several ? keyed((c) => c.after) : first ? (first.after ?? null) : answer),
    requestId: context.requestId,
    ip: context.ip,
    occurredAt: now,
  };
}
