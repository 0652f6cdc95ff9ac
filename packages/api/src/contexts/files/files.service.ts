import { createHash, randomBytes } from 'node:crypto';
import { DomainError } from '@komisi/domain';
import type { Scope } from '../../kernel/scope.ts';
import { processDocument } from './document-intake.ts';
import type { FileCipher } from './file-cipher.ts';
import { FileObject, type FilePurpose } from './file-object.entity.ts';
import type { FileStorage } from './file-storage.ts';
import { type ImageRules, processImage } from './image-intake.ts';
import {
  DEFAULT_URL_TTL_SECONDS,
  type FileUrlClaims,
  fileUrlKey,
  MAX_URL_TTL_SECONDS,
  signFileUrl,
  verifyFileUrl,
} from './signed-url.ts';

/** An uploaded file as the transport read it: the raw bytes of the multipart part. */
export interface Upload {
  bytes: Uint8Array;
  /** the input's name, used in validation errors (e.g. `ktp_image`); defaults to `file` */
  field?: string | undefined;
}

/** Who asks for a link: the signed-in account (null for an anonymous caller) and whether they are an admin. */
export interface FileViewer {
  accountId: number | null;
  isAdmin: boolean;
}

export interface UrlOptions {
  /** the tenant's base URL, e.g. `https://host/t/qutab` (ApiContext.baseUrl) */
  baseUrl: string;
  /** default 5 minutes, at most a day */
  ttlSeconds?: number | undefined;
}

export interface OpenedFile {
  contentType: string;
  bytes: Buffer;
}

export type SignedFileResult = { ok: true; file: OpenedFile } | { ok: false; status: 403 | 404 };

export interface FilesServiceOptions {
  storage: FileStorage;
  cipher: FileCipher;
  /** the server secret; a key for file links is derived from it */
  serverSecret: string;
}

/** Files anyone may be given a link to (still signed and short-lived); everything else only its owner and admins. */
const SHAREABLE: readonly FilePurpose[] = ['profile_photo', 'material'];

/**
 * Stored files: image intake (checked, re-encoded, metadata stripped), sealed at rest, addressed by
 * server-generated keys, read back only through short-lived signed links.
 */
export class FilesService {
  readonly #storage: FileStorage;
  readonly #cipher: FileCipher;
  readonly #urlKey: Buffer;

  constructor(options: FilesServiceOptions) {
    this.#storage = options.storage;
    this.#cipher = options.cipher;
    this.#urlKey = fileUrlKey(options.serverSecret);
  }

  /**
   * Checks and re-encodes an uploaded image, seals and stores it, and records it. Call it outside a
   * transaction (it writes to the storage before the row); if a later step fails, `remove` the file.
   */
  async storeImage(
    scope: Scope,
    input: { ownerAccountId: number; purpose: FilePurpose; upload: Upload; rules?: ImageRules },
  ): Promise<FileObject> {
    const image = await processImage(input.upload.bytes, input.upload.field ?? 'file', input.rules);
    return this.#store(scope, input, image);
  }

  /**
   * As `storeImage`, for a document that may also be a PDF (kept as it is; see `processDocument`),
   * at most `rules.maxBytes`.
   */
  async storeDocument(
    scope: Scope,
    input: {
      ownerAccountId: number;
      purpose: FilePurpose;
      upload: Upload;
      rules: ImageRules & { maxBytes: number };
    },
  ): Promise<FileObject> {
    const document = await processDocument(input.upload.bytes, input.upload.field ?? 'file', input.rules);
    return this.#store(scope, input, document);
  }

  /**
   * Seals and stores bytes the server made itself (an exported report), and records them. Call it
   * outside a transaction, as `storeImage`.
   */
  async storeGenerated(
    scope: Scope,
    input: { ownerAccountId: number; purpose: FilePurpose; contentType: string; bytes: Uint8Array },
  ): Promise<FileObject> {
    const sha256 = createHash('sha256').update(input.bytes).digest('hex');
    return this.#store(scope, input, { bytes: input.bytes, contentType: input.contentType, sha256 });
  }

  async #store(
    scope: Scope,
    input: { ownerAccountId: number; purpose: FilePurpose },
    content: { bytes: Uint8Array; contentType: string; sha256: string },
  ): Promise<FileObject> {
    const storageKey = `${scope.tenant.id}/${input.purpose}/${randomBytes(18).toString('base64url')}`;
    await this.#storage.put(storageKey, this.#cipher.seal(content.bytes, storageKey));
    try {
      const file = scope.em.create(FileObject, {
        tenant: scope.tenant.id,
        owner: input.ownerAccountId,
        purpose: input.purpose,
        storageKey,
        contentType: content.contentType,
        size: content.bytes.length,
        sha256: content.sha256,
        keyId: this.#cipher.keyId,
        createdAt: scope.now,
      });
      await scope.em.flush();
      return file;
    } catch (e) {
      await this.#storage.delete(storageKey).catch(() => undefined);
      throw e;
    }
  }

  /** A link to the file for this viewer: its owner or an admin (anyone, for shareable purposes); 404 otherwise. */
  async signedUrl(scope: Scope, fileId: number, viewer: FileViewer, options: UrlOptions): Promise<string> {
    const file = await scope.em.findOne(FileObject, { id: fileId });
    if (!file) throw notFound();
    return this.signedUrlFor(scope, file, viewer, options);
  }

  /** As `signedUrl`, for a row already loaded (lists). */
  signedUrlFor(scope: Scope, file: FileObject, viewer: FileViewer, options: UrlOptions): string {
    const mayView = viewer.isAdmin || viewer.accountId === file.owner || SHAREABLE.includes(file.purpose);
    if (!mayView) throw notFound();
    const ttl = Math.min(
      Math.max(1, Math.floor(options.ttlSeconds ?? DEFAULT_URL_TTL_SECONDS)),
      MAX_URL_TTL_SECONDS,
    );
    const claims: FileUrlClaims = {
      tenantId: scope.tenant.id,
      fileId: file.id,
      viewerId: viewer.accountId ?? 0,
      expires: Math.floor(scope.now.getTime() / 1000) + ttl,
    };
    const sig = signFileUrl(this.#urlKey, claims);
    return `${options.baseUrl}/files/${file.id}?v=${claims.viewerId}&exp=${claims.expires}&sig=${sig}`;
  }

  /**
   * Serves a signed link (`GET /files/{id}?v=&exp=&sig=`): 403 when the signature is wrong or the
   * link expired, 404 when the file is gone, else the decrypted bytes (authenticated before any is
   * returned).
   */
  async openSigned(
    scope: Scope,
    fileIdParam: string,
    query: { v?: string | undefined; exp?: string | undefined; sig?: string | undefined },
  ): Promise<SignedFileResult> {
    const check = verifyFileUrl(
      this.#urlKey,
      scope.tenant.id,
      fileIdParam,
      query,
      Math.floor(scope.now.getTime() / 1000),
    );
    if (!check.ok) return { ok: false, status: 403 };
    const opened = await this.read(scope, check.claims.fileId);
    return opened ? { ok: true, file: opened } : { ok: false, status: 404 };
  }

  /** The decrypted bytes of a file of this tenant, or null when it does not exist (any more). */
  async read(scope: Scope, fileId: number): Promise<OpenedFile | null> {
    const file = await scope.em.findOne(FileObject, { id: fileId });
    if (!file) return null;
    const sealed = await this.#storage.get(file.storageKey);
    if (!sealed) return null;
    return { contentType: file.contentType, bytes: this.#cipher.open(sealed, file.storageKey) };
  }

  /**
   * Deletes up to `limit` of this tenant's files of `purpose` made before `before` (generated files
   * kept for a while); a file that cannot be deleted now is left for a later call.
   */
  async removeOlderThan(scope: Scope, purpose: FilePurpose, before: Date, limit = 20): Promise<void> {
    const old = await scope.em.execute<{ id: number }[]>(
      `select id from file_object where tenant_id = ? and purpose = ? and created_at < ? order by id limit ?`,
      [scope.tenant.id, purpose, before, limit],
    );
    for (const { id } of old) await this.remove(scope, id).catch(() => undefined);
  }

  /** Deletes the row, then the stored bytes. Unlink references (bank account, profile) first. */
  async remove(scope: Scope, fileId: number): Promise<void> {
    const [row] = await scope.em.execute<{ storage_key: string }[]>(
      'delete from file_object where tenant_id = ? and id = ? returning storage_key',
      [scope.tenant.id, fileId],
    );
    if (row) await this.#storage.delete(row.storage_key);
  }
}

const notFound = () => new DomainError('NOT_FOUND', 'File not found');
