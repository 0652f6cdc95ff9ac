import type { RawBuilder } from 'kysely';
import { boundRow, sql } from '../../kernel/bound-sql.ts';
import { type Orm, systemEm, tenantEm } from '../../kernel/database.ts';
import type { Scope } from '../../kernel/scope.ts';
import type { TenantDirectory } from '../tenancy/tenant.service.ts';
import {
  isRefusal,
  type NotificationHandling,
  type NotificationRequest,
  type PaymentReference,
  refusalError,
} from './gateway-notification.ts';
import { Payment } from './payment.entity.ts';
import type { PaymentGateway } from './payment-gateway.ts';
import { gatewayAtCallback } from './payment-gateways.ts';
import type { PaymentSecrets } from './payment-secrets.ts';
import type { PaymentsService } from './payments.service.ts';
import { webhookInbox } from './webhook-inbox.ts';

export interface ReceivedNotification {
  /** the JSON body of the 200 the gateway expects */
  body: Record<string, unknown>;
  /** a failure the acknowledgement told the gateway of (Pesapal's status 500), for the log */
  failure?: unknown;
}

/** What gateways tell us: their notifications, one way for all of them, and settling on their word. */
export class GatewayNotifications {
  readonly #payments: PaymentsService;
  readonly #orm: Orm;
  readonly #tenants: TenantDirectory;

  readonly #secrets: PaymentSecrets;

  constructor(payments: PaymentsService, orm: Orm, tenants: TenantDirectory, secrets: PaymentSecrets) {
    this.#payments = payments;
    this.#secrets = secrets;
    this.#orm = orm;
    this.#tenants = tenants;
  }

  /** The gateway whose callback `path` (below the tenant's REST prefix) is, for `method`. */
  callbackAt(path: string, method: string): PaymentGateway | undefined {
    return gatewayAtCallback(path, method);
  }

  /**
   * A gateway's notification for the scope's tenant: checked and read by its gateway (a refusal is
   * thrown, as the error to answer), recorded once in the webhook inbox when it has an event id (a
   * repeated delivery is acknowledged and not processed again), then the payment it names is
   * settled by asking the gateway: the notification's own word is never taken.
   */
  async receive(
    scope: Scope,
    gateway: PaymentGateway,
    request: NotificationRequest,
  ): Promise<ReceivedNotification> {
    const notification = gateway.parseNotification(request, {
      payments: this.#secrets.paymentsOf(scope.tenant),
      now: scope.now,
    });
    if (isRefusal(notification)) throw refusalError(notification);
    if (!notification.payment) return { body: gateway.acknowledge(notification, 'ignored') };
    const reference = notification.payment;
    let inboxId: number | null = null;
    /** the payment's row, read with the delivery's record (undefined: not read yet) */
    let payment: Record<string, unknown> | null | undefined;
    if (notification.eventId !== null) {
      const recorded = await webhookInbox.record(
        scope,
        gateway.name,
        notification.eventId,
        request.rawBody,
        this.#payments.byReference(scope, gateway.name, reference),
      );
      if (recorded.id === null) return { body: gateway.acknowledge(notification, 'duplicate') };
      inboxId = recorded.id;
      payment = recorded.alongside;
    }
    try {
      const handling = await this.#settle(scope, gateway.name, reference, payment);
      if (inboxId !== null) {
        if (handling === 'unconfirmed' && gateway.forgetsUnconfirmed)
          await webhookInbox.forget(scope, inboxId);
        else await webhookInbox.markProcessed(scope, inboxId);
      }
      return { body: gateway.acknowledge(notification, handling) };
    } catch (err) {
      // Forget the delivery so the gateway's retry is processed.
      if (inboxId !== null) await webhookInbox.forget(scope, inboxId);
      if (!gateway.acknowledgeFailure) throw err;
      return { body: gateway.acknowledgeFailure(notification), failure: err };
    }
  }

  /** The query of the payment a provider's reference names, whichever tenant's it is (see `settleFromProvider`). */
  paymentOf(provider: string, providerReference: string): RawBuilder<unknown> {
    return sql`select * from payment where provider = ${provider} and provider_reference = ${providerReference}`;
  }

  /**
   * A gateway told us something changed: find whose payment it is and settle it with the provider.
   * `row` is the payment's row when the caller read it already (`paymentOf`), null when it found none.
   */
  async settleFromProvider(
    provider: string,
    providerReference: string,
    row?: Record<string, unknown> | null,
  ) {
    // one read, whichever tenant's it is (the provider's reference is unique per provider), mapped
    // into the tenant's unit of work as loaded there
    const found =
      row === undefined
        ? await boundRow<Record<string, unknown>>(
            systemEm(this.#orm),
            this.paymentOf(provider, providerReference),
          )
        : row;
    const tenant = found && (await this.#tenants.byId(found.tenant_id as number));
    if (!found || !tenant) return null;
    const em = tenantEm(this.#orm, tenant.id);
    return this.#payments.settleLoaded({ em, tenant, now: new Date() }, em.map(Payment, found));
  }

  async #settle(
    scope: Scope,
    provider: string,
    reference: PaymentReference,
    row: Record<string, unknown> | null | undefined,
  ): Promise<NotificationHandling> {
    const settled = await this.#payments.settleByReference(scope, provider, reference, row);
    if (!settled) return 'not-ours';
    // a null status: a concurrent settler moved it first
    return settled.status === 'pending' ? 'unconfirmed' : 'settled';
  }
}
