import type {
  CommissionBase,
  CurrencyCode,
  MlmPlanOverrides,
  ReferralProgramOverrides,
} from '@komisi/domain';

/** The immutable view of a tenant that travels with every request. */
export interface TenantRecord {
  id: number;
  slug: string;
  name: string;
  profile: string;
  currency: CurrencyCode;
  timeZone: string;
  hosts: string[];
  settings: TenantSettings;
}

/** Voucher-code affiliates' settings; absent keys use the defaults (see `commissionBaseOf`). */
export interface VoucherAffiliatesSettings {
  commissionBase?: CommissionBase;
}

/** Per-tenant settings a business would change without a deploy. */
export interface TenantSettings {
  payments?: {
    provider: 'sandbox' | 'pesapal' | 'doku' | 'xendit';
    pesapal?: { baseUrl: string; consumerKey: string; consumerSecret: string; ipnId?: string };
    /** DOKU Checkout credentials (https://api-sandbox.doku.com or https://api.doku.com) */
    doku?: { baseUrl: string; clientId: string; secretKey: string };
    /**
     * Xendit Invoices API (https://api.xendit.co): the secret API key, and the callback
     * verification token Xendit sends as `x-callback-token`.
     */
    xendit?: { baseUrl: string; secretKey: string; callbackToken: string };
  };
  /**
   * dtehm-mobile: let the membership payment endpoints run without a token, as the spec's
   * document marks them. Off by default: anonymous calls could read other members' data.
   */
  anonymousMembershipPayments?: boolean;
  /**
   * Browser origins (`https://shop.example.com`: scheme, host, port; no path, no `*`) whose pages may
   * call this tenant's API cross-origin, cookies and `Authorization` included (CORS). Added to the
   * server-wide `KOMISI_CORS_ORIGINS`; an entry that is not such an origin is ignored.
   */
  allowedOrigins?: string[];
  /** MLM plan overrides (see the domain's `MlmPlanOverrides`); absent keys use the plan's defaults. */
  mlm?: MlmPlanOverrides;
  /**
   * Further app profiles this tenant serves next to `profile`, tried in order for a REST path
   * the main profile has no route for (e.g. ansania also serves `affiliate-marketer`).
   */
  extraProfiles?: string[];
  /**
   * Voucher-code affiliates: which amount of an order the commission rate applies to (the
   * referral-link affiliates apply theirs to the same base).
   */
  voucherAffiliates?: VoucherAffiliatesSettings;
  /** @deprecated the former name of `voucherAffiliates`, still read; `voucherAffiliates` wins key by key */
  affiliateProgram?: VoucherAffiliatesSettings;
  /** minutes a shop order may stay unpaid before it is cancelled and its stock returns (default 1440) */
  orderPaymentTtlMinutes?: number;
  /** qutab-platform helpdesk: how affiliates reach the programme's support (admin-managed) */
  affiliateSupport?: { whatsapp: string; email: string; responseTime: string };
  /**
   * Referral-link affiliates (qutab-platform): the tenant's changes to the programme's defaults
   * (holding period, attribution window, default rate, payout minimum, link target and base; see
   * `REFERRAL_PROGRAM_DEFAULTS` in @komisi/domain). Absent keys keep the default.
   */
  referralAffiliates?: ReferralProgramOverrides;
  /** @deprecated the former name of `referralAffiliates`, still read; `referralAffiliates` wins key by key */
  referralProgram?: ReferralProgramOverrides;
}
