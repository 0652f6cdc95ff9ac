import type { AuditTrail } from './audit/audited-transaction.ts';
import type { AccessClaims } from './auth/access-token.ts';
import type { Logger } from './logger.ts';
import type { Scope } from './scope.ts';
import type { TenantRecord } from './tenant-record.ts';

/**
 * The application's services as the composition root wires them. They live above the kernel, so
 * the kernel cannot name them: the composition root adds them to this interface by declaration
 * merging (as Hono's `ContextVariableMap` is extended), and procedures see every service typed.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by declaration merging in composition/services.ts
export interface Services {}

/** Who a bearer token stands for (the identity context answers; the kernel's procedures ask). */
export interface Authenticator {
  authenticate(scope: Scope, token: string): Promise<AccessClaims | null>;
}

/** How cookies a procedure sets (the guest cart's) must be marked for the browser that called. */
export interface CookiePolicy {
  /** the request came over https, directly or through a trusted proxy: cookies get `Secure` */
  secure: boolean;
  /**
   * the request came from a browser origin the tenant lists (CORS) over https: cookies get
   * `SameSite=None; Secure`, or a storefront on another site would never get them back
   */
  crossSite: boolean;
}

/** Everything a procedure may use for one request of one tenant. */
export interface ApiContext {
  tenant: TenantRecord;
  requestId: string;
  ip: string;
  authorization: string | undefined;
  /** the tenant's public base URL, e.g. `https://host/t/dtehm` */
  baseUrl: string;
  /** a guest's cart token (header `X-Cart-Token` or cookie `cart_token`) */
  cartToken: string | undefined;
  /** the request's `Cookie` header (e.g. the referral link's attribution cookie) */
  cookieHeader: string | undefined;
  /** the request's `X-API-KEY` header: the shared key a provider's webhook sends (WhatsApp status) */
  apiKey: string | undefined;
  /** headers a procedure adds to its response (e.g. a new guest cart's token), on REST and tRPC alike */
  responseHeaders: Headers;
  /**
   * How many calls of this request the tenant's request budget still allowed (a tRPC batch spends
   * one per call; the later ones past the budget are refused). Absent: no budget applies here.
   */
  callsAllowed?: number;
  /** attributes for cookies set on this response */
  cookiePolicy: CookiePolicy;
  services: Services;
  authenticator: Authenticator;
  /** where admin mutations' audit entries are written (see `adminProcedure`) */
  auditTrail: AuditTrail;
  log: Logger;
  /** the request's EntityManager and clock, created on first use */
  scope(): Scope;
}

export interface RequestInfo {
  tenant: TenantRecord;
  requestId: string;
  ip: string;
  authorization: string | undefined;
  baseUrl: string;
  cartToken?: string | undefined;
  cookieHeader?: string | undefined;
  apiKey?: string | undefined;
  /** absent: `Secure` when `baseUrl` is https, never cross-site */
  cookiePolicy?: CookiePolicy | undefined;
}
