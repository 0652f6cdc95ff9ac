import { PAYMENT_SECRET_FIELDS, WHATSAPP_SECRET_FIELDS } from './settings/tenant-settings.schemas.ts';

/**
 * Fields whose values are secrets or personal data, as requests and records name them: the log never
 * writes them (logger.ts) and the audit log never keeps them (audit/redact.ts).
 */
export const SENSITIVE_FIELDS = [
  'password',
  'new_password',
  'token',
  'refresh_token',
  'authorization',
  'cookie',
  'email',
  'phone',
  'phone_number',
  // an Indonesian identity number (koperasi-sinoman members)
  'nik',
  'consumer_secret',
] as const;

/** `refresh_token`, `refreshToken` and `RefreshToken` alike. */
const normalized = (field: string) => field.toLowerCase().replace(/[^a-z0-9]/g, '');

const SENSITIVE = new Set<string>(
  [
    ...SENSITIVE_FIELDS,
    // the gateways' and the WhatsApp sender's secrets, as the settings name them
    ...Object.values(PAYMENT_SECRET_FIELDS).flat(),
    ...WHATSAPP_SECRET_FIELDS,
    // a sealed secret as stored
    'sealed',
  ].map(normalized),
);

/** Whatever ends so is a secret, whoever names it (`accessToken`, `confirm_password`, `clientSecret`). */
const SENSITIVE_ENDINGS = ['password', 'token', 'secret'];

/** Whether a field of this name holds a secret or personal data, however it is written. */
export function isSensitiveField(field: string): boolean {
  const key = normalized(field);
  return SENSITIVE.has(key) || SENSITIVE_ENDINGS.some((end) => key.endsWith(end));
}

export const REDACTED = '[redacted]';
