import { validationError } from '@komisi/domain';
import {
  PAYMENT_SECRET_FIELDS,
  paymentsInputSchema,
  type StoredSecret,
  WHATSAPP_SECRET_FIELDS,
  whatsappInputSchema,
} from '../../kernel/settings/tenant-settings.schemas.ts';
import { readSetting, settingIssues } from '../../kernel/settings/tenant-settings.ts';
import type { TenantRecord } from '../../kernel/tenant-record.ts';
import type { SettingSecrets } from '../files/setting-secrets.ts';

/** The settings keys that hold secrets: sealed on the way in, masked on the way out. */
export const SECRET_SETTING_KEYS = ['payments', 'whatsapp'] as const;
export type SecretSettingKey = (typeof SECRET_SETTING_KEYS)[number];

export const holdsSecrets = (key: string): key is SecretSettingKey =>
  (SECRET_SETTING_KEYS as readonly string[]).includes(key);

/** How a secret is shown: whether it is set and its last four characters, never the value. */
export interface MaskedSecret {
  set: true;
  last4: string | null;
  /** sealed with a key this server no longer has (KOMISI_FILE_KEY rotated without the old key in _PREVIOUS) */
  unreadable?: true;
}

type Json = Record<string, unknown>;

/** An object of a key's value that has secret fields: where it sits below the key, and those fields. */
interface SecretSpot {
  at: string | null;
  fields: readonly string[];
}

/** The secret spots of a key's value: each configured gateway of `payments`, `whatsapp` itself. */
function spotsOf(key: SecretSettingKey, value: Json): SecretSpot[] {
  if (key === 'whatsapp') return [{ at: null, fields: WHATSAPP_SECRET_FIELDS }];
  return Object.entries(PAYMENT_SECRET_FIELDS)
    .filter(([gateway]) => value[gateway] !== undefined)
    .map(([gateway, fields]) => ({ at: gateway, fields }));
}

const objectAt = (value: Json | undefined, at: string | null): Json | undefined =>
  at === null ? value : (value?.[at] as Json | undefined);

/** A secret's path in the settings, which its sealing is bound to: `payments.xendit.secretKey`. */
const pathOf = (key: string, at: string | null, field: string) =>
  [key, at, field].filter((part) => part !== null).join('.');

/** `value` with each of its secret fields replaced by `change(path, stored)` (a copy). */
function mapSecrets(
  key: SecretSettingKey,
  value: Json,
  change: (path: string, given: unknown, field: string, at: string | null) => unknown,
): Json {
  const copy: Json = { ...value };
  for (const { at, fields } of spotsOf(key, value)) {
    const object = { ...objectAt(value, at) };
    for (const field of fields) {
      if (object[field] !== undefined)
        object[field] = change(pathOf(key, at, field), object[field], field, at);
    }
    if (at === null) Object.assign(copy, object);
    else copy[at] = object;
  }
  return copy;
}

/** The stored value of a secret-holding key with every secret masked. */
export function maskSecrets(
  secrets: SettingSecrets,
  tenant: Pick<TenantRecord, 'id' | 'settings'>,
  key: SecretSettingKey,
): Json | undefined {
  const stored = readSetting(tenant.settings, key) as Json | undefined;
  if (!stored) return undefined;
  return mapSecrets(key, stored, (path, value): MaskedSecret => {
    try {
      const clear = secrets.open(tenant.id, path, value as StoredSecret);
      return { set: true, last4: clear.length >= 8 ? clear.slice(-4) : null };
    } catch {
      return { set: true, last4: null, unreadable: true };
    }
  });
}

const INPUT_SCHEMAS = { payments: paymentsInputSchema, whatsapp: whatsappInputSchema };

/**
 * A new value of a secret-holding key, checked by its input schema, with new secrets sealed; a secret
 * sent back masked (`{ "set": true }`) keeps the stored one.
 */
export function sealSecrets(
  secrets: SettingSecrets,
  tenant: Pick<TenantRecord, 'id' | 'settings'>,
  key: SecretSettingKey,
  value: unknown,
): Json {
  const parsed = INPUT_SCHEMAS[key].safeParse(value);
  if (!parsed.success) throw validationError(settingIssues(key, parsed.error));
  const current = readSetting(tenant.settings, key) as Json | undefined;
  return mapSecrets(key, parsed.data as Json, (path, given, field, at) => {
    if (typeof given === 'string') return secrets.seal(tenant.id, path, given);
    const stored = objectAt(current, at)?.[field];
    if (stored !== undefined) return stored;
    throw validationError({ [path]: ['no stored value to keep: send the secret'] });
  });
}
