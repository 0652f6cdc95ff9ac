import { DomainError, type FieldErrors, validationError } from '@komisi/domain';
import type { z } from 'zod';
import { originOf, TENANT_SETTINGS_SCHEMAS } from './tenant-settings.schemas.ts';

type Schemas = typeof TENANT_SETTINGS_SCHEMAS;
export type SettingKey = keyof Schemas;

/** Per-tenant settings a business changes without a deploy: each key as its schema reads it. */
export type TenantSettings = { [K in SettingKey]?: z.output<Schemas[K]> };

export const SETTING_KEYS = Object.keys(TENANT_SETTINGS_SCHEMAS) as SettingKey[];

/** Keys still read under a former name: the new name's keys win key by key; the platform API writes only the new one. */
export const DEPRECATED_SETTING_KEYS: Partial<Record<SettingKey, SettingKey>> = {
  affiliateProgram: 'voucherAffiliates',
  referralProgram: 'referralAffiliates',
};

/** What each key is for (listed by the platform API with the profiles it applies to). */
export const SETTING_DESCRIPTIONS: Record<SettingKey, string> = {
  payments:
    'Payment gateway: provider (sandbox, pesapal, doku, xendit, midtrans) and its credentials; secrets are sealed at rest and masked when read.',
  anonymousMembershipPayments:
    'dtehm-mobile: let the membership payment endpoints run without a token, as the spec marks them (off by default).',
  allowedOrigins:
    'Browser origins (https://shop.example.com) whose pages may call this tenant cross-origin with credentials (CORS).',
  mlm: 'MLM plan overrides: stockistRateBps, stockistEligibility, generationRatesBps, compression, membershipFees, sponsorBonusPerDtehm.',
  extraProfiles:
    'Further app profiles served next to the main one, tried in order for paths it has no route for.',
  voucherAffiliates:
    'Voucher-code affiliates: commissionBase (pre_discount_total, post_discount_total, items_pre_discount).',
  affiliateProgram: 'Deprecated: the former name of voucherAffiliates (still read).',
  orderPaymentTtlMinutes:
    'Minutes a shop order may stay unpaid before it is cancelled and its stock returns (default 1440).',
  affiliateSupport: 'qutab-platform helpdesk: whatsapp, email and responseTime shown to affiliates.',
  referralAffiliates:
    'Referral-link affiliate programme overrides: holdDays, attributionDays, defaultRateBps, minimumPayout, targetUrl, referralBaseUrl.',
  referralProgram: 'Deprecated: the former name of referralAffiliates (still read).',
  whatsapp:
    "WhatsApp messages (OTP codes, notices) through the tenant's own Fonnte device: provider (fonnte), token, webhookKey (checked against the status webhook's X-API-KEY), baseUrl; secrets are sealed at rest and masked when read.",
  savings:
    'koperasi-sinoman savings: shuPoolEstimate and shuSavingsShareBp (the SHU projection), savingsGoal, paymentDeadlineHours, withdrawalProcessingHours, depositBankName.',
  cooperative:
    'koperasi-sinoman members: referralBonus (rupiah credited to a referrer when their referral first becomes active, 0 for none; default 50000), strictNik (check the NIK’s place codes, birth date and gender, not only its 16 digits; default false).',
};

/** Each key's name as a form heads it (the admin console's settings editor). */
export const SETTING_TITLES: Record<SettingKey, string> = {
  payments: 'Payment gateway',
  anonymousMembershipPayments: 'Membership payments without sign-in',
  allowedOrigins: 'Allowed browser origins',
  mlm: 'MLM plan',
  extraProfiles: 'Extra app profiles',
  voucherAffiliates: 'Voucher-code affiliates',
  affiliateProgram: 'Voucher-code affiliates (former name)',
  orderPaymentTtlMinutes: 'Payment window (minutes)',
  affiliateSupport: 'Affiliate support contact',
  referralAffiliates: 'Referral-link affiliate programme',
  referralProgram: 'Referral-link affiliate programme (former name)',
  whatsapp: 'WhatsApp sender',
  savings: 'Savings',
  cooperative: 'Cooperative membership',
};

/** Each settings object read once per key: tenant records are replaced when the directory reloads. */
const readCache = new WeakMap<object, Map<SettingKey, unknown>>();

/**
 * The tenant's value of one setting, read through the key's schema (what the platform API validates
 * a change with); undefined when unset. A stored value its schema refuses (written by hand, outside
 * the platform API) fails loudly rather than being half-applied.
 */
export function readSetting<K extends SettingKey>(settings: object, key: K): TenantSettings[K] | undefined {
  if (settings === null || typeof settings !== 'object') return undefined;
  let cached = readCache.get(settings);
  if (!cached) {
    cached = new Map();
    readCache.set(settings, cached);
  }
  if (cached.has(key)) return cached.get(key) as TenantSettings[K];
  const raw = (settings as Record<string, unknown>)[key];
  let value: unknown;
  if (raw !== undefined && raw !== null) {
    const parsed = TENANT_SETTINGS_SCHEMAS[key].safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new DomainError(
        'INTERNAL_ERROR',
        `The tenant setting ${[key, ...issue.path].join('.')} is invalid: ${issue.message}`,
      );
    }
    value = parsed.data;
  }
  cached.set(key, value);
  return value as TenantSettings[K];
}

/**
 * The tenant's own CORS origins: each entry read by `originOf`, the one reading the schema checks
 * writes with; an entry that is not such an origin (stored by hand) is ignored, as it always was.
 */
export function allowedOriginsOf(settings: object): string[] {
  const raw = (settings as Record<string, unknown>).allowedOrigins;
  return Array.isArray(raw) ? raw.map(originOf).filter((o): o is string => o !== null) : [];
}

/** The field path of a settings issue as the API names it: `referralAffiliates.holdDays`, `allowedOrigins.0`. */
export function settingIssues(prefix: string, error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const field = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    fields[field] = [...(fields[field] ?? []), issue.message];
  }
  return fields;
}

/** A new value of one key, checked by its schema: the value to store, or a validation error naming each field. */
export function checkSetting<K extends SettingKey>(key: K, value: unknown): TenantSettings[K] {
  const parsed = TENANT_SETTINGS_SCHEMAS[key].safeParse(value);
  if (!parsed.success)
    throw validationError(settingIssues(key, parsed.error), `The setting ${key} is invalid.`);
  return parsed.data as TenantSettings[K];
}
