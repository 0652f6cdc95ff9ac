export {
  createReferralClickWriter,
  type ReferralClickWriter,
} from './contexts/affiliate-program/clicks/click-sink.ts';
export { countsAsClick, isPreviewBot } from './contexts/affiliate-program/clicks/preview-bots.ts';
export {
  newClickId,
  REFERRAL_COOKIE,
  type ReferralClickRef,
  readReferralCookie,
} from './contexts/affiliate-program/clicks/referral-cookie.ts';
export type { ClickRecord } from './contexts/affiliate-program/clicks/referral-links.service.ts';
export { productSummarySetSql, variantFilterSql } from './contexts/catalog/variant-filter.ts';
export { type FilesSetup, filesSetupFromConfig } from './contexts/files/files.setup.ts';
export { devMailbox, OutboxDispatcher } from './contexts/notifications/outbox-dispatcher.ts';
export {
  messageTransportFromConfig,
  SmtpDeliveryError,
  SmtpTransport,
  type SmtpTransportOptions,
} from './contexts/notifications/smtp.transport.ts';
export { receiveDokuNotification, type WebhookAnswer } from './contexts/payments/doku-webhook.ts';
export { parsePesapalIpn, pesapalIpnAck } from './contexts/payments/pesapal.provider.ts';
export {
  isSandboxReference,
  SANDBOX_PAY_PATH,
  sandboxPayBody,
} from './contexts/payments/sandbox.provider.ts';
export { receiveXenditCallback } from './contexts/payments/xendit-webhook.ts';
export type { TenantRecord } from './contexts/tenancy/tenant-record.ts';
export { createOrm, type DatabaseTarget, migrate, type Orm } from './db/orm.ts';
export { seedAnsaniaDemo } from './db/seed/ansania-demo.ts';
export { type SeededTenant, seedDtehmDemo } from './db/seed/dtehm-demo.ts';
export { seedQutabDemo } from './db/seed/qutab-demo.ts';
export { type Config, loadConfig, originOf } from './platform/config.ts';
export { type ApiContext, createApiContext, type RequestInfo } from './platform/context.ts';
export { type ApiError, toApiError } from './platform/error-map.ts';
export { escapeHtml } from './platform/html.ts';
export { createLogger, type Logger } from './platform/logger.ts';
export { buildOpenApiDocument } from './platform/openapi.ts';
export * from './platform/rate-limit/index.ts';
export { createRestHandler, type RestHandler, readCapped } from './platform/rest/rest-handler.ts';
export type { Scope } from './platform/scope.ts';
export { createServices, type ServiceOptions, type Services } from './platform/services.ts';
export { batchRefusal, bearerToken, MAX_JSON_UPLOAD_BODY_BYTES, MAX_TRPC_BATCH } from './platform/trpc.ts';
export type { AffiliateRouter as AffiliateMarketerRouter } from './profiles/affiliate-marketer/affiliate.router.ts';
export type { AnsaniaRouter } from './profiles/ansania-ecommerce/ansania.router.ts';
export type { DtehmRouter } from './profiles/dtehm-mobile/dtehm.router.ts';
export { type AppProfile, PROFILES, profileById, profilesOf, tenantRouter } from './profiles/index.ts';
export type { QutabRouter } from './profiles/qutab-platform/qutab.router.ts';
