import { DomainError, type FieldErrors, validationError } from '@komisi/domain';
import { afterCommit, type Scope } from '../../kernel/scope.ts';
import {
  checkSetting,
  DEPRECATED_SETTING_KEYS,
  SETTING_KEYS,
  type SettingKey,
  type TenantSettings,
} from '../../kernel/settings/tenant-settings.ts';
import type { TenantRecord } from '../../kernel/tenant-record.ts';
import type { SettingSecrets } from '../files/setting-secrets.ts';
import type { TenantDirectory } from '../tenancy/tenant.service.ts';
import { holdsSecrets, maskSecrets, SECRET_SETTING_KEYS, sealSecrets } from './secret-settings.ts';

/** Called once a tenant's settings changed, with the keys that did. */
export type SettingsChanged = (tenant: TenantRecord, keys: readonly SettingKey[]) => Promise<void>;

/**
 * A tenant's settings as the platform administrator reads and changes them: secrets sealed on the
 * way in and masked on the way out; each top-level key replaced as a whole (null removes it).
 */
export class TenantSettingsEditor {
  readonly #directory: TenantDirectory;
  readonly #secrets: SettingSecrets;
  readonly #profileIds: () => readonly string[];
  readonly #changed: SettingsChanged;

  constructor(deps: {
    directory: TenantDirectory;
    /** seals and opens the secrets of `payments` and `whatsapp` */
    secrets: SettingSecrets;
    profileIds: () => readonly string[];
    /** what follows a change of some keys (a new holding period re-dates the commissions on hold) */
    changed?: SettingsChanged;
  }) {
    this.#directory = deps.directory;
    this.#secrets = deps.secrets;
    this.#profileIds = deps.profileIds;
    this.#changed = deps.changed ?? (async () => {});
  }

  /** The settings with every secret (gateway keys, the WhatsApp token) masked. */
  view(tenant: TenantRecord): Record<string, unknown> {
    const shown: Record<string, unknown> = { ...tenant.settings };
    for (const key of SECRET_SETTING_KEYS) {
      const masked = maskSecrets(this.#secrets, tenant, key);
      if (masked) shown[key] = masked;
    }
    return shown;
  }

  /**
   * Applies a patch of top-level keys: each present key is checked by its schema and replaces the
   * stored value; `null` removes the key. Every problem is reported at once, naming its field
   * (`referralAffiliates.holdDays`). The directory reloads, so this instance serves the change at once.
   *
   * With `tx` (a transaction on this tenant: an audited action's), the change is written in it and
   * described to its audit log; the reload and what follows the change wait for its commit.
   */
  async patch(tenant: TenantRecord, patch: Record<string, unknown>, tx?: Scope): Promise<TenantRecord> {
    const changes = this.#changesFor(tenant, patch);
    const keys = Object.keys(changes) as SettingKey[];
    if (tx) {
      if (tx.tenant.id !== tenant.id) throw new Error('the transaction is on another tenant');
      const updated = await this.#directory.patchSettingsIn(tx, changes);
      await afterCommit(tx, () => this.#changed(updated, keys));
      return updated;
    }
    await this.#directory.patchSettings(tenant.id, changes);
    const updated = await this.#directory.byId(tenant.id);
    if (!updated) throw new DomainError('NOT_FOUND', 'Tenant not found');
    await this.#changed(updated, keys);
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
    if (holdsSecrets(key)) return checkSetting(key, sealSecrets(this.#secrets, tenant, key, value));
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
}
