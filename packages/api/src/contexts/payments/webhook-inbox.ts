import type { RawBuilder } from 'kysely';
import { boundRowAlongside, boundRun, sql } from '../../kernel/bound-sql.ts';
import type { Scope } from '../../kernel/scope.ts';

/** webhook_event.event_id's length: longer keys are cut (a gateway's ids are far shorter). */
const MAX_EVENT_ID = 128;

/**
 * The inbox of gateway notifications (webhook_event, unique per provider and event id): a delivery
 * is processed once, however often and however concurrently the gateway repeats it.
 */
export const webhookInbox = {
  /**
   * Records a delivery: its inbox id, null when its event is in the inbox already (a repeat).
   * `alongside` is a query of one row sent in the same statement (the payment the delivery names),
   * read in the same snapshot: its row, or null when it finds none.
   */
  async record(
    scope: Scope,
    provider: string,
    eventId: string,
    payload: string,
    alongside?: RawBuilder<unknown>,
  ): Promise<{ id: number | null; alongside: Record<string, unknown> | null }> {
    const recorded = await boundRowAlongside<number>(
      scope,
      sql`with recorded as (
            insert into webhook_event (tenant_id, provider, event_id, payload, received_at)
            values (${scope.tenant.id}, ${provider}, ${eventId.slice(0, MAX_EVENT_ID)}, ${payload}, ${scope.now})
            on conflict (provider, event_id) do nothing returning id)`,
      sql`(select id from recorded)`,
      'webhook_inbox_id',
      alongside,
    );
    return { id: recorded.own, alongside: recorded.alongside };
  },

  async markProcessed(scope: Scope, id: number): Promise<void> {
    await boundRun(scope, sql`update webhook_event set processed_at = ${new Date()} where id = ${id}`);
  },

  /** Forgets a delivery, so the gateway's next one of the same event is processed. */
  async forget(scope: Scope, id: number): Promise<void> {
    await boundRun(scope, sql`delete from webhook_event where id = ${id}`);
  },
};
