import type { ClearPaymentSettings } from '../../kernel/settings/tenant-settings.schemas.ts';
import type { TenantRecord } from '../../kernel/tenant-record.ts';
import type {
  GatewayNotification,
  NotificationHandling,
  NotificationReading,
  NotificationRequest,
} from './gateway-notification.ts';
import type { GatewayLog, PaymentProvider } from './payment-provider.ts';

/** The tenant's `settings.payments` with its secrets opened (see `PaymentSecrets`). */
export type PaymentSettings = ClearPaymentSettings | undefined;

/** What a gateway checks a notification against: the tenant's payment settings, at the time it arrived. */
export interface NotificationContext {
  payments: PaymentSettings;
  now: Date;
}

/** What building a tenant's provider may use besides the tenant's settings. */
export interface ProviderSetup {
  tenant: TenantRecord;
  /** the public URL of the gateway's callback for this tenant */
  callbackUrl: string;
  /** replaces the network (tests point a gateway at its fake) */
  fetch?: typeof fetch | undefined;
  /** where a gateway reports what it refused to take (Xendit's amount or currency mismatch) */
  log?: GatewayLog | undefined;
}

/**
 * One payment gateway, everything the rest of the system needs of it: which tenants use it and how
 * their provider is built, where it posts its notifications and how it reads and answers them.
 * Adding a gateway is one of these (and a fake to test it against); the route stays as it is.
 */
export interface PaymentGateway<Config = unknown, Detail = unknown> {
  /** its name in `settings.payments.provider`, `payment.provider` and the webhook inbox */
  readonly name: string;
  /**
   * Where it posts, below the tenant's REST prefix: the path the apps document (ansania's
   * `/checkout/payment-webhook`…), and the one we tell the gateway.
   */
  readonly callbackPath: string;
  /** the methods served there; absent: any (Pesapal's IPN comes as a GET or a POST) */
  readonly callbackMethods?: readonly string[];
  /**
   * A delivery the gateway does not (yet) confirm is forgotten rather than kept as handled, so a
   * later delivery of the same event is asked about again.
   */
  readonly forgetsUnconfirmed?: boolean;
  /** the tenant's credentials for it, when it is the tenant's gateway */
  configOf(settings: PaymentSettings): Config | undefined;
  createProvider(config: Config, setup: ProviderSetup): PaymentProvider;
  /**
   * Checks a notification (signature, token; against the tenant's settings) and reads what it says.
   * Only the payment it names is used: its status is asked of the gateway again.
   */
  parseNotification(request: NotificationRequest, context: NotificationContext): NotificationReading<Detail>;
  /** The JSON body of the 200 the gateway expects once the notification is handled. */
  acknowledge(
    notification: GatewayNotification<Detail>,
    handling: NotificationHandling,
  ): Record<string, unknown>;
  /**
   * The 200's body when settling failed (the gateway could not be asked). Absent: the error itself
   * is answered (a 5xx), so the gateway retries.
   */
  acknowledgeFailure?(notification: GatewayNotification<Detail>): Record<string, unknown>;
}
