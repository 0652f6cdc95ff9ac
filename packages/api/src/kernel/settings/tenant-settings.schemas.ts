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
// (`readSetting`), so what is accepted and what is applied never differ. Each field's `title` and
// `description` (zod meta) label it in the JSON Schema the admin console builds its forms from.

/** A field's form label (and its help text): kept in the JSON Schema `z.toJSONSchema` writes. */
const label = (title: string, description?: string) => ({ title, ...(description && { description }) });

const wholeNonNegative = z.int().min(0);
const days = wholeNonNegative.max(3650);
const minorUnits = z.int().min(0).max(Number.MAX_SAFE_INTEGER);
const basisPoints = z.int().min(0).max(10_000);

/** A gateway secret as stored: clear text (tenants set up before secrets were sealed) or sealed with the file key. */
export const sealedSecretSchema = z.strictObject({ sealed: z.string().min(1) });
export const storedSecretSchema = z.union([z.string().min(1), sealedSecretSchema]);
export type StoredSecret = z.infer<typeof storedSecretSchema>;

/** A gateway secret as a client sends it: a new value, or the masked form read back (keep the stored value). */
export const secretInputSchema = z
  .union([
    z.string().min(1),
    z.looseObject({ set: z.literal(true) }).describe('keep the stored value (the masked form, read back)'),
  ])
  // a form shows it as a secret (never read back in clear) that may be left as it is
  .meta({ writeOnly: true, 'x-secret': true });
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
    provider: z.enum(PAYMENT_PROVIDERS).meta(label('Payment gateway')),
    pesapal: z
      .strictObject({
        baseUrl: z.url({ protocol: /^https?$/ }).meta(label('API base URL')),
        consumerKey: z.string().min(1).meta(label('Consumer key')),
        consumerSecret: secret.meta(label('Consumer secret')),
        ipnId: z.string().min(1).optional().meta(label('IPN id', 'registered on first use when empty')),
      })
      .optional()
      .meta(label('Pesapal')),
    /** DOKU Checkout credentials (https://api-sandbox.doku.com or https://api.doku.com) */
    doku: z
      .strictObject({
        baseUrl: z.url({ protocol: /^https?$/ }).meta(label('API base URL')),
        clientId: z.string().min(1).meta(label('Client id')),
        secretKey: secret.meta(label('Secret key')),
      })
      .optional()
      .meta(label('DOKU Checkout')),
    /** Xendit Invoices API: the secret API key, and the callback token Xendit sends as `x-callback-token` */
    xendit: z
      .strictObject({
        baseUrl: z.url({ protocol: /^https?$/ }).meta(label('API base URL')),
        secretKey: secret.meta(label('Secret API key')),
        callbackToken: secret.meta(label('Callback token', 'what Xendit sends as x-callback-token')),
      })
      .optional()
      .meta(label('Xendit Invoices')),
    /**
     * Midtrans Core API (bank transfer into a virtual account): the server key (HTTP Basic, and what
     * notifications are signed with); an optional `callbackToken` the notifications must carry as
     * `X-Callback-Token`; the bank of the virtual accounts; how long one stays open (Midtrans: 24 h).
     */
    midtrans: z
      .strictObject({
        baseUrl: z
          .url({ protocol: /^https?$/ })
          .default('https://api.sandbox.midtrans.com')
          .meta(label('API base URL')),
        serverKey: secret.meta(label('Server key')),
        clientKey: z.string().min(1).optional().meta(label('Client key')),
        merchantId: z.string().min(1).optional().meta(label('Merchant id')),
        callbackToken: secret
          .optional()
          .meta(label('Callback token', 'notifications must carry it as X-Callback-Token')),
        bank: z.enum(MIDTRANS_BANKS).default('bca').meta(label('Virtual account bank')),
        expiryMinutes: z
          .int()
          .min(1)
          .max(MIDTRANS_MAX_EXPIRY_MINUTES)
          .optional()
          .meta(label('Virtual account lifetime (minutes)', 'Midtrans keeps one open 24 hours unless set')),
      })
      .optional()
      .meta(label('Midtrans Core API')),
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
    provider: z.enum(WHATSAPP_PROVIDERS).meta(label('WhatsApp provider')),
    /** the device's token, which Fonnte takes as the `Authorization` header */
    token: secret.meta(label('Device token')),
    /** the key Fonnte's status webhook sends as `X-API-KEY`; without one the webhook is refused */
    webhookKey: secret
      .optional()
      .meta(
        label('Webhook key', "checked against the status webhook's X-API-KEY; without one it is refused"),
      ),
    /** https://api.fonnte.com unless set */
    baseUrl: z
      .url({ protocol: /^https?$/ })
      .optional()
      .meta(label('API base URL', 'https://api.fonnte.com unless set')),
  });
}

export const whatsappSchema = whatsappSchemaWith(storedSecretSchema);
/** A change of `whatsapp`, secrets as a client sends them. */
export const whatsappInputSchema = whatsappSchemaWith(secretInputSchema);

/** MLM plan overrides (see the domain's `MlmPlanOverrides`), checked as the plan they make would be. */
export const mlmSchema = z
  .strictObject({
    stockistRateBps: basisPoints.optional().meta(label('Stockist rate (basis points)', 'default 800 (8%)')),
    stockistEligibility: z
      .enum(STOCKIST_ELIGIBILITIES)
      .optional()
      .meta(label('Who may be a stockist', 'any active member (default) or designated stockists only')),
    generationRatesBps: z
      .array(basisPoints)
      .optional()
      .meta(label('Generation rates (basis points)', 'GN1 first; default 300, 250, 200 … 20')),
    compression: z
      .boolean()
      .optional()
      .meta(label('Compression', 'missing uplines are skipped and the next one takes the level')),
    membershipFees: z
      .strictObject({
        dtehm: minorUnits.meta(label('DTEHM membership fee')),
        dip: minorUnits.meta(label('DIP membership fee')),
      })
      .optional()
      .meta(label('Membership fees')),
    sponsorBonusPerDtehm: minorUnits.optional().meta(label('Sponsor bonus per DTEHM membership')),
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
  holdDays: days.nullish().meta(label('Holding period (days)', 'default 30')),
  attributionDays: days.nullish().meta(label('Attribution window (days)', 'default 30')),
  defaultRateBps: basisPoints.nullish().meta(label('Default commission rate (basis points)')),
  minimumPayout: minorUnits.nullish().meta(label('Payout minimum', 'default 100,000')),
  targetUrl: z
    .url({ protocol: /^https?$/ })
    .nullish()
    .meta(label('Landing page', 'where a referral link leads')),
  referralBaseUrl: z
    .url({ protocol: /^https?$/ })
    .nullish()
    .meta(label('Referral link base URL', 'the links affiliates share start with it')),
});

export const voucherAffiliatesSchema = z.strictObject({
  commissionBase: z
    .enum(COMMISSION_BASES)
    .optional()
    .meta(label('Commission base', 'the order amount a voucher-code commission is a share of')),
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
  z
    .string()
    .meta(label('Origin', 'https://shop.example.com: no path, no *'))
    .transform((entry, ctx) => {
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
  referralBonus: minorUnits.nullish().meta(label('Referral bonus', 'default 50,000; 0 for none')),
  strictNik: z
    .boolean()
    .nullish()
    .meta(label('Strict NIK check', "the NIK's place codes, birth date and gender, not only its 16 digits")),
});

export const affiliateSupportSchema = z.strictObject({
  whatsapp: z.string().trim().min(1).max(50).meta(label('WhatsApp number')),
  email: z.email().meta(label('Email')),
  responseTime: z.string().trim().min(1).max(200).meta(label('Response time', 'e.g. within 1 x 24 hours')),
});

/** A cooperative's savings (koperasi-sinoman): see the domain's `SavingsSettings`; absent or null keys keep its defaults. */
export const savingsSettingsSchema = z.strictObject({
  shuPoolEstimate: minorUnits.nullish().meta(label('SHU pool estimate')),
  shuSavingsShareBp: basisPoints.nullish().meta(label("Savings' share of the SHU (basis points)")),
  savingsGoal: minorUnits.nullish().meta(label('Savings goal')),
  paymentDeadlineHours: z
    .int()
    .min(1)
    .max(24 * 14)
    .nullish()
    .meta(label('Deposit payment deadline (hours)')),
  withdrawalProcessingHours: z
    .int()
    .min(1)
    .max(24 * 30)
    .nullish()
    .meta(label('Withdrawal processing time (hours)')),
  depositBankName: z.string().trim().min(2).max(100).nullish().meta(label('Deposit bank name')),
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
