import {
  type ClearPaymentSettings,
  PAYMENT_SECRET_FIELDS,
  type StoredSecret,
} from '../../kernel/settings/tenant-settings.schemas.ts';
import { readSetting } from '../../kernel/settings/tenant-settings.ts';
import type { TenantRecord } from '../../kernel/tenant-record.ts';
import type { FileCipher } from '../files/file-cipher.ts';
import { SettingSecrets } from '../files/setting-secrets.ts';

type Gateway = keyof typeof PAYMENT_SECRET_FIELDS;

/** Where a gateway secret sits in the settings, which its sealing is bound to. */
const secretPath = (gateway: string, field: string) => `payments.${gateway}.${field}`;

/**
 * Gateway secrets (`settings.payments`) are sealed with the file key (AES-256-GCM, `KOMISI_FILE_KEY`,
 * earlier keys from `KOMISI_FILE_KEY_PREVIOUS` still open) and opened only here, when a gateway needs
 * them. A secret stored in clear text (tenants set up before sealing) is used as it is.
 */
export class PaymentSecrets {
  readonly #secrets: SettingSecrets;
  /** opened settings per tenant record: records are replaced when the directory reloads */
  readonly #opened = new WeakMap<object, ClearPaymentSettings | undefined>();

  constructor(cipher: FileCipher) {
    this.#secrets = new SettingSecrets(cipher);
  }

  seal(tenantId: number, gateway: string, field: string, clear: string): StoredSecret {
    return this.#secrets.seal(tenantId, secretPath(gateway, field), clear);
  }

  open(tenantId: number, gateway: string, field: string, stored: StoredSecret): string {
    return this.#secrets.open(tenantId, secretPath(gateway, field), stored);
  }

  /** The tenant's payment settings with every secret in clear, for its gateway. */
  paymentsOf(tenant: Pick<TenantRecord, 'id' | 'settings'>): ClearPaymentSettings | undefined {
    if (this.#opened.has(tenant.settings)) return this.#opened.get(tenant.settings);
    const stored = readSetting(tenant.settings, 'payments');
    let clear: ClearPaymentSettings | undefined;
    if (stored) {
      const opened: Record<string, unknown> = { ...stored };
      for (const [gateway, fields] of Object.entries(PAYMENT_SECRET_FIELDS) as [
        Gateway,
        readonly string[],
      ][]) {
        const config = stored[gateway] as Record<string, StoredSecret> | undefined;
        if (!config) continue;
        const copy: Record<string, unknown> = { ...config };
        for (const field of fields) {
          if (config[field] !== undefined) copy[field] = this.open(tenant.id, gateway, field, config[field]);
        }
        opened[gateway] = copy;
      }
      clear = opened as ClearPaymentSettings;
    }
    this.#opened.set(tenant.settings, clear);
    return clear;
  }
}
