import { CatalogService } from '../contexts/catalog/catalog.service.ts';
import { ReviewsService } from '../contexts/catalog/reviews.service.ts';
import { StorefrontService } from '../contexts/catalog/storefront.service.ts';
import { AddressesService } from '../contexts/commerce/addresses.service.ts';
import { CartsService } from '../contexts/commerce/carts.service.ts';
import { OrdersService } from '../contexts/commerce/orders.service.ts';
import { VouchersService } from '../contexts/commerce/vouchers.service.ts';
import { WishlistService } from '../contexts/commerce/wishlist.service.ts';
import { IdentityService } from '../contexts/identity/identity.service.ts';
import { PasswordResetService } from '../contexts/identity/password-reset.service.ts';
import { LedgerService } from '../contexts/ledger/ledger.service.ts';
import { CommissionsService } from '../contexts/network/commissions.service.ts';
import { DownlineService } from '../contexts/network/downline.service.ts';
import { MembershipService } from '../contexts/network/membership.service.ts';
import { OutboxService } from '../contexts/notifications/outbox.service.ts';
import type { PaymentProvider } from '../contexts/payments/payment-provider.ts';
import { PaymentsService } from '../contexts/payments/payments.service.ts';
import { PesapalProvider } from '../contexts/payments/pesapal.provider.ts';
import { SandboxGateway, SandboxProvider } from '../contexts/payments/sandbox.provider.ts';
import { TenantDirectory } from '../contexts/tenancy/tenant.service.ts';
import type { TenantRecord } from '../contexts/tenancy/tenant-record.ts';
import { type Orm, systemEm, tenantEm } from '../db/orm.ts';
import { AccessTokens } from './auth/access-token.ts';

export interface ServiceOptions {
  jwtSecret: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  tenantHosts?: ReadonlyMap<string, string>;
  /** public origin of this server, e.g. `https://komisi.example` (payment pages, IPN URLs) */
  publicBaseUrl: () => string;
  /** lets tests point a tenant's Pesapal at a fake */
  pesapalFetch?: typeof fetch;
}

/** The application's singletons; request data travels in a Scope, never in these. */
export function createServices(orm: Orm, options: ServiceOptions) {
  const ledger = new LedgerService();
  const catalog = new CatalogService();
  const providers = new Map<number, PaymentProvider>();
  const providerFor = (tenant: TenantRecord): PaymentProvider => {
    let provider = providers.get(tenant.id);
    if (!provider) {
      const pesapal =
        tenant.settings.payments?.provider === 'pesapal' ? tenant.settings.payments.pesapal : undefined;
      provider = pesapal
        ? new PesapalProvider({
            ...pesapal,
            ipnUrl: `${options.publicBaseUrl()}/t/${tenant.slug}/api/webhooks/pesapal`,
            ...(options.pesapalFetch && { fetch: options.pesapalFetch }),
          })
        : new SandboxProvider(orm, tenant.id, options.publicBaseUrl);
      providers.set(tenant.id, provider);
    }
    return provider;
  };
  const payments = new PaymentsService(
    (scope) => providerFor(scope.tenant),
    ledger,
    (scope) => `${options.publicBaseUrl()}/t/${scope.tenant.slug}/payment-complete`,
  );
  const commissions = new CommissionsService(ledger);
  const membership = new MembershipService(ledger);
  const orders = new OrdersService(catalog, payments, commissions);
  payments.onSettlement('membership', membership);
  payments.onSettlement('order', orders);
  const tenants = new TenantDirectory(orm, options.tenantHosts);

  /** A gateway told us something changed: find whose payment it is and settle it with the provider. */
  async function settleFromProvider(provider: string, providerReference: string) {
    const [row] = await systemEm(orm).execute<{ id: number; tenant_id: number }[]>(
      'select id, tenant_id from payment where provider = ? and provider_reference = ?',
      [provider, providerReference],
    );
    const tenant = row && (await tenants.byId(row.tenant_id));
    if (!row || !tenant) return null;
    return payments.settle({ em: tenantEm(orm, tenant.id), tenant, now: new Date() }, row.id);
  }

  const identity = new IdentityService(
    new AccessTokens(options.jwtSecret, options.accessTokenTtlSeconds),
    options.refreshTokenTtlSeconds,
  );
  const outbox = new OutboxService();
  const vouchers = new VouchersService();
  return {
    orm,
    tenants,
    settleFromProvider,
    identity,
    passwordResets: new PasswordResetService(identity, outbox),
    outbox,
    ledger,
    catalog,
    storefront: new StorefrontService(),
    reviews: new ReviewsService(),
    wishlist: new WishlistService(),
    payments,
    commissions,
    membership,
    downline: new DownlineService(),
    addresses: new AddressesService(),
    carts: new CartsService(vouchers),
    vouchers,
    orders,
    sandbox: new SandboxGateway(orm),
  };
}

export type Services = ReturnType<typeof createServices>;
