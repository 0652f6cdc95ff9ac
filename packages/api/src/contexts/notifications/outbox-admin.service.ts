import { DomainError, maskAccountNumber, maskEmail, type PageWindow, pageWindow } from '@komisi/domain';
import { type Scope, toSafeInteger } from '../../kernel/scope.ts';
import type { OutboxChannel } from './outbox-message.entity.ts';

export const OUTBOX_STATUSES = ['pending', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** A queued message as the tenant's administrators see it: never its body, its recipient masked. */
export interface OutboxMessageView {
  id: number;
  channel: OutboxChannel;
  /** `adm***@example.com`, `********7890` */
  recipient: string;
  subject: string;
  /** failed: every attempt was spent (the dispatcher gave up) */
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  /** when the dispatcher tries again after a failed attempt (null: at its next round) */
  nextAttemptAt: Date | null;
  createdAt: Date;
  sentAt: Date | null;
  /** the provider's latest word on delivery (WhatsApp: `delivered`, `read`…) */
  deliveryStatus: string | null;
}

export interface OutboxQuery {
  status?: OutboxStatus | undefined;
  channel?: OutboxChannel | undefined;
  page: number;
  perPage: number;
}

interface MessageRow {
  id: number;
  channel: OutboxChannel;
  recipient: string;
  subject: string;
  status: OutboxStatus;
  attempts: number;
  last_error: string | null;
  next_attempt_at: Date | null;
  created_at: Date;
  sent_at: Date | null;
  delivery_status: string | null;
}

const COLUMNS = `id, channel, recipient, subject, status, attempts, last_error, next_attempt_at, created_at,
  sent_at, delivery_status`;

/** An email shows its first letters and domain; a phone number its last four digits. */
export function maskRecipient(channel: OutboxChannel, recipient: string): string {
  return channel === 'email' ? maskEmail(recipient) : maskAccountNumber(recipient);
}

function present(row: MessageRow): OutboxMessageView {
  const at = (value: Date | null) => (value ? new Date(value) : null);
  return {
    id: row.id,
    channel: row.channel,
    recipient: maskRecipient(row.channel, row.recipient),
    subject: row.subject,
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    nextAttemptAt: at(row.next_attempt_at),
    createdAt: new Date(row.created_at),
    sentAt: at(row.sent_at),
    deliveryStatus: row.delivery_status,
  };
}

/** The tenant's notification outbox as its administrators read it, and sending a failed message again. */
export class OutboxAdminService {
  async list(scope: Scope, query: OutboxQuery): Promise<{ messages: OutboxMessageView[]; page: PageWindow }> {
    const where = ['tenant_id = ?'];
    const params: unknown[] = [scope.tenant.id];
    if (query.status !== undefined) {
      where.push('status = ?');
      params.push(query.status);
    }
    if (query.channel !== undefined) {
      where.push('channel = ?');
      params.push(query.channel);
    }
    const condition = where.join(' and ');
    const [count] = await scope.em.execute<{ n: string }[]>(
      `select count(*)::text as n from notification_outbox where ${condition}`,
      params,
    );
    const page = pageWindow(toSafeInteger(count?.n), query.page, query.perPage);
    const rows = await scope.em.execute<MessageRow[]>(
      `select ${COLUMNS} from notification_outbox where ${condition} order by id desc limit ? offset ?`,
      [...params, page.limit, page.offset],
    );
    return { page, messages: rows.map(present) };
  }

  /**
   * Queues a failed message again with its attempts reset, so the dispatcher sends it at its next
   * round. One conditional statement: a repeat (or a concurrent twin) finds it pending and changes
   * nothing. A message still pending is answered as it is; one already sent is a 409.
   */
  async retry(scope: Scope, id: number): Promise<OutboxMessageView> {
    await scope.em.execute(
      `update notification_outbox set status = 'pending', attempts = 0, next_attempt_at = null
        where tenant_id = ? and id = ? and status = 'failed'`,
      [scope.tenant.id, id],
    );
    const [row] = await scope.em.execute<MessageRow[]>(
      `select ${COLUMNS} from notification_outbox where tenant_id = ? and id = ?`,
      [scope.tenant.id, id],
    );
    if (!row) throw new DomainError('NOT_FOUND', 'Message not found');
    if (row.status === 'sent') throw new DomainError('INVALID_STATE', 'The message was already sent.');
    return present(row);
  }
}
