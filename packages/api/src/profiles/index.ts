import type { CurrencyCode } from '@komisi/domain';
import type { AnyRouter } from '@trpc/server';
import { dokuGateway } from '../contexts/payments/doku/doku.gateway.ts';
import { midtransGateway } from '../contexts/payments/midtrans/midtrans.gateway.ts';
import { xenditGateway } from '../contexts/payments/xendit/xendit.gateway.ts';
import type { BootstrapInput } from '../contexts/platform/tenant-provisioning.ts';
import type { Services } from '../kernel/api-context.ts';
import type { RateLimitRule } from '../kernel/rate-limit/index.ts';
import type { Scope } from '../kernel/scope.ts';
import { readSetting, type SettingKey, type TenantSettings } from '../kernel/settings/tenant-settings.ts';
import { mergeRouters, router } from '../kernel/trpc.ts';
import { bareStyle } from '../kernel/wire/bare-style.ts';
import { codeStyle } from '../kernel/wire/code-style.ts';
import { koperasiStyle } from '../kernel/wire/koperasi-style.ts';
import { successStyle } from '../kernel/wire/success-style.ts';
import type { WireStyle } from '../kernel/wire/wire-style.ts';
import { affiliateMarketerExamples } from './affiliate-marketer/affiliate.examples.ts';
import { affiliateRouter } from './affiliate-marketer/affiliate.router.ts';
import { ansaniaExamples } from './ansania-ecommerce/ansania.examples.ts';
import { ansaniaRouter } from './ansania-ecommerce/ansania.router.ts';
import { dokuWebhookDoc } from './ansania-ecommerce/webhook.openapi.ts';
import { dtehmExamples } from './dtehm-mobile/dtehm.examples.ts';
import { dtehmRouter } from './dtehm-mobile/dtehm.router.ts';
import { bootstrapDtehmTenant } from './dtehm-mobile/tenant-setup.ts';
import { sinomanExamples } from './koperasi-sinoman/sinoman.examples.ts';
import { sinomanRouter } from './koperasi-sinoman/sinoman.router.ts';
import { bootstrapSinomanTenant } from './koperasi-sinoman/tenant-setup.ts';
import { midtransNotificationDoc } from './koperasi-sinoman/webhook.openapi.ts';
import { qutabExamples } from './qutab-platform/qutab.examples.ts';
import { qutabRouter } from './qutab-platform/qutab.router.ts';
import { referralRedirectDoc } from './qutab-platform/referral.openapi.ts';
import { xenditCallbackDoc } from './qutab-platform/webhook.openapi.ts';
import { type ConsoleSpec, consoleOf } from './shared/console/console-spec.ts';
import type { OperationExamples } from './shared/operation-examples.ts';

/** One documented app: its router (REST paths in meta), its envelope and its document's words. */
export interface AppProfile {
  id: string;
  title: string;
  description: string;
  router: AnyRouter;
  wire: WireStyle;
  /** the spec's base path under the tenant, e.g. `/api` */
  restPrefix: string;
  /** routes served outside the procedures (gateway webhooks need the raw body), for the OpenAPI document */
  plainRoutes?: Record<string, Record<string, unknown>>;
  /** each REST operation's example request and answer, shown in the OpenAPI document */
  examples: OperationExamples;
  /**
   * Request budgets the spec documents, counted for REST and tRPC alike: per client address, per
   * signed-in user, per administrator (when the spec gives them more), and per user for operations
   * that take files (on top of the request budget)
   */
  rateLimits?: {
    anonymous: RateLimitRule;
    authenticated: RateLimitRule;
    admin?: RateLimitRule;
    uploads?: RateLimitRule;
  };
  /** headers the document puts on every REST answer (set after the route's own) */
  responseHeaders?: Readonly<Record<string, string>>;
  /** the tenant settings this profile reads, beside those every tenant has (`COMMON_SETTING_KEYS`) */
  settingKeys: readonly SettingKey[];
  /** what the admin console shows of this app: its sections (beside the common ones) and dashboard figures */
  console: ConsoleSpec;
  /** what a new tenant of this profile starts with (platform API, CLI, demo seeds) */
  tenantSetup: {
    /** currency and time zone of a new tenant that names none */
    currency: CurrencyCode;
    timeZone: string;
    settings: TenantSettings;
    bootstrap?: (services: Services, tx: Scope, input: BootstrapInput) => Promise<{ rootMemberId?: string }>;
  };
}

/** Settings every tenant reads, whatever its profile. */
export const COMMON_SETTING_KEYS: readonly SettingKey[] = ['payments', 'allowedOrigins', 'extraProfiles'];

/** A new tenant collects through the sandbox until an administrator configures a gateway. */
const SANDBOX: TenantSettings = { payments: { provider: 'sandbox' } };
/** where each spec's business is, for a tenant created without a currency or time zone */
const UGANDA = { currency: 'UGX', timeZone: 'Africa/Kampala' } as const;
const INDONESIA = { currency: 'IDR', timeZone: 'Asia/Jakarta' } as const;

const FIFTEEN_MINUTES = 15 * 60 * 1000;
const ONE_HOUR = 60 * 60 * 1000;

export const PROFILES: Record<string, AppProfile> = {
  'dtehm-mobile': {
    id: 'dtehm-mobile',
    title: 'DTEHM Mobile API',
    description:
      'Network marketing: sponsor tree, DTEHM/DIP memberships, stockist and 10-generation commissions, downline.',
    router: dtehmRouter,
    wire: codeStyle,
    restPrefix: '/api',
    examples: dtehmExamples,
    settingKeys: ['mlm', 'anonymousMembershipPayments'],
    console: {
      sections: ['members', 'network', 'stockists', 'mlm-plan', 'catalog', 'orders', 'commissions'],
      dashboard: ['sales', 'orders', 'commissions'],
    },
    tenantSetup: { ...UGANDA, settings: SANDBOX, bootstrap: bootstrapDtehmTenant },
  },
  'ansania-ecommerce': {
    id: 'ansania-ecommerce',
    title: 'Ansania E-Commerce API',
    description:
      'Furniture store: catalog with variants, cart, vouchers, checkout, orders, reviews, wishlist.',
    router: ansaniaRouter,
    wire: successStyle,
    restPrefix: '/api',
    examples: ansaniaExamples,
    plainRoutes: { [dokuGateway.callbackPath]: dokuWebhookDoc },
    rateLimits: {
      anonymous: { name: 'anonymous', limit: 100, windowMs: FIFTEEN_MINUTES },
      authenticated: { name: 'authenticated', limit: 1000, windowMs: FIFTEEN_MINUTES },
    },
    settingKeys: ['orderPaymentTtlMinutes', 'voucherAffiliates'],
    console: { sections: ['orders', 'vouchers', 'catalog'], dashboard: ['sales', 'orders', 'commissions'] },
    // the shop's voucher-code affiliates are served by the affiliate-marketer profile beside it
    tenantSetup: { ...INDONESIA, settings: { ...SANDBOX, extraProfiles: ['affiliate-marketer'] } },
  },
  'qutab-platform': {
    id: 'qutab-platform',
    title: 'Qutab Platform API',
    description:
      'Qurban shop: customers and their orders with tracking, and the affiliate programme (applications, ' +
      'referral links, commissions with a holding period, balances, payouts, bank accounts, statistics).',
    router: qutabRouter,
    wire: koperasiStyle,
    restPrefix: '/api',
    examples: qutabExamples,
    plainRoutes: { [xenditGateway.callbackPath]: xenditCallbackDoc, '/r/{code}': referralRedirectDoc },
    settingKeys: ['referralAffiliates', 'voucherAffiliates', 'orderPaymentTtlMinutes', 'affiliateSupport'],
    console: {
      sections: [
        'affiliate-applications',
        'verifications',
        'payouts',
        'orders',
        'materials',
        'faq',
        'support-contact',
      ],
      dashboard: ['sales', 'orders', 'commissions', 'clicks'],
    },
    tenantSetup: { ...INDONESIA, settings: SANDBOX },
  },
  'koperasi-sinoman': {
    id: 'koperasi-sinoman',
    title: 'Koperasi Sinoman API',
    description:
      'Savings cooperative: members with KYC, Simpanan Pokok / Wajib / Sukarela accounts on a ledger, ' +
      'deposits through a payment gateway, withdrawals, the Fit Challenge programme, administration and reports.',
    router: sinomanRouter,
    wire: koperasiStyle,
    restPrefix: '/api',
    examples: sinomanExamples,
    plainRoutes: { [midtransGateway.callbackPath]: midtransNotificationDoc },
    // §1.3, per hour
    rateLimits: {
      anonymous: { name: 'anonymous', limit: 100, windowMs: ONE_HOUR },
      authenticated: { name: 'authenticated', limit: 1000, windowMs: ONE_HOUR },
      admin: { name: 'admin', limit: 5000, windowMs: ONE_HOUR },
      uploads: { name: 'uploads', limit: 10, windowMs: ONE_HOUR },
    },
    // §9.1: every answer names the API version and must not be cached
    responseHeaders: { 'X-API-Version': 'v1', 'Cache-Control': 'no-cache, no-store, must-revalidate' },
    settingKeys: ['whatsapp', 'savings', 'cooperative'],
    console: {
      sections: ['members', 'kyc', 'withdrawals', 'financial-reports', 'transactions', 'fit-challenge'],
      dashboard: ['deposits', 'withdrawals', 'netSavings'],
    },
    tenantSetup: { ...INDONESIA, settings: SANDBOX, bootstrap: bootstrapSinomanTenant },
  },
  'affiliate-marketer': {
    id: 'affiliate-marketer',
    title: 'Affiliate Marketer API',
    description:
      'Voucher-code affiliates: commission summary, statistics and monthly reports (read-only), and the ' +
      'admin endpoints that create and update affiliates. Served next to a shop profile (tenant extraProfiles).',
    router: affiliateRouter,
    wire: bareStyle,
    restPrefix: '/api',
    examples: affiliateMarketerExamples,
    settingKeys: ['voucherAffiliates'],
    console: { sections: ['voucher-affiliates'], dashboard: ['sales', 'orders', 'commissions'] },
    tenantSetup: { ...INDONESIA, settings: SANDBOX },
  },
};

/** The settings a tenant of these profiles reads: the common ones, then each profile's. */
export function settingKeysOf(profiles: readonly AppProfile[]): SettingKey[] {
  return [...new Set([...COMMON_SETTING_KEYS, ...profiles.flatMap((p) => p.settingKeys)])];
}

/** The profiles a tenant serves: its main profile, then its extra ones in order (unknown ids skipped). */
export function profilesOf(tenant: {
  profile: string;
  settings: { extraProfiles?: string[] };
}): AppProfile[] {
  return [tenant.profile, ...(readSetting(tenant.settings, 'extraProfiles') ?? [])]
    .filter((id, i, all) => all.indexOf(id) === i)
    .map((id) => PROFILES[id])
    .filter((p): p is AppProfile => p !== undefined);
}

/**
 * What the tenant's apps declare, for the shared console procedures (which cannot import this
 * file: every profile's router imports them). Wired into the services as `tenantApps`.
 */
export const tenantApps = {
  /** the main profile's id, then the extra ones' */
  profileIds: (tenant: TenantOfProfiles): string[] => profilesOf(tenant).map((p) => p.id),
  /** the settings the tenant's apps read */
  settingKeys: (tenant: TenantOfProfiles): SettingKey[] => settingKeysOf(profilesOf(tenant)),
  /** the console's sections and dashboard figures for the tenant's apps */
  console: (tenant: TenantOfProfiles): ConsoleSpec => consoleOf(profilesOf(tenant).map((p) => p.console)),
};

type TenantOfProfiles = Parameters<typeof profilesOf>[0];

/**
 * Keys every profile's router has, the same procedures in each (the admin console): a tenant
 * serves its main profile's; an extra profile's are left out of the merge.
 */
const SHARED_ROUTER_KEYS = new Set(['console']);

/** An extra profile's router without the keys its main profile already serves. */
function ownProcedures(profileRouter: AnyRouter): AnyRouter {
  const record = profileRouter._def.record as Record<string, unknown>;
  return router(
    Object.fromEntries(Object.entries(record).filter(([key]) => !SHARED_ROUTER_KEYS.has(key))) as never,
  );
}

const tenantRouters = new Map<string, AnyRouter>();

/**
 * The tRPC router a tenant serves: its main profile's, merged with its extra profiles' (their
 * procedure names do not overlap, but for the shared keys, served once), so one SDK endpoint
 * reaches every app the tenant runs.
 */
export function tenantRouter(tenant: TenantOfProfiles): AnyRouter {
  const profiles = profilesOf(tenant);
  const key = profiles.map((p) => p.id).join('+');
  const cached = tenantRouters.get(key);
  if (cached) return cached;
  const [main, ...extras] = profiles as [AppProfile, ...AppProfile[]];
  const merged: AnyRouter =
    extras.length === 0
      ? main.router
      : mergeRouters(main.router, ...extras.map((p) => ownProcedures(p.router)));
  tenantRouters.set(key, merged);
  return merged;
}

export function profileById(id: string): AppProfile {
  const profile = PROFILES[id];
  if (!profile) throw new Error(`unknown app profile ${id}`);
  return profile;
}
