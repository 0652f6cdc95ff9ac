import { assertStorageKey, type FileStorage } from './file-storage.ts';
import { type SigV4Credentials, sha256Hex, signV4, uriEncode } from './s3.signature.ts';

export interface S3StorageOptions {
  /** e.g. `https://s3.eu-central-1.amazonaws.com`, `https://<account>.r2.cloudflarestorage.com`, `http://minio:9000` */
  endpoint: string;
  bucket: string;
  region: string;
  credentials: SigV4Credentials;
  fetch?: typeof fetch;
  now?: () => Date;
}

/**
 * An S3-compatible bucket, addressed path-style (`{endpoint}/{bucket}/{key}`, which AWS, MinIO, R2
 * and most others accept). Objects are already sealed by the caller; the bucket should still be private.
 */
export class S3FileStorage implements FileStorage {
  readonly #options: S3StorageOptions;
  readonly #fetch: typeof fetch;

  constructor(options: S3StorageOptions) {
    this.#options = { ...options, endpoint: options.endpoint.replace(/\/+$/, '') };
    this.#fetch = options.fetch ?? fetch;
  }

  #url(key: string): string {
    assertStorageKey(key);
    const path = key.split('/').map(uriEncode).join('/');
    return `${this.#options.endpoint}/${uriEncode(this.#options.bucket)}/${path}`;
  }

  async #send(method: 'PUT' | 'GET' | 'DELETE', key: string, body?: Uint8Array): Promise<Response> {
    const url = this.#url(key);
    const extra: Record<string, string> = body
      ? { 'content-type': 'application/octet-stream', 'content-length': String(body.byteLength) }
      : {};
    const signed = signV4(
      { method, url, headers: extra, payloadHash: body ? sha256Hex(body) : sha256Hex('') },
      {
        credentials: this.#options.credentials,
        region: this.#options.region,
        service: 's3',
        now: this.#options.now?.() ?? new Date(),
        contentSha256Header: true,
      },
    );
    // fetch sets Host and Content-Length itself (and refuses to be told); they were signed with the same values.
    const { host: _host, 'content-length': _length, ...headers } = signed.headers;
    return this.#fetch(url, { method, headers, ...(body && { body: new Uint8Array(body) }) });
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    const res = await this.#send('PUT', key, bytes);
    if (!res.ok) throw await s3Error('PUT', key, res);
    await res.body?.cancel();
  }

  async get(key: string): Promise<Buffer | null> {
    const res = await this.#send('GET', key);
    if (res.status === 404) {
      await res.body?.cancel();
      return null;
    }
    if (!res.ok) throw await s3Error('GET', key, res);
    return Buffer.from(await res.arrayBuffer());
  }

  async delete(key: string): Promise<void> {
    const res = await this.#send('DELETE', key);
    if (!res.ok && res.status !== 404) throw await s3Error('DELETE', key, res);
    await res.body?.cancel();
  }
}

async function s3Error(method: string, key: string, res: Response): Promise<Error> {
  const text = (await res.text().catch(() => '')).slice(0, 300);
  const code = /<Code>([^<]+)<\/Code>/.exec(text)?.[1];
  return new Error(`S3 ${method} ${key} failed: ${res.status}${code ? ` ${code}` : ''}`);
}
