import { DomainError, validationError } from '@komisi/domain';
import { type JsonSchemaObject, settingFormSchema } from '../../kernel/settings/setting-forms.ts';
import {
  DEPRECATED_SETTING_KEYS,
  SETTING_DESCRIPTIONS,
  SETTING_TITLES,
  type SettingKey,
} from '../../kernel/settings/tenant-settings.ts';
import type { TenantRecord } from '../../kernel/tenant-record.ts';
import type { TenantDirectory } from '../tenancy/tenant.service.ts';
import { holdsSecrets } from './secret-settings.ts';
import type { TenantSettingsEditor } from './tenant-settings-editor.ts';

/**
 * Keys a tenant's own administrator reads but only the platform administrator changes: which apps
 * a tenant serves (its API surface, its documents) is the platform's decision, not the business's.
 */
export const PLATFORM_ONLY_SETTING_KEYS: readonly SettingKey[] = ['extraProfiles'];

/** Whether a tenant's administrator may change a key (deprecated names are never written). */
export const tenantAdminMayChange = (key: SettingKey): boolean =>
  !PLATFORM_ONLY_SETTING_KEYS.includes(key) && DEPRECATED_SETTING_KEYS[key] === undefined;

/** One setting as the console's editor shows it: its form, its value, whether it may be changed here. */
export interface SettingEntry {
  key: SettingKey;
  title: string;
  description: string;
  /** false: shown, changed by the platform administrator only */
  editable: boolean;
  /** its secrets are masked as `{ set, last4 }`; sent back so, each keeps the stored value */
  holdsSecrets: boolean;
  /** JSON Schema (2020-12) of the value, field titles and descriptions included */
  schema: JsonSchemaObject;
  /** the stored value (secrets masked), null when unset (the defaults apply) */
  value: unknown;
}

/**
 * A tenant's settings as its own administrator reads and changes them, through the platform's
 * editor (same schemas, same sealing and masking of secrets, same reload), limited to the keys the
 * tenant's apps read and to those the tenant may change.
 */
export class TenantAdminSettings {
  readonly #editor: TenantSettingsEditor;
  readonly #directory: TenantDirectory;

  constructor(deps: { editor: TenantSettingsEditor; directory: TenantDirectory }) {
    this.#editor = deps.editor;
    this.#directory = deps.directory;
  }

  /** Each of `keys` (the settings the tenant's apps read), in order. */
  entries(tenant: TenantRecord, keys: readonly SettingKey[]): SettingEntry[] {
    const shown = this.#editor.view(tenant);
    return keys.map((key) => entryOf(key, shown[key]));
  }

  /**
   * Replaces one key (null removes it: the defaults apply again), checked by its schema, every
   * problem named by its path (`referralAffiliates.holdDays`). A key the tenant does not read: 400
   * naming `key`; a platform-only key: 403. Read fresh first (another instance may have changed a
   * secret a moment ago); served at once by this instance, within 30 seconds by the others.
   */
  async change(
    tenantId: number,
    keys: readonly SettingKey[],
    key: string,
    value: unknown,
  ): Promise<SettingEntry> {
    if (!keys.includes(key as SettingKey)) {
      throw validationError({ key: [`is not a setting of this tenant; its settings: ${keys.join(', ')}`] });
    }
    const known = key as SettingKey;
    if (!tenantAdminMayChange(known)) {
      throw new DomainError(
        'FORBIDDEN',
        `The setting ${known} is changed by the platform administrator only.`,
      );
    }
    await this.#directory.invalidate();
    const tenant = await this.#directory.byId(tenantId);
    if (!tenant) throw new DomainError('NOT_FOUND', 'Tenant not found');
    const updated = await this.#editor.patch(tenant, { [known]: value });
    return entryOf(known, this.#editor.view(updated)[known]);
  }
}

function entryOf(key: SettingKey, value: unknown): SettingEntry {
  return {
    key,
    title: SETTING_TITLES[key],
    description: SETTING_DESCRIPTIONS[key],
    editable: tenantAdminMayChange(key),
    holdsSecrets: holdsSecrets(key),
    schema: settingFormSchema(key),
    value: value ?? null,
  };
}
