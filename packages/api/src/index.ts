export { createApiContext } from './composition/api-context.ts';
export { type Config, loadConfig, originOf } from './composition/config.ts';
export { createOrm, type DatabaseTarget, migrate } from './composition/db/orm.ts';
export { seedAnsaniaDemo } from './composition/db/seed/ansania-demo.ts';
export type { DemoLogin, SeededTenant } from './composition/db/seed/demo-login.ts';
export { seedDtehmDemo } from './composition/db/seed/dtehm-demo.ts';
export { seedQutabDemo } from './composition/db/seed/qutab-demo.ts';
export { SINOMAN_ADMIN_EMAIL, seedSinomanDemo } from './composition/db/seed/sinoman-demo.ts';
export { buildOpenApiDocument } from './composition/openapi.ts';
export type { PlatformApiRouter } from './composition/platform-api/platform.router.ts';
export { createPlatformCaller, platformApiRouter } from './composition/platform-api/platform.router.ts';
export {
  buildPlatformOpenApiDocument,
  PLATFORM_API,
  platformRestHandler,
} from './composition/platform-api/platform-api.ts';
export {
  createRestHandler,
  type RestHandler,
  type RouteMatch,
  readCapped,
  takesUploads,
} from './composition/rest/rest-handler.ts';
export { createServices, type ServiceOptions, type Services } from './composition/services.ts';
export { COUNT_AHEAD, countLimit } from './contexts/catalog/counted-total.ts';
export { productSummarySetSql, variantFilterSql } from './contexts/catalog/variant-filter.ts';
export { courierFor } from './contexts/commerce/shipping/couriers.ts';
export { type FilesSetup, filesSetupFromConfig } from './contexts/files/files.setup.ts';
export { channelTransports } from './contexts/notifications/channel-transports.ts';
export { devMailbox, OutboxDispatcher } from './contexts/notifications/outbox-dispatcher.ts';
export {
  messageTransportFromConfig,
  SmtpDeliveryError,
  SmtpTransport,
  type SmtpTransportOptions,
} from './contexts/notifications/smtp.transport.ts';
export type { PaymentGateway } from './contexts/payments/payment-gateway.ts';
export {
  isSandboxReference,
  SANDBOX_PAY_PATH,
  sandboxPayBody,
} from './contexts/payments/sandbox.provider.ts';
export type { NewTenant } from './contexts/platform/tenant-fields.schemas.ts';
export type { CreatedTenant } from './contexts/platform/tenant-provisioning.ts';
export {
  createReferralClickWriter,
  type ReferralClickWriter,
} from './contexts/referral-affiliates/clicks/click-sink.ts';
export { countsAsClick, isPreviewBot } from './contexts/referral-affiliates/clicks/preview-bots.ts';
export {
  newClickId,
  REFERRAL_COOKIE,
  type ReferralClickRef,
  readReferralCookie,
} from './contexts/referral-affiliates/clicks/referral-cookie.ts';
export type { ClickRecord } from './contexts/referral-affiliates/clicks/referral-links.service.ts';
export { TENANT_CACHE_MS } from './contexts/tenancy/tenant.service.ts';
export {
  connectTenantChanges,
  type TenantChangeBus,
} from './contexts/tenancy/tenant-change-bus.ts';
export type { ApiContext, RequestInfo } from './kernel/api-context.ts';
export { CLI_SUBJECT, type PlatformClaims, PlatformTokens } from './kernel/auth/platform-token.ts';
export type { Orm } from './kernel/database.ts';
export { type ApiError, toApiError } from './kernel/error-map.ts';
export { escapeHtml } from './kernel/html.ts';
export { accessLogger, createLogger, type Logger } from './kernel/logger.ts';
export type { PlatformContext } from './kernel/platform-trpc.ts';
export * from './kernel/rate-limit/index.ts';
export type { Scope } from './kernel/scope.ts';
export {
  allowedOriginsOf,
  checkSetting,
  readSetting,
  type SettingKey,
  type TenantSettings,
} from './kernel/settings/tenant-settings.ts';
export type { TenantRecord } from './kernel/tenant-record.ts';
export {
  batchRefusal,
  bearerToken,
  MAX_JSON_BODY_BYTES,
  MAX_JSON_UPLOAD_BODY_BYTES,
  MAX_TRPC_BATCH,
  trpcBodyCap,
} from './kernel/trpc.ts';
export type { AffiliateRouter as AffiliateMarketerRouter } from './profiles/affiliate-marketer/affiliate.router.ts';
export type { AnsaniaRouter } from './profiles/ansania-ecommerce/ansania.router.ts';
export type { DtehmRouter } from './profiles/dtehm-mobile/dtehm.router.ts';
export { type AppProfile, PROFILES, profileById, profilesOf, tenantRouter } from './profiles/index.ts';
export type { SinomanRouter } from './profiles/koperasi-sinoman/sinoman.router.ts';
export type { QutabRouter } from './profiles/qutab-platform/qutab.router.ts';
