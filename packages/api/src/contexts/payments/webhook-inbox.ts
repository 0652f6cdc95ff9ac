import { boundRow, boundRun, sql } from '../../kernel/bound-sql.ts';
import type { Scope } from '../../kernel/scope.ts';

/** webhook_event.event_id's length: longer keys are cut (a gateway's ids are far shorter). */
const MAX_EVENT_ID = 128;

/**
 * The inbox of gateway notifications (webhook_event, unique per provider and event id): a delivery
 * is processed once, however often and however concurrently the gateway repeats it.
 */
export const webhookInbox = {
  /** Records a delivery; null when its event is in the inbox already (a repeat). */
  async record(scope: Scope, provider: string, eventId: string, payload: string): Promise<number | null> {
    const event = await boundRow<{ id: number }>(
      scope.em,
      sql`insert into webhook_event (tenant_id, provider, event_id, payload, received_at)
          values (${scope.tenant.id}, ${provider}, ${eventId.slice(0, MAX_EVENT_ID)}, ${payload}, ${scope.now})
          on conflict (provider, event_id) do nothing returning id`,
    );
    return event?.id ?? null;
  },

  async markProcessed(scope: Scope, id: number): Promise<void> {
    await boundRun(scope.em, sql`update webhook_event set processed_at = ${new Date()} where id = ${id}`);
  },

  /** Forgets a delivery, so the gateway's next one of the same event is processed. */
  async forget(scope: Scope, id: number): Promise<void> {
    await boundRun(scope.em, sql`delete from webhook_event where id = ${id}`);
  },
};
