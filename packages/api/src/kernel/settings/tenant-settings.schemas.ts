import {
  COMMISSION_BASES,
  DTEHM_DEFAULT_PLAN,
  isDomainError,
  STOCKIST_ELIGIBILITIES,
  withOverrides,
} from '@komisi/domain';
import { z } from 'zod';

// One schema per top-level key of a tenant's settings (`tenant.settings` jsonb). The platform API
// and the CLI validate a change with it; the services read the stored value through it
// (`readSetting`), so what is accepted and what is applied never differ.

const wholeNonNegative = z.int().min(0);
const days = wholeNonNegative.max(3650);
const minorUnits = z.int().min(0).max(Number.MAX_SAFE_INTEGER);
const basisPoints = z.int().min(0).max(10_000);

/** A gateway secret as stored: clear text (tenants set up before secrets were sealed) or sealed with the file key. */
export const sealedSecretSchema = z.strictObject({ sealed: z.string().min(1) });
export const storedSecretSchema = z.union([z.string().min(1), sealedSecretSchema]);
export type StoredSecret = z.infer<typeof storedSecretSchema>;

/** A gateway secret as a client sends it: a new value, or the masked form read back (keep the stored value). */
export const secretInputSchema = z.union([
  z.string().min(1),
  z.looseObject({ set: z.literal(true) }).describe('keep the stored value (the masked form, read back)'),
]);
export type SecretInput = z.infer<typeof secretInputSchema>;

export const PAYMENT_PROVIDERS = ['sandbox', 'pesapal', 'doku', 'xendit', 'midtrans'] as const;
/** The fields of each gateway's settings that are secrets (sealed at rest, masked when read). */
export const PAYMENT_SECRET_FIELDS = {
  pesapal: ['consumerSecret'],
  doku: ['secretKey'],
  xendit: ['secretKey', 'callbackToken'],
  midtrans: ['serverKey', 'callbackToken'],
} as const;
/** The banks whose virtual accounts Midtrans' Core API opens (`bank_transfer.bank`). */
export const MIDTRANS_BANKS = ['bca', 'bni', 'bri', 'permata', 'cimb'] as const;
/** Midtrans keeps a virtual account open for at most 180 days. */
const MIDTRANS_MAX_EXPIRY_MINUTES = 180 * 24 * 60;

/** `payments` with its secrets in the form `secret` describes (stored, or as a client sends them). */
export function paymentsSchemaWith<S extends z.ZodType>(secret: S) {
  return z.strictObject({
    provider: z.enum(PAYMENT_PROVIDERS),
    pesapal: z
      .strictObject({
        baseUrl: z.url({ protocol: /^https?$/ }),
        consumerKey: z.string().min(1),
        consumerSecret: secret,
        ipnId: z.string().min(1).optional(),
      })
      .optional(),
    /** DOKU Checkout credentials (https://api-sandbox.doku.com or https://api.doku.com) */
    doku: z
      .strictObject({
        baseUrl: z.url({ protocol: /^https?$/ }),
        clientId: z.string().min(1),
        secretKey: secret,
      })
      .optional(),
    /** Xendit Invoices API: the secret API key, and the callback token Xendit sends as `x-callback-token` */
    xendit: z
      .strictObject({ baseUrl: z.url({ protocol: /^https?$/ }), secretKey: secret, callbackToken: secret })
      .optional(),
    /**
     * Midtrans Core API (bank transfer into a virtual account): the server key (HTTP Basic, and what
     * notifications are signed with); an optional `callbackToken` the notifications must carry as
     * `X-Callback-Token`; the bank of the virtual accounts; how long one stays open (Midtrans: 24 h).
     */
    midtrans: z
      .strictObject({
        baseUrl: z.url({ protocol: /^https?$/ }).default('https://api.sandbox.midtrans.com'),
        serverKey: secret,
        clientKey: z.string().min(1).optional(),
        merchantId: z.string().min(1).optional(),
        callbackToken: secret.optional(),
        bank: z.enum(MIDTRANS_BANKS).default('bca'),
        expiryMinutes: z.int().min(1).max(MIDTRANS_MAX_EXPIRY_MINUTES).optional(),
      })
      .optional(),
  });
}

export const paymentsSchema = paymentsSchemaWith(storedSecretSchema);
/** A change of `payments`: the chosen gateway must come with its settings (a stored one without falls back to the sandbox). */
export const paymentsInputSchema = paymentsSchemaWith(secretInputSchema).superRefine((value, ctx) => {
  if (value.provider !== 'sandbox' && !value[value.provider]) {
    ctx.addIssue({
      code: 'custom',
      path: [value.provider],
      message: `required when provider is ${value.provider}`,
    });
  }
});

export const WHATSAPP_PROVIDERS = ['fonnte'] as const;
/** The fields of `whatsapp` that are secrets (sealed at rest, masked when read). */
export const WHATSAPP_SECRET_FIELDS = ['token', 'webhookKey'] as const;

/** `whatsapp` (the tenant's own WhatsApp sender) with its secrets in the form `secret` describes. */
export function whatsappSchemaWith<S extends z.ZodType>(secret: S) {
  return z.strictObject({
    provider: z.enum(WHATSAPP_PROVIDERS),
    /** the device's token, which Fonnte takes as the `Authorization` header */
    token: secret,
    /** the key Fonnte's status webhook sends as `X-API-KEY`; without one the webhook is refused */
    webhookKey: secret.optional(),
    /** https://api.fonnte.com unless set */
    baseUrl: z.url({ protocol: /^https?$/ }).optional(),
  });
}

export const whatsappSchema = whatsappSchemaWith(storedSecretSchema);
/** A change of `whatsapp`, secrets as a client sends them. */
export const whatsappInputSchema = whatsappSchemaWith(secretInputSchema);

/** MLM plan overrides (see the domain's `MlmPlanOverrides`), checked as the plan they make would be. */
export const mlmSchema = z
  .strictObject({
    stockistRateBps: basisPoints.optional(),
    stockistEligibility: z.enum(STOCKIST_ELIGIBILITIES).optional(),
    generationRatesBps: z.array(basisPoints).optional(),
    compression: z.boolean().optional(),
    membershipFees: z.strictObject({ dtehm: minorUnits, dip: minorUnits }).optional(),
    sponsorBonusPerDtehm: minorUnits.optional(),
  })
  .superRefine((overrides, ctx) => {
    try {
      withOverrides(DTEHM_DEFAULT_PLAN, overrides);
    } catch (e) {
      if (!isDomainError(e)) throw e;
      for (const [field, messages] of Object.entries(e.fields ?? { _: [e.message] })) {
        for (const message of messages) ctx.addIssue({ code: 'custom', path: field.split('.'), message });
      }
    }
  });

/** Referral-link affiliate programme overrides; an absent or null key keeps `REFERRAL_PROGRAM_DEFAULTS`. */
export const referralProgramSchema = z.strictObject({
  holdDays: days.nullish(),
  attributionDays: days.nullish(),
  defaultRateBps: basisPoints.nullish(),
  minimumPayout: minorUnits.nullish(),
  targetUrl: z.url({ protocol: /^https?$/ }).nullish(),
  referralBaseUrl: z.url({ protocol: /^https?$/ }).nullish(),
});

export const voucherAffiliatesSchema = z.strictObject({
  commissionBase: z.enum(COMMISSION_BASES).optional(),
});

/**
 * A browser origin (`https://shop.example.com`: scheme, host, port; no path, no `*`), normalised as
 * the `Origin` header carries it. `originOf` is the one reading, for writes and reads alike.
 */
export function originOf(entry: unknown): string | null {
  if (typeof entry !== 'string') return null;
  try {
    const url = new URL(entry.trim());
    const bare = url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
    return bare && /^https?:$/.test(url.protocol) ? url.origin : null;
  } catch {
    return null;
  }
}

export const allowedOriginsSchema = z.array(
  z.string().transform((entry, ctx) => {
    const origin = originOf(entry);
    if (origin) return origin;
    ctx.addIssue({
      code: 'custom',
      message: 'expected an origin like https://shop.example.com (no path, no *)',
    });
    return z.NEVER;
  }),
);

/** A cooperative's terms for its members (koperasi-sinoman); an absent or null key keeps `COOPERATIVE_DEFAULTS`. */
export const cooperativeSchema = z.strictObject({
  referralBonus: minorUnits.nullish(),
  strictNik: z.boolean().nullish(),
});

export const affiliateSupportSchema = z.strictObject({
  whatsapp: z.string().trim().min(1).max(50),
  email: z.email(),
  responseTime: z.string().trim().min(1).max(200),
});

/** A cooperative's savings (koperasi-sinoman): see the domain's `SavingsSettings`; absent or null keys keep its defaults. */
export const savingsSettingsSchema = z.strictObject({
  shuPoolEstimate: minorUnits.nullish(),
  shuSavingsShareBp: basisPoints.nullish(),
  savingsGoal: minorUnits.nullish(),
  paymentDeadlineHours: z
    .int()
    .min(1)
    .max(24 * 14)
    .nullish(),
  withdrawalProcessingHours: z
    .int()
    .min(1)
    .max(24 * 30)
    .nullish(),
  depositBankName: z.string().trim().min(2).max(100).nullish(),
});

/** The schema of every top-level settings key. */
export const TENANT_SETTINGS_SCHEMAS = {
  payments: paymentsSchema,
  anonymousMembershipPayments: z.boolean(),
  allowedOrigins: allowedOriginsSchema,
  mlm: mlmSchema,
  extraProfiles: z.array(z.string().min(1).max(63)),
  voucherAffiliates: voucherAffiliatesSchema,
  /** @deprecated the former name of `voucherAffiliates`, still read */
  affiliateProgram: voucherAffiliatesSchema,
  orderPaymentTtlMinutes: z
    .int()
    .min(1)
    .max(60 * 24 * 30),
  affiliateSupport: affiliateSupportSchema,
  referralAffiliates: referralProgramSchema,
  /** @deprecated the former name of `referralAffiliates`, still read */
  referralProgram: referralProgramSchema,
  whatsapp: whatsappSchema,
  savings: savingsSettingsSchema,
  cooperative: cooperativeSchema,
};

/** `payments` with every secret opened: what a gateway is handed (see the payments context's `PaymentSecrets`). */
export const clearPaymentsSchema = paymentsSchemaWith(z.string().min(1));
export type ClearPaymentSettings = z.output<typeof clearPaymentsSchema>;

/** `whatsapp` with its secrets opened: what the WhatsApp sender and the status webhook are handed. */
export const clearWhatsappSchema = whatsappSchemaWith(z.string().min(1));
export type ClearWhatsappSettings = z.output<typeof clearWhatsappSchema>;
