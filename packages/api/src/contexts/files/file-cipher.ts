import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';

/**
 * Encryption at rest (AES-256-GCM) for stored files and small secrets such as bank account numbers.
 *
 * Layout of one sealed blob:
 *
 * ```
 * [0]      format version (1)
 * [1..5)   key id: first 4 bytes of SHA-256 over the key (which key sealed it, for rotation)
 * [5..17)  IV: 12 random bytes, fresh for every blob
 * [17..33) GCM tag
 * [33..)   ciphertext
 * ```
 *
 * The version byte and key id are authenticated too (additional data), together with a caller's
 * context string (a file's storage key, `bank-account-number:{tenant}:{account}`): a blob copied
 * onto another file or another affiliate's row does not decrypt.
 */
export const SEALED_FORMAT_VERSION = 1;
const KEY_BYTES = 32;
const KEY_ID_BYTES = 4;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + KEY_ID_BYTES;
const PREFIX_BYTES = HEADER_BYTES + IV_BYTES + TAG_BYTES;

/**
 * The development key used when KOMISI_FILE_KEY is not set outside production: derived from a fixed,
 * public string, so it protects nothing, but files written by one dev run stay readable by the next.
 */
export const DEV_FILE_KEY: Uint8Array = createHash('sha256')
  .update('komisi development file key: public, never use in production')
  .digest();

/** A blob that is not ours, was altered, or was sealed with a key this server no longer has. */
export class SealedDataError extends Error {
  override readonly name = 'SealedDataError';
}

/** Decodes a base64 (or base64url) AES-256 key; throws unless it is exactly 32 bytes. */
export function decodeFileKey(encoded: string, name = 'KOMISI_FILE_KEY'): Uint8Array {
  const text = encoded.trim();
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(text)) throw new Error(`${name} must be base64`);
  const bytes = Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  if (bytes.length !== KEY_BYTES) {
    throw new Error(`${name} must decode to ${KEY_BYTES} bytes (got ${bytes.length})`);
  }
  return new Uint8Array(bytes);
}

function keyIdOf(key: Uint8Array): Buffer {
  return createHash('sha256').update('komisi-file-key-id').update(key).digest().subarray(0, KEY_ID_BYTES);
}

export class FileCipher {
  readonly #current: { id: Buffer; key: Uint8Array };
  readonly #byId = new Map<string, Uint8Array>();

  /** `current` seals; `previous` keys only open what they sealed (rotation). */
  constructor(current: Uint8Array, previous: readonly Uint8Array[] = []) {
    for (const key of [current, ...previous]) {
      if (key.length !== KEY_BYTES) throw new Error(`file keys must be ${KEY_BYTES} bytes`);
    }
    this.#current = { id: keyIdOf(current), key: current };
    for (const key of [...previous].reverse()) this.#byId.set(keyIdOf(key).toString('hex'), key);
    this.#byId.set(this.#current.id.toString('hex'), current);
  }

  /** Hex id of the key new blobs are sealed with (kept on file rows to find blobs to re-seal). */
  get keyId(): string {
    return this.#current.id.toString('hex');
  }

  seal(plaintext: Uint8Array, context: string): Buffer {
    const header = Buffer.concat([Buffer.of(SEALED_FORMAT_VERSION), this.#current.id]);
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#current.key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.concat([header, Buffer.from(context, 'utf8')]));
    const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return Buffer.concat([header, iv, cipher.getAuthTag(), ciphertext]);
  }

  /** The plaintext, only if the blob is intact and was sealed for this context. */
  open(blob: Uint8Array, context: string): Buffer {
    const data = Buffer.from(blob.buffer, blob.byteOffset, blob.byteLength);
    if (data.length < PREFIX_BYTES) throw new SealedDataError('sealed data is truncated');
    if (data[0] !== SEALED_FORMAT_VERSION) throw new SealedDataError(`unknown sealed format ${data[0]}`);
    const key = this.#byId.get(data.subarray(1, HEADER_BYTES).toString('hex'));
    if (!key) throw new SealedDataError('sealed with a key this server does not have');
    const iv = data.subarray(HEADER_BYTES, HEADER_BYTES + IV_BYTES);
    const tag = data.subarray(HEADER_BYTES + IV_BYTES, PREFIX_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.concat([data.subarray(0, HEADER_BYTES), Buffer.from(context, 'utf8')]));
    decipher.setAuthTag(tag);
    try {
      return Buffer.concat([decipher.update(data.subarray(PREFIX_BYTES)), decipher.final()]);
    } catch (cause) {
      throw new SealedDataError('sealed data failed authentication', { cause });
    }
  }

  /**
   * Keyed digests (HMAC-SHA256, hex) of a small secret such as a NIK, so equal values are found
   * without opening any: the current key's first (what a new row stores), then each earlier key's,
   * so a value stored before a key rotation still matches. `context` keeps one use's digests apart
   * from another's.
   */
  digests(text: string, context: string): string[] {
    const keys = [this.#current.key, ...[...this.#byId.values()].filter((k) => k !== this.#current.key)];
    return keys.map((key) =>
      createHmac('sha256', createHmac('sha256', key).update('komisi-digest').digest())
        .update(context)
        .update('\0')
        .update(text)
        .digest('hex'),
    );
  }

  /** Short text secrets (account numbers) as base64 for a text column. */
  sealText(text: string, context: string): string {
    return this.seal(Buffer.from(text, 'utf8'), context).toString('base64');
  }

  openText(sealed: string, context: string): string {
    return this.open(Buffer.from(sealed, 'base64'), context).toString('utf8');
  }
}
