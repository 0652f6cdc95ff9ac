import type { StoredSecret } from '../../kernel/settings/tenant-settings.schemas.ts';
import type { FileCipher } from './file-cipher.ts';

/**
 * What a sealed settings secret is bound to: its tenant and its place in the settings
 * (`payments.xendit.secretKey`, `whatsapp.token`), so a value copied onto another tenant or
 * another field does not open.
 */
export const secretContext = (tenantId: number, path: string) => `tenant-setting:${tenantId}:${path}`;

/**
 * Secrets in a tenant's settings (gateway keys, the WhatsApp token) sealed with the file key
 * (AES-256-GCM, `KOMISI_FILE_KEY`; earlier keys from `KOMISI_FILE_KEY_PREVIOUS` still open). A
 * secret stored in clear text (tenants set up before sealing) opens as it is.
 */
export class SettingSecrets {
  readonly #cipher: FileCipher;

  constructor(cipher: FileCipher) {
    this.#cipher = cipher;
  }

  /** `path`: where the secret sits in the settings, e.g. `whatsapp.token` */
  seal(tenantId: number, path: string, clear: string): StoredSecret {
    return { sealed: this.#cipher.sealText(clear, secretContext(tenantId, path)) };
  }

  open(tenantId: number, path: string, stored: StoredSecret): string {
    return typeof stored === 'string'
      ? stored
      : this.#cipher.openText(stored.sealed, secretContext(tenantId, path));
  }
}
