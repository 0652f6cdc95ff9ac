import type { TenantRecord } from '../../kernel/tenant-record.ts';

/** A tenant's referral programme (qutab-platform) with every default filled in. */
export interface ReferralProgramSettings {
  /** days a confirmed commission stays on hold */
  holdDays: number;
  /** days a referral-link click keeps attributing the customer's orders */
  attributionDays: number;
  /** rate of affiliates without their own, basis points */
  defaultRateBps: number;
  /** smallest payout an affiliate may request, minor units */
  minimumPayout: number;
  /** where a referral link sends the visitor; null: the profile decides */
  targetUrl: string | null;
  /** base of the links handed out (`https://qutab.id/r`); null: the server's own `/t/{tenant}/r` */
  referralBaseUrl: string | null;
}

export const REFERRAL_PROGRAM_DEFAULTS: ReferralProgramSettings = Object.freeze({
  holdDays: 30,
  attributionDays: 30,
  defaultRateBps: 1000,
  minimumPayout: 100_000,
  targetUrl: null,
  referralBaseUrl: null,
});

/** `settings.referralProgram` with defaults for the absent keys. */
export function referralProgramSettings(tenant: Pick<TenantRecord, 'settings'>): ReferralProgramSettings {
  const s = tenant.settings.referralProgram ?? {};
  const d = REFERRAL_PROGRAM_DEFAULTS;
  return {
    holdDays: s.holdDays ?? d.holdDays,
    attributionDays: s.attributionDays ?? d.attributionDays,
    defaultRateBps: s.defaultRateBps ?? d.defaultRateBps,
    minimumPayout: s.minimumPayout ?? d.minimumPayout,
    targetUrl: s.targetUrl ?? d.targetUrl,
    referralBaseUrl: s.referralBaseUrl ?? d.referralBaseUrl,
  };
}
