import { DomainError, type FieldErrors, validationError } from '@komisi/domain';
import {
  PAYMENT_SECRET_FIELDS,
  paymentsInputSchema,
  type StoredSecret,
} from '../../kernel/settings/tenant-settings.schemas.ts';
import {
  checkSetting,
  DEPRECATED_SETTING_KEYS,
  readSetting,
  SETTING_KEYS,
  type SettingKey,
  settingIssues,
  type TenantSettings,
} from '../../kernel/settings/tenant-settings.ts';
import type { TenantRecord } from '../../kernel/tenant-record.ts';
import type { PaymentSecrets } from '../payments/payment-secrets.ts';
import type { TenantDirectory } from '../tenancy/tenant.service.ts';

type Gateway = keyof typeof PAYMENT_SECRET_FIELDS;
/** Called once a tenant's settings changed, with the keys that did. */
export type SettingsChanged = (tenant: TenantRecord, keys: readonly SettingKey[]) => Promise<void>;
/** How a secret is shown: whether it is set and its last four characters, never the value. */
export interface MaskedSecret {
  set: true;
  last4: string | null;
  /** sealed with a key this server no longer has (KOMISI_FILE_KEY rotated without the old key in _PREVIOUS) */
  unreadable?: true;
}

/**
 * A tenant's settings as the platform administrator reads and changes them: secrets sealed on the
 * way in and masked on the way out; each top-level key replaced as a whole (null removes it).
 */
export class TenantSettingsEditor {
  readonly #directory: TenantDirectory;
  readonly #secrets: PaymentSecrets;
  readonly #profileIds: () => readonly string[];
  readonly #changed: SettingsChanged;

  constructor(deps: {
    directory: TenantDirectory;
    secrets: PaymentSecrets;
    profileIds: () => readonly string[];
    /** what follows a change of some keys (a new holding period re-dates the commissions on hold) */
    changed?: SettingsChanged;
  }) {
    this.#directory = deps.directory;
    this.#secrets = deps.secrets;
    this.#profileIds = deps.profileIds;
    this.#changed = deps.changed ?? (async () => {});
  }

  /** The settings with every gateway secret masked. */
  view(tenant: TenantRecord): Record<string, unknown> {
    const shown: Record<string, unknown> = { ...tenant.settings };
    const payments = readSetting(tenant.settings, 'payments');
    if (!payments) return shown;
    const masked: Record<string, unknown> = { ...payments };
    for (const [gateway, fields] of Object.entries(PAYMENT_SECRET_FIELDS) as [Gateway, readonly string[]][]) {
      const config = payments[gateway] as Record<string, StoredSecret> | undefined;
      if (!config) continue;
      const copy: Record<string, unknown> = { ...config };
      for (const field of fields) {
        if (config[field] !== undefined) copy[field] = this.#mask(tenant.id, gateway, field, config[field]);
      }
      masked[gateway] = copy;
    }
    shown.payments = masked;
    return shown;
  }

  #mask(tenantId: number, gateway: string, field: string, stored: StoredSecret): MaskedSecret {
    try {
      const clear = this.#secrets.open(tenantId, gateway, field, stored);
      return { set: true, last4: clear.length >= 8 ? clear.slice(-4) : null };
    } catch {
      return { set: true, last4: null, unreadable: true };
    }
  }

  /**
   * Applies a patch of top-level keys: each present key is checked by its schema and replaces the
   * stored value; `null` removes the key. Every problem is reported at once, naming its field
   * (`referralAffiliates.holdDays`). The directory reloads, so this instance serves the change at once.
   */
  async patch(tenant: TenantRecord, patch: Record<string, unknown>): Promise<TenantRecord> {
    const changes = this.#changesFor(tenant, patch);
    await this.#directory.patchSettings(tenant.id, changes);
    const updated = await this.#directory.byId(tenant.id);
    if (!updated) throw new DomainError('NOT_FOUND', 'Tenant not found');
    await this.#changed(updated, Object.keys(changes) as SettingKey[]);
    return updated;
  }

  /**
   * Checks the settings a tenant about to be created will be given, as `patch` will check them,
   * before anything is stored: a refused creation leaves no tenant behind.
   */
  checkInitial(patch: Record<string, unknown>): void {
    // nothing stored yet: no secret to keep, and the sealed values are thrown away
    this.#changesFor({ id: 0, settings: {} }, patch);
  }

  /** The stored values a patch makes, checked: every problem at once, naming its field. */
  #changesFor(tenant: Pick<TenantRecord, 'id' | 'settings'>, patch: Record<string, unknown>) {
    const errors: FieldErrors = {};
    const changes: Partial<Record<SettingKey, unknown>> = {};
    for (const [key, value] of Object.entries(patch)) {
      if (!SETTING_KEYS.includes(key as SettingKey)) {
        errors[key] = [`is not a setting; known settings: ${SETTING_KEYS.join(', ')}`];
        continue;
      }
      const renamed = DEPRECATED_SETTING_KEYS[key as SettingKey];
      if (renamed && value !== null) {
        errors[key] = [`was renamed to ${renamed}: set that instead (this one is still read, never written)`];
        continue;
      }
      try {
        changes[key as SettingKey] =
          value === null ? undefined : this.#checked(tenant, key as SettingKey, value);
      } catch (e) {
        if (!(e instanceof DomainError) || !e.fields) throw e;
        Object.assign(errors, e.fields);
      }
    }
    if (Object.keys(errors).length > 0) throw validationError(errors, 'The settings are invalid.');
    return changes;
  }

  #checked(tenant: Pick<TenantRecord, 'id' | 'settings'>, key: SettingKey, value: unknown): unknown {
    if (key === 'payments') return checkSetting('payments', this.#sealPayments(tenant, value));
    if (key === 'extraProfiles') {
      const known = this.#profileIds();
      const list = checkSetting('extraProfiles', value) ?? [];
      const unknown = list.findIndex((id) => !known.includes(id));
      if (unknown >= 0) {
        throw validationError({
          [`extraProfiles.${unknown}`]: [`unknown profile; one of ${known.join(', ')}`],
        });
      }
      const repeated = list.findIndex((id, i) => list.indexOf(id) !== i);
      if (repeated >= 0) throw validationError({ [`extraProfiles.${repeated}`]: ['is listed twice'] });
      return list;
    }
    return checkSetting(key, value) as TenantSettings[SettingKey];
  }

  /** New secrets sealed; a secret sent back masked (`{ "set": true }`) keeps the stored one. */
  #sealPayments(tenant: Pick<TenantRecord, 'id' | 'settings'>, value: unknown): unknown {
    const parsed = paymentsInputSchema.safeParse(value);
    if (!parsed.success) throw validationError(settingIssues('payments', parsed.error));
    const current = readSetting(tenant.settings, 'payments');
    const sealed: Record<string, unknown> = { ...parsed.data };
    for (const [gateway, fields] of Object.entries(PAYMENT_SECRET_FIELDS) as [Gateway, readonly string[]][]) {
      const config = parsed.data[gateway] as Record<string, unknown> | undefined;
      if (!config) continue;
      const stored = current?.[gateway] as Record<string, StoredSecret> | undefined;
      const copy: Record<string, unknown> = { ...config };
      for (const field of fields) {
        const given = config[field];
        // an optional secret left out (Midtrans' callbackToken) is not set
        if (given === undefined) continue;
        if (typeof given === 'string') copy[field] = this.#secrets.seal(tenant.id, gateway, field, given);
        else if (stored?.[field] !== undefined) copy[field] = stored[field];
        else
          throw validationError({
            [`payments.${gateway}.${field}`]: ['no stored value to keep: send the secret'],
          });
      }
      sealed[gateway] = copy;
    }
    return sealed;
  }
}
