import type { Scope } from '../../../kernel/scope.ts';
import { OrderStatusEvent } from './order-status-event.entity.ts';

// An order's status history (`order_status_event`). Whoever changes an order's status records it with
// `recordStatus` in the same transaction, so the timeline never disagrees with the order. Not tied to
// one profile's statuses: any status text fits (another profile's tracking steps too).

export interface TimelineEvent {
  status: string;
  note: string | null;
  /** the account that made the change; null for the system (payment settlement, expiry) */
  actorId: number | null;
  at: Date;
}

/** One event at the scope's clock; call it inside the transaction that changed the status. */
export async function recordStatus(
  tx: Scope,
  orderId: number,
  status: string,
  note: string | null = null,
  actorId: number | null = null,
): Promise<void> {
  await tx.em.insert(OrderStatusEvent, {
    tenant: tx.tenant.id,
    order: orderId,
    status,
    note: note === null ? null : note.slice(0, 500),
    actor: actorId,
    createdAt: tx.now,
  });
}

/** The order's events, oldest first (events of the same instant in the order they were written). */
export async function timelineOf(scope: Scope, orderId: number): Promise<TimelineEvent[]> {
  const events = await scope.em.find(
    OrderStatusEvent,
    { order: orderId },
    { orderBy: { createdAt: 'asc', id: 'asc' } },
  );
  return events.map((e) => ({
    status: e.status,
    note: e.note ?? null,
    actorId: e.actor ?? null,
    at: e.createdAt,
  }));
}
