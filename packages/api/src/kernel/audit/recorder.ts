/** What an audited action was about: a kind of record and the id its API shows. */
export interface AuditSubject {
  /** e.g. `payout`, `savings_transaction`, `tenant_settings` */
  type: string;
  id: string;
}

/** One record's state before and after an action, as the service that changed it describes it. */
export interface AuditChange {
  subject: AuditSubject;
  /** the state the action found (null: the record did not exist) */
  before?: unknown;
  /** the state the action left (null: the record is gone) */
  after?: unknown;
}

/**
 * What the services of one audited action report (`Scope.audit`, present while an admin mutation
 * runs). A service calls `change` once its write succeeded; a second change of the same subject keeps
 * the first `before` and the last `after`. Only a committed action's changes are ever written.
 */
export class AuditRecorder {
  readonly #changes: AuditChange[] = [];

  change(change: AuditChange): void {
    const same = this.#changes.find(
      (c) => c.subject.type === change.subject.type && c.subject.id === change.subject.id,
    );
    if (same) same.after = change.after;
    else this.#changes.push({ ...change, subject: { ...change.subject } });
  }

  get changes(): readonly AuditChange[] {
    return this.#changes;
  }
}
