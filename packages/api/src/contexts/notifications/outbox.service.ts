import type { Scope } from '../../kernel/scope.ts';
import { type OutboxChannel, OutboxMessage } from './outbox-message.entity.ts';

export interface NewMessage {
  channel: OutboxChannel;
  recipient: string;
  subject: string;
  body: string;
}

/** Queues messages inside the caller's transaction; a dispatcher delivers them afterwards. */
export class OutboxService {
  async enqueue(scope: Scope, message: NewMessage): Promise<void> {
    scope.em.create(OutboxMessage, { tenant: scope.tenant.id, ...message, createdAt: scope.now });
    await scope.em.flush();
  }
}
