import type { Orm } from '../../kernel/database.ts';
import type { TenantRecord } from '../../kernel/tenant-record.ts';
import { dokuGateway } from './doku/doku.gateway.ts';
import { midtransGateway } from './midtrans/midtrans.gateway.ts';
import type { PaymentGateway } from './payment-gateway.ts';
import type { GatewayLog, PaymentProvider } from './payment-provider.ts';
import type { PaymentSecrets } from './payment-secrets.ts';
import { pesapalGateway } from './pesapal/pesapal.gateway.ts';
import { SandboxProvider } from './sandbox.provider.ts';
import { xenditGateway } from './xendit/xendit.gateway.ts';

/** The gateways a tenant may collect through (`settings.payments`); a tenant on none uses the sandbox. */
export const PAYMENT_GATEWAYS: readonly PaymentGateway[] = [
  xenditGateway,
  dokuGateway,
  pesapalGateway,
  midtransGateway,
];

/** The profiles' REST prefix, below which every gateway's callback is served and announced. */
const REST_PREFIX = '/api';

/** The gateway whose callback `path` (below the REST prefix) is, for a request of `method`. */
export function gatewayAtCallback(path: string, method: string): PaymentGateway | undefined {
  return PAYMENT_GATEWAYS.find(
    (gateway) =>
      gateway.callbackPath === path && (!gateway.callbackMethods || gateway.callbackMethods.includes(method)),
  );
}

export interface PaymentProvidersOptions {
  /** public origin of this server, e.g. `https://komisi.example` (payment pages, callback URLs) */
  publicBaseUrl: () => string;
  /** by gateway name: replaces the network (tests point a gateway at its fake) */
  fetch?: Partial<Record<string, typeof fetch>>;
  /** where gateways report payments they will not take as completed */
  log?: GatewayLog | undefined;
  /** opens the sealed gateway secrets of `settings.payments` */
  secrets: PaymentSecrets;
}

/**
 * Which provider each tenant collects through, built from `settings.payments` once per tenant, and
 * again when those settings change (an admin switching gateway or rotating a key needs no restart).
 */
export class PaymentProviders {
  readonly #orm: Orm;
  readonly #options: PaymentProvidersOptions;
  /** each tenant's provider, with the settings it was built from: a changed setting builds a new one */
  readonly #providers = new Map<number, { payments: string; provider: PaymentProvider }>();

  constructor(orm: Orm, options: PaymentProvidersOptions) {
    this.#orm = orm;
    this.#options = options;
  }

  providerFor(tenant: TenantRecord): PaymentProvider {
    const payments = JSON.stringify(tenant.settings.payments ?? null);
    const built = this.#providers.get(tenant.id);
    if (built?.payments === payments) return built.provider;
    const provider = this.#build(tenant);
    this.#providers.set(tenant.id, { payments, provider });
    return provider;
  }

  #build(tenant: TenantRecord): PaymentProvider {
    const { publicBaseUrl, fetch, log, secrets } = this.#options;
    const payments = secrets.paymentsOf(tenant);
    for (const gateway of PAYMENT_GATEWAYS) {
      const config = gateway.configOf(payments);
      if (!config) continue;
      return gateway.createProvider(config, {
        tenant,
        callbackUrl: `${publicBaseUrl()}/t/${tenant.slug}${REST_PREFIX}${gateway.callbackPath}`,
        fetch: fetch?.[gateway.name],
        log,
      });
    }
    return new SandboxProvider(this.#orm, tenant.id, publicBaseUrl);
  }
}
