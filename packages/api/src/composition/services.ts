import { AuditLog } from '../contexts/audit/audit-log.service.ts';
import { CatalogService } from '../contexts/catalog/catalog.service.ts';
import { ListedProductsService } from '../contexts/catalog/listed-products.service.ts';
import { ReviewsService } from '../contexts/catalog/reviews.service.ts';
import { ShopCatalogAdminService } from '../contexts/catalog/shop-catalog-admin.service.ts';
import { ShopStockService } from '../contexts/catalog/shop-stock.service.ts';
import { StorefrontService } from '../contexts/catalog/storefront.service.ts';
import { CartsService } from '../contexts/commerce/cart/carts.service.ts';
import { CheckoutService } from '../contexts/commerce/checkout/checkout.service.ts';
import { DirectOrdersService } from '../contexts/commerce/checkout/direct-orders.service.ts';
import { OrderPayments } from '../contexts/commerce/checkout/order-payments.ts';
import { OrderWriter } from '../contexts/commerce/checkout/order-writer.ts';
import { AddressesService } from '../contexts/commerce/customers/addresses.service.ts';
import { AdminOrdersService } from '../contexts/commerce/orders/admin-orders.service.ts';
import { OrderCancellation } from '../contexts/commerce/orders/order-cancellation.ts';
import { registerOrderExpiryJob } from '../contexts/commerce/orders/order-expiry.job.ts';
import { UnpaidOrderExpiry } from '../contexts/commerce/orders/order-expiry.ts';
import { everyHook, hooksWhere } from '../contexts/commerce/orders/order-hooks.ts';
import { orderSettlement } from '../contexts/commerce/orders/order-settlement.ts';
import { OrdersService, saleTotal } from '../contexts/commerce/orders/orders.service.ts';
import { purchasedIn } from '../contexts/commerce/orders/purchases.ts';
import { ShopOrderSettlement } from '../contexts/commerce/orders/shop-order-settlement.ts';
import { ShopOrdersService } from '../contexts/commerce/orders/shop-orders.service.ts';
import { VoucherAdminService } from '../contexts/commerce/vouchers/voucher-admin.service.ts';
import { VouchersService } from '../contexts/commerce/vouchers/vouchers.service.ts';
import { WishlistService } from '../contexts/commerce/wishlist/wishlist.service.ts';
import { CooperativeMembersService } from '../contexts/cooperative/cooperative-members.service.ts';
import { MemberAccessService } from '../contexts/cooperative/member-access.service.ts';
import { MemberDirectoryService } from '../contexts/cooperative/member-directory.service.ts';
import { MemberKycService } from '../contexts/cooperative/member-kyc.service.ts';
import { NikVault } from '../contexts/cooperative/member-nik.ts';
import { MemberProfilesService } from '../contexts/cooperative/member-profiles.service.ts';
import { MemberReferralsService } from '../contexts/cooperative/member-referrals.service.ts';
import { CooperativeRegistrationService } from '../contexts/cooperative/member-registration.ts';
import { MemberStatusService } from '../contexts/cooperative/member-status.service.ts';
import { DEV_FILE_KEY, FileCipher } from '../contexts/files/file-cipher.ts';
import { MemoryFileStorage } from '../contexts/files/file-storage.ts';
import { FilesService } from '../contexts/files/files.service.ts';
import type { FilesSetup } from '../contexts/files/files.setup.ts';
import { SettingSecrets } from '../contexts/files/setting-secrets.ts';
import { IdentityService } from '../contexts/identity/identity.service.ts';
import { OtpService } from '../contexts/identity/otp.service.ts';
import { PasswordResetService } from '../contexts/identity/password-reset.service.ts';
import { JobRunner } from '../contexts/jobs/job-runner.ts';
import { JobRunsService } from '../contexts/jobs/job-runs.service.ts';
import { LedgerService } from '../contexts/ledger/ledger.service.ts';
import { CommissionsService } from '../contexts/network/commissions.service.ts';
import { DownlineService } from '../contexts/network/downline.service.ts';
import { MemberAdminService } from '../contexts/network/member-admin.service.ts';
import { MemberRegistrationService } from '../contexts/network/member-registration.service.ts';
import { MemberStandingService } from '../contexts/network/member-standing.service.ts';
import { MembershipService } from '../contexts/network/membership.service.ts';
import { SaleRequestsService } from '../contexts/network/sale-requests.service.ts';
import { OutboxService } from '../contexts/notifications/outbox.service.ts';
import { OutboxAdminService } from '../contexts/notifications/outbox-admin.service.ts';
import { WhatsappTransport } from '../contexts/notifications/whatsapp/whatsapp.transport.ts';
import { WhatsappDeliveries } from '../contexts/notifications/whatsapp/whatsapp-deliveries.service.ts';
import { WhatsappSettings } from '../contexts/notifications/whatsapp/whatsapp-settings.ts';
import { GatewayNotifications } from '../contexts/payments/gateway-notifications.ts';
import { PaymentProviders } from '../contexts/payments/payment-gateways.ts';
import { PaymentSecrets } from '../contexts/payments/payment-secrets.ts';
import { PaymentsService } from '../contexts/payments/payments.service.ts';
import { SandboxGateway } from '../contexts/payments/sandbox.provider.ts';
import type { XenditLog } from '../contexts/payments/xendit/xendit.provider.ts';
import { PlatformAdmins } from '../contexts/platform/platform-admins.service.ts';
import { TenantAdminSettings } from '../contexts/platform/tenant-admin-settings.ts';
import { type ProfileSetup, TenantProvisioning } from '../contexts/platform/tenant-provisioning.ts';
import { TenantSettingsEditor } from '../contexts/platform/tenant-settings-editor.ts';
import { ProgrammeAnalyticsService } from '../contexts/programmes/programme-analytics.service.ts';
import { ProgrammeBatchesService } from '../contexts/programmes/programme-batches.service.ts';
import { ProgrammeProgressService } from '../contexts/programmes/programme-progress.service.ts';
import { ProgrammeRegistrationsService } from '../contexts/programmes/programme-registrations.service.ts';
import { ProgrammeSettlement } from '../contexts/programmes/programme-settlement.ts';
import { AffiliateDirectoryService } from '../contexts/referral-affiliates/affiliate-directory.service.ts';
import { AffiliateApplicationsService } from '../contexts/referral-affiliates/applications/affiliate-applications.service.ts';
import { AffiliatePhotosService } from '../contexts/referral-affiliates/applications/affiliate-photos.service.ts';
import { BankAccountsService } from '../contexts/referral-affiliates/bank-accounts/bank-account.service.ts';
import { ReferralLinksService } from '../contexts/referral-affiliates/clicks/referral-links.service.ts';
import { AffiliateReferralsService } from '../contexts/referral-affiliates/commissions/affiliate-referrals.service.ts';
import { registerAffiliateProgramJobs } from '../contexts/referral-affiliates/commissions/commission-release.job.ts';
import { OrderAttribution } from '../contexts/referral-affiliates/commissions/order-attribution.ts';
import { ReferralCommissionsService } from '../contexts/referral-affiliates/commissions/referral-commissions.service.ts';
import { PayoutProcessingService } from '../contexts/referral-affiliates/payouts/payout-processing.service.ts';
import { PayoutsService } from '../contexts/referral-affiliates/payouts/payouts.service.ts';
import { ProgramContentService } from '../contexts/referral-affiliates/program-content.service.ts';
import { AffiliateStatsService } from '../contexts/referral-affiliates/stats/affiliate-stats.service.ts';
import { ConsoleDashboardService } from '../contexts/reporting/console-dashboard.service.ts';
import { FinancialDashboardService } from '../contexts/reporting/financial-dashboard.service.ts';
import { TransactionExportService } from '../contexts/reporting/transaction-export.service.ts';
import { TransactionReportService } from '../contexts/reporting/transaction-report.service.ts';
import { WithdrawalQueueService } from '../contexts/reporting/withdrawal-queue.service.ts';
import { DepositSettlement } from '../contexts/savings/deposit-settlement.ts';
import { SavingsAccountsService } from '../contexts/savings/savings-accounts.service.ts';
import { SavingsCreditsService } from '../contexts/savings/savings-credits.service.ts';
import { SavingsDepositsService } from '../contexts/savings/savings-deposits.service.ts';
import { SavingsHistoryService } from '../contexts/savings/savings-history.service.ts';
import { registerSavingsInterestJob } from '../contexts/savings/savings-interest.job.ts';
import { SavingsInterestService } from '../contexts/savings/savings-interest.service.ts';
import { SavingsSummaryService } from '../contexts/savings/savings-summary.service.ts';
import { SavingsWithdrawalsService } from '../contexts/savings/savings-withdrawals.service.ts';
import { TenantDirectory } from '../contexts/tenancy/tenant.service.ts';
import { AffiliateCommissionsService } from '../contexts/voucher-affiliates/affiliate-commissions.service.ts';
import { AffiliateSalesService } from '../contexts/voucher-affiliates/affiliate-sales.service.ts';
import { AffiliatesService } from '../contexts/voucher-affiliates/affiliates.service.ts';
import { AccessTokens } from '../kernel/auth/access-token.ts';
import { PlatformTokens } from '../kernel/auth/platform-token.ts';
import { type Orm, tenantEm } from '../kernel/database.ts';
import { PROFILES, tenantApps } from '../profiles/index.ts';

export interface ServiceOptions {
  jwtSecret: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  tenantHosts?: ReadonlyMap<string, string>;
  /** public origin of this server, e.g. `https://komisi.example` (payment pages, IPN URLs) */
  publicBaseUrl: () => string;
  /** lets tests point a tenant's Pesapal at a fake */
  pesapalFetch?: typeof fetch;
  /** lets tests point a tenant's DOKU at a fake */
  dokuFetch?: typeof fetch;
  /** lets tests point a tenant's Xendit at a fake */
  xenditFetch?: typeof fetch;
  /** lets tests point a tenant's Midtrans at a fake */
  midtransFetch?: typeof fetch;
  /** lets tests point a tenant's Fonnte (WhatsApp) at a fake */
  fonnteFetch?: typeof fetch;
  /** where Xendit and Midtrans payments refused for an amount or currency mismatch are reported */
  xenditLog?: XenditLog;
  /** file storage and keys (filesSetupFromConfig); absent: in-memory storage and the development key */
  files?: FilesSetup;
  /** how long a platform administrator's sign-in lasts (default 8 hours) */
  platformSessionTtlSeconds?: number;
}

/** Each profile's setup of a new tenant, its bootstrap handed the wired services. */
function profileSetupsOf(services: () => Services): ReadonlyMap<string, ProfileSetup> {
  return new Map(
    Object.values(PROFILES).map((profile): [string, ProfileSetup] => {
      const { bootstrap, ...setup } = profile.tenantSetup;
      if (!bootstrap) return [profile.id, setup];
      return [profile.id, { ...setup, bootstrap: (tx, input) => bootstrap(services(), tx, input) }];
    }),
  );
}

/** The application's singletons; request data travels in a Scope, never in these. */
export function createServices(orm: Orm, options: ServiceOptions) {
  const ledger = new LedgerService();
  const catalog = new CatalogService();
  const stock = new ShopStockService();
  // Files (KTP, photos) and gateway secrets sealed at rest with the file key.
  const cipher = new FileCipher(options.files?.key ?? DEV_FILE_KEY, options.files?.previousKeys ?? []);
  const paymentSecrets = new PaymentSecrets(cipher);
  const settingSecrets = new SettingSecrets(cipher);
  const providers = new PaymentProviders(orm, {
    publicBaseUrl: options.publicBaseUrl,
    fetch: {
      doku: options.dokuFetch,
      pesapal: options.pesapalFetch,
      xendit: options.xenditFetch,
      midtrans: options.midtransFetch,
    },
    log: options.xenditLog,
    secrets: paymentSecrets,
  });
  const payments = new PaymentsService(
    (scope) => providers.providerFor(scope.tenant),
    ledger,
    (scope) => `${options.publicBaseUrl()}/t/${scope.tenant.slug}/payment-complete`,
  );
  const commissions = new CommissionsService(ledger);
  const membership = new MembershipService(ledger);
  const orders = new OrdersService(catalog, payments, commissions);
  payments.onSettlement('membership', membership);
  const vouchers = new VouchersService();
  const carts = new CartsService(vouchers);
  const tenants = new TenantDirectory(orm, options.tenantHosts);

  const gatewayNotifications = new GatewayNotifications(payments, orm, tenants, paymentSecrets);

  const identity = new IdentityService(
    new AccessTokens(options.jwtSecret, options.accessTokenTtlSeconds),
    options.refreshTokenTtlSeconds,
  );
  const outbox = new OutboxService();
  // WhatsApp through each tenant's own device (settings.whatsapp), and its status webhook
  const whatsappSettings = new WhatsappSettings((tenantId, path, stored) =>
    settingSecrets.open(tenantId, path, stored),
  );
  const whatsappTransport = new WhatsappTransport({
    settingsOf: async (tenantId) => {
      const tenant = await tenants.byId(tenantId);
      return tenant && whatsappSettings.of(tenant);
    },
    fetch: options.fonnteFetch,
  });
  const addresses = new AddressesService(identity);
  const affiliateCommissions = new AffiliateCommissionsService({ ledger, commissions, vouchers });
  // Referral-link affiliates (qutab-platform) and the background jobs (commission release).
  const referralCommissions = new ReferralCommissionsService(ledger);
  const jobs = new JobRunner(orm);
  const referralLinks = new ReferralLinksService(orm, { secret: options.jwtSecret });
  registerAffiliateProgramJobs(jobs, referralCommissions);
  // Shop orders. Both affiliate programmes hear about them being paid and reversed; each acts only on
  // orders it attributed (a voucher-code affiliate's voucher, a referral-link affiliate's referral).
  // Referrals are recorded only by the apps that read the referral programme's settings (qutab), so
  // the other tenants' orders skip its hooks (and their statement).
  const runsReferralLinks = (tenant: Parameters<typeof tenantApps.settingKeys>[0]) =>
    tenantApps.settingKeys(tenant).includes('referralAffiliates');
  const orderHooks = everyHook(affiliateCommissions, hooksWhere(runsReferralLinks, referralCommissions));
  const orderCancellation = new OrderCancellation({ vouchers, stock, hooks: orderHooks });
  const orderPayments = new OrderPayments({ payments, cancellation: orderCancellation });
  const orderWriter = new OrderWriter({ vouchers });
  const shopSettlement = new ShopOrderSettlement({ cancellation: orderCancellation, hooks: orderHooks });
  payments.onSettlement('order', orderSettlement({ mlm: orders, shop: shopSettlement }));
  registerOrderExpiryJob(jobs, new UnpaidOrderExpiry({ payments, cancellation: orderCancellation }));
  // koperasi-sinoman savings: deposits settle through the gateway, interest is credited monthly.
  const savingsAccounts = new SavingsAccountsService(ledger);
  const savingsCredits = new SavingsCreditsService(ledger);
  const savingsInterest = new SavingsInterestService({ ledger, credits: savingsCredits });
  payments.onSettlement('savings_deposit', new DepositSettlement());
  registerSavingsInterestJob(jobs, savingsInterest);
  // Files (KTP, photos) sealed at rest; bank accounts and payouts of referral-link affiliates.
  const files = new FilesService({
    storage: options.files?.storage ?? new MemoryFileStorage(),
    cipher,
    serverSecret: options.jwtSecret,
  });
  // Programmes (koperasi-sinoman's Fit Challenge): batches, registrations paid through the gateway, progress.
  const programmeBatches = new ProgrammeBatchesService();
  payments.onSettlement('programme', new ProgrammeSettlement());
  // The platform: its administrators, creating tenants (each profile's setup) and editing their settings.
  const platformAdmins = new PlatformAdmins(
    orm,
    new PlatformTokens(options.jwtSecret, options.platformSessionTtlSeconds ?? 8 * 3600),
  );
  // koperasi-sinoman members (NIK sealed with the file key), KYC, referrals
  const nik = new NikVault(cipher);
  const memberKyc = new MemberKycService(files);
  const memberReferrals = new MemberReferralsService(savingsCredits);
  const profileSetups: ReadonlyMap<string, ProfileSetup> = profileSetupsOf(() => services);
  const transactionReport = new TransactionReportService();
  const tenantSettings = new TenantSettingsEditor({
    directory: tenants,
    secrets: settingSecrets,
    profileIds: () => Object.keys(PROFILES),
    // the holding period in force applies to the commissions still on hold
    changed: async (tenant, keys) => {
      if (!keys.includes('referralAffiliates')) return;
      await referralCommissions.applyHoldingPeriod({
        em: tenantEm(orm, tenant.id),
        tenant,
        now: new Date(),
      });
    },
  });
  const services = {
    orm,
    tenants,
    /** every administrator's action, written in its own transaction (see `adminProcedure`) */
    auditLog: new AuditLog(),
    platformAdmins,
    tenantProvisioning: new TenantProvisioning({ orm, directory: tenants, identity, setups: profileSetups }),
    tenantSettings,
    // the admin console: a tenant's own administrators (settings, job runs, outbox, dashboard)
    tenantApps,
    tenantAdminSettings: new TenantAdminSettings({ editor: tenantSettings, directory: tenants }),
    jobRuns: new JobRunsService(),
    outboxAdmin: new OutboxAdminService(),
    consoleDashboard: new ConsoleDashboardService(),
    gatewayNotifications,
    identity,
    passwordResets: new PasswordResetService(identity, outbox),
    otp: new OtpService({ identity, outbox, secret: options.jwtSecret }),
    outbox,
    /** the outbox's WhatsApp channel (the dispatcher routes to it) */
    whatsappTransport,
    whatsappDeliveries: new WhatsappDeliveries(whatsappSettings),
    ledger,
    catalog,
    storefront: new StorefrontService(),
    reviews: new ReviewsService(purchasedIn),
    wishlist: new WishlistService(new ListedProductsService()),
    payments,
    paymentSecrets,
    commissions,
    affiliateCommissions,
    affiliates: new AffiliatesService({ identity, vouchers }),
    affiliateSales: new AffiliateSalesService(),
    affiliateApplications: new AffiliateApplicationsService(identity, outbox),
    referralCommissions,
    jobs,
    // referral links, the attribution cookie and the dashboard numbers (qutab-platform)
    referralLinks,
    affiliateStats: new AffiliateStatsService(),
    membership,
    memberRegistration: new MemberRegistrationService(identity, membership),
    saleRequests: new SaleRequestsService({ catalog, membership, commissions, saleTotal }),
    downline: new DownlineService(),
    // dtehm-mobile administrators: members, their standing (stockist role, suspension)
    memberAdmin: new MemberAdminService({ downline: new DownlineService(), commissions }),
    memberStanding: new MemberStandingService(identity),
    addresses,
    carts,
    vouchers,
    voucherAdmin: new VoucherAdminService(vouchers),
    shopCatalogAdmin: new ShopCatalogAdminService(),
    checkout: new CheckoutService({ carts, addresses, writer: orderWriter, payments: orderPayments, stock }),
    orderCancellation,
    shopOrders: new ShopOrdersService(),
    directOrders: new DirectOrdersService({ writer: orderWriter, payments: orderPayments }),
    programContent: new ProgramContentService(),
    affiliateReferrals: new AffiliateReferralsService(),
    affiliateDirectory: new AffiliateDirectoryService(vouchers),
    orderAttribution: new OrderAttribution(referralCommissions, referralLinks),
    files,
    bankAccounts: new BankAccountsService({ files, cipher, outbox }),
    affiliatePhotos: new AffiliatePhotosService(files),
    payouts: new PayoutsService({ ledger }),
    payoutProcessing: new PayoutProcessingService({ ledger, cipher, outbox }),
    adminOrders: new AdminOrdersService({ vouchers, stock, hooks: orderHooks }),
    orders,
    sandbox: new SandboxGateway(orm),
    // koperasi-sinoman: cooperative members and their savings
    cooperativeMembers: new CooperativeMembersService(),
    cooperativeRegistration: new CooperativeRegistrationService({ identity, savingsAccounts, nik }),
    memberAccess: new MemberAccessService(identity),
    memberProfiles: new MemberProfilesService({ identity, files, nik }),
    memberKyc,
    memberReferrals,
    memberDirectory: new MemberDirectoryService(),
    memberStatus: new MemberStatusService({ identity, kyc: memberKyc, referrals: memberReferrals }),
    savingsAccounts,
    savingsCredits,
    savingsDeposits: new SavingsDepositsService({ ledger, payments, identity }),
    savingsWithdrawals: new SavingsWithdrawalsService(ledger),
    withdrawalQueue: new WithdrawalQueueService(),
    savingsHistory: new SavingsHistoryService({ accounts: savingsAccounts, identity }),
    savingsSummary: new SavingsSummaryService(savingsAccounts),
    savingsInterest,
    programmeBatches,
    programmeRegistrations: new ProgrammeRegistrationsService({ batches: programmeBatches, payments }),
    programmeProgress: new ProgrammeProgressService(files),
    programmeAnalytics: new ProgrammeAnalyticsService(),
    // koperasi-sinoman: the admins' financial reports, read from trigger-kept rollups
    financialDashboard: new FinancialDashboardService(),
    transactionReport,
    transactionExport: new TransactionExportService(transactionReport, files),
  };
  return services;
}

export type Services = ReturnType<typeof createServices>;

declare module '../kernel/api-context.ts' {
  /** what `ctx.services` holds in every procedure */
  interface Services extends ReturnType<typeof createServices> {}
}
