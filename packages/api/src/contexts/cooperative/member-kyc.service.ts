import { randomUUID } from 'node:crypto';
import {
  type KycDocumentStatus,
  type KycDocumentType,
  type KycStatus,
  kycDocumentVerdict,
  kycStatusAfterUpload,
  MEMBER_UPLOAD_RULES,
} from '@komisi/domain';
import { inTransaction, type Scope } from '../../kernel/scope.ts';
import { FileObject } from '../files/file-object.entity.ts';
import type { FilesService, FileViewer, Upload, UrlOptions } from '../files/files.service.ts';
import type { CooperativeMember } from './cooperative-member.entity.ts';
import { KycDocument } from './kyc-document.entity.ts';
import { lockMember, memberByPublicId, memberNotFound, memberOfAccount } from './member-lookup.ts';

export interface KycDocumentWithUrl {
  document: KycDocument;
  /** a short-lived signed link for the viewer who asked */
  url: string;
}

export interface MemberKycFile {
  member: CooperativeMember;
  documents: KycDocumentWithUrl[];
}

/**
 * A member's KYC documents: private files (sealed at rest, readable only by the member and the
 * administrators through short-lived signed links), each awaiting an administrator's verdict, which
 * follows the KYC status an administrator gives the member (see `decidePending`).
 */
export class MemberKycService {
  readonly #files: FilesService;

  constructor(files: FilesService) {
    this.#files = files;
  }

  /**
   * Stores a document (JPEG, PNG or PDF, at most 10 MB; an image at least 1024 × 768, re-encoded
   * without metadata). It replaces the member's earlier document of the type that is still pending
   * or was rejected (an approved one stays, the record of what was verified); a member whose KYC
   * was rejected is under review again. Answers the document with a link for the member.
   */
  async upload(
    scope: Scope,
    accountId: number,
    documentType: KycDocumentType,
    upload: Upload,
    options: UrlOptions,
  ): Promise<KycDocumentWithUrl> {
    const found = await memberOfAccount(scope, accountId);
    const file = await this.#files.storeDocument(scope, {
      ownerAccountId: accountId,
      purpose: 'kyc_document',
      upload: { field: 'file', ...upload },
      rules: MEMBER_UPLOAD_RULES.kycDocument,
    });
    let replaced: number[] = [];
    let document: KycDocument;
    try {
      document = await inTransaction(scope, async (tx) => {
        const member = await lockMember(tx, found.id);
        const earlier = await tx.em.find(KycDocument, {
          member: member.id,
          documentType,
          verificationStatus: { $in: ['pending', 'rejected'] },
        });
        replaced = earlier.map((d) => d.file);
        for (const d of earlier) tx.em.remove(d);
        const created = tx.em.create(KycDocument, {
          tenant: tx.tenant.id,
          publicId: randomUUID(),
          member: member.id,
          file: file.id,
          documentType,
          sizeBytes: file.size,
          mimeType: file.contentType,
          createdAt: tx.now,
        });
        const kycStatus = kycStatusAfterUpload(member.kycStatus);
        if (kycStatus !== member.kycStatus) Object.assign(member, { kycStatus, updatedAt: tx.now });
        await tx.em.flush();
        return created;
      });
    } catch (e) {
      await this.#files.remove(scope, file.id).catch(() => undefined);
      throw e;
    }
    for (const fileId of replaced) await this.#files.remove(scope, fileId).catch(() => undefined);
    return { document, url: this.#files.signedUrlFor(scope, file, { accountId, isAdmin: false }, options) };
  }

  /** The signed-in member's documents, oldest first, each with a link for them. */
  async ownDocuments(scope: Scope, accountId: number, options: UrlOptions): Promise<MemberKycFile> {
    const member = await memberOfAccount(scope, accountId);
    return { member, documents: await this.#withUrls(scope, member, { accountId, isAdmin: false }, options) };
  }

  /** A member's documents as an administrator reviews them; anyone else gets MEMBER_NOT_FOUND. */
  async documentsForReview(
    scope: Scope,
    memberPublicId: string,
    viewer: FileViewer,
    options: UrlOptions,
  ): Promise<MemberKycFile> {
    if (!viewer.isAdmin) throw memberNotFound();
    const member = await memberByPublicId(scope, memberPublicId);
    return { member, documents: await this.#withUrls(scope, member, viewer, options) };
  }

  /**
   * Gives the member's pending documents the verdict their new KYC status implies (verified
   * approves, rejected rejects). Call inside the status change's transaction, under the member's lock.
   */
  async decidePending(tx: Scope, memberId: number, kycStatus: KycStatus, adminId: number): Promise<void> {
    const verdict: KycDocumentStatus | null = kycDocumentVerdict(kycStatus);
    if (!verdict) return;
    await tx.em.nativeUpdate(
      KycDocument,
      { member: memberId, verificationStatus: 'pending' },
      { verificationStatus: verdict, verifiedAt: tx.now, verifiedBy: adminId },
    );
  }

  async #withUrls(
    scope: Scope,
    member: CooperativeMember,
    viewer: FileViewer,
    options: UrlOptions,
  ): Promise<KycDocumentWithUrl[]> {
    const documents = await scope.em.find(
      KycDocument,
      { member: member.id },
      { orderBy: { createdAt: 'asc', id: 'asc' }, refresh: true },
    );
    const files = await scope.em.find(FileObject, { id: { $in: documents.map((d) => d.file) } });
    const byId = new Map(files.map((f) => [f.id, f]));
    return documents.map((document) => ({
      document,
      url: this.#files.signedUrlFor(scope, byId.get(document.file)!, viewer, options),
    }));
  }
}
