import { LockMode } from '@mikro-orm/core';
import { inTransaction, type Scope } from '../../../kernel/scope.ts';
import { FileObject } from '../../files/file-object.entity.ts';
import type { FilesService, FileViewer, Upload, UrlOptions } from '../../files/files.service.ts';
import { Affiliate } from '../affiliate.entity.ts';
import { affiliateOf } from '../affiliate-lookup.ts';

/** An affiliate's profile photo: stored through the files context's image intake, shown as a signed link. */
export class AffiliatePhotosService {
  readonly #files: FilesService;

  constructor(files: FilesService) {
    this.#files = files;
  }

  /**
   * Stores a profile photo (same intake as the KTP) and points the affiliate's `profilePhoto` at it
   * (the file id as text); the previous photo file is deleted. Turn it into a link with `profilePhotoUrl`.
   */
  async uploadProfilePhoto(scope: Scope, accountId: number, upload: Upload): Promise<{ fileId: number }> {
    const affiliate = await affiliateOf(scope, accountId);
    const file = await this.#files.storeImage(scope, {
      ownerAccountId: accountId,
      purpose: 'profile_photo',
      upload: { field: 'photo', ...upload },
    });
    let previous: string | null = null;
    try {
      await inTransaction(scope, async (tx) => {
        const row = await tx.em.findOne(
          Affiliate,
          { id: affiliate.id },
          { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
        );
        previous = row?.profilePhoto ?? null;
        await tx.em.nativeUpdate(Affiliate, { id: affiliate.id }, { profilePhoto: String(file.id) });
      });
    } catch (e) {
      await this.#files.remove(scope, file.id).catch(() => undefined);
      throw e;
    }
    const old = fileIdOf(previous);
    if (old !== null) {
      const oldFile = await scope.em.findOne(FileObject, { id: old });
      if (oldFile && oldFile.owner === accountId && oldFile.purpose === 'profile_photo') {
        await this.#files.remove(scope, old).catch(() => undefined);
      }
    }
    return { fileId: file.id };
  }

  /**
   * The affiliate's `profile_photo` as a URL: a stored photo becomes a short-lived signed link (any
   * viewer may get one; photos are not private, but still not at a guessable address); anything
   * else stored there (an external URL) is returned as it is; null when there is none.
   */
  async profilePhotoUrl(
    scope: Scope,
    profilePhoto: string | null,
    viewer: FileViewer,
    options: UrlOptions,
  ): Promise<string | null> {
    if (!profilePhoto) return null;
    const id = fileIdOf(profilePhoto);
    if (id === null) return profilePhoto;
    const file = await scope.em.findOne(FileObject, { id });
    return file ? this.#files.signedUrlFor(scope, file, viewer, options) : null;
  }
}

/** `affiliate.profile_photo` holds a file id (as text) for an uploaded photo, or an external URL. */
function fileIdOf(profilePhoto: string | null): number | null {
  return profilePhoto && /^[1-9]\d{0,14}$/.test(profilePhoto) ? Number(profilePhoto) : null;
}
