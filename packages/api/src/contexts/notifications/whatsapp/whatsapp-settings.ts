import {
  type ClearWhatsappSettings,
  type StoredSecret,
  WHATSAPP_SECRET_FIELDS,
} from '../../../kernel/settings/tenant-settings.schemas.ts';
import { readSetting } from '../../../kernel/settings/tenant-settings.ts';
import type { TenantRecord } from '../../../kernel/tenant-record.ts';

/** Opens a sealed settings secret at its path (`whatsapp.token`); the files context's `SettingSecrets.open`. */
export type SecretOpener = (tenantId: number, path: string, stored: StoredSecret) => string;

/**
 * A tenant's `whatsapp` setting with its secrets opened, for its WhatsApp sender and its status
 * webhook only; opened once per settings object (tenant records are replaced when they change).
 */
export class WhatsappSettings {
  readonly #open: SecretOpener;
  readonly #opened = new WeakMap<object, ClearWhatsappSettings | undefined>();

  constructor(open: SecretOpener) {
    this.#open = open;
  }

  /** undefined: the tenant sends no WhatsApp messages of its own (they stay in the outbox) */
  of(tenant: Pick<TenantRecord, 'id' | 'settings'>): ClearWhatsappSettings | undefined {
    if (this.#opened.has(tenant.settings)) return this.#opened.get(tenant.settings);
    const stored = readSetting(tenant.settings, 'whatsapp');
    let clear: ClearWhatsappSettings | undefined;
    if (stored) {
      const opened: Record<string, unknown> = { ...stored };
      for (const field of WHATSAPP_SECRET_FIELDS) {
        const value = stored[field];
        if (value !== undefined) opened[field] = this.#open(tenant.id, `whatsapp.${field}`, value);
      }
      clear = opened as ClearWhatsappSettings;
    }
    this.#opened.set(tenant.settings, clear);
    return clear;
  }
}
