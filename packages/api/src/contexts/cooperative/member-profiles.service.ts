import {
  fieldError,
  isIndonesianMobile,
  MEMBER_UPLOAD_RULES,
  normalizeIndonesianPhone,
} from '@komisi/domain';
import { inTransaction, type Scope } from '../../kernel/scope.ts';
import { FileObject } from '../files/file-object.entity.ts';
import type { FilesService, FileViewer, Upload, UrlOptions } from '../files/files.service.ts';
import type { Account } from '../identity/account.entity.ts';
import { type IdentityService, PHONE_TAKEN } from '../identity/identity.service.ts';
import type { CooperativeMember } from './cooperative-member.entity.ts';
import { lockMember, memberOfAccount } from './member-lookup.ts';
import type { NikVault } from './member-nik.ts';
import { NOT_A_MOBILE } from './member-registration.ts';
import { memberSearchText, reindexMember } from './member-search.ts';

/** What a member may change of their profile (§3.1.2); an absent field stays as it is. */
export interface ProfileChanges {
  fullName?: string | undefined;
  phone?: string | undefined;
  address?: string | undefined;
  village?: string | null | undefined;
  district?: string | null | undefined;
  city?: string | null | undefined;
  province?: string | null | undefined;
  postalCode?: string | null | undefined;
  occupation?: string | null | undefined;
  bio?: string | null | undefined;
}

export interface MemberProfile {
  account: Account;
  member: CooperativeMember;
}

/** Profile pictures are cropped to a centred square of at most this many pixels a side. */
const PICTURE_SIDE = 800;

/** A member's own profile: read (NIK in clear for them alone), changed, and their profile picture. */
export class MemberProfilesService {
  readonly #identity: IdentityService;
  readonly #files: FilesService;
  readonly #nik: NikVault;

  constructor(deps: { identity: IdentityService; files: FilesService; nik: NikVault }) {
    this.#identity = deps.identity;
    this.#files = deps.files;
    this.#nik = deps.nik;
  }

  /** The member behind the signed-in account, with their account and their NIK opened. */
  async profile(scope: Scope, accountId: number): Promise<MemberProfile & { nik: string }> {
    const member = await memberOfAccount(scope, accountId);
    const account = await this.#identity.account(scope, accountId);
    return { account, member, nik: await this.#nik.open(scope, member) };
  }

  /**
   * Changes the given fields under the member's row lock. A new phone must be a mobile number no
   * other account holds in any written form (422 naming `phone`); the name also changes what the
   * administrators' search finds the member by.
   */
  async update(scope: Scope, accountId: number, changes: ProfileChanges): Promise<MemberProfile> {
    const found = await memberOfAccount(scope, accountId);
    const phone = changes.phone === undefined ? undefined : normalizeIndonesianPhone(changes.phone);
    if (phone !== undefined && !isIndonesianMobile(phone)) throw fieldError('phone', NOT_A_MOBILE);
    return inTransaction(scope, async (tx) => {
      if (phone !== undefined) {
        await this.#identity.lockPhone(tx, phone);
        if (await this.#identity.phoneTaken(tx, phone, accountId)) throw fieldError('phone', PHONE_TAKEN);
      }
      const member = await lockMember(tx, found.id);
      const account = await this.#identity.updateProfile(tx, accountId, {
        name: changes.fullName,
        phone: changes.phone?.trim(),
      });
      const { fullName: _name, phone: _phone, ...own } = changes;
      tx.em.assign(member, { ...definedOnly(own), updatedAt: tx.now });
      await tx.em.flush();
      if (changes.fullName !== undefined) {
        await reindexMember(
          tx,
          member.id,
          memberSearchText({ ...account, memberNumber: member.memberNumber }),
        );
      }
      return { account, member };
    });
  }

  /**
   * Stores a new profile picture (JPEG or PNG, at most 5 MB, at least 400 × 400, cropped to a centred
   * square and re-encoded without metadata) and deletes the previous one.
   */
  async uploadPicture(scope: Scope, accountId: number, upload: Upload): Promise<FileObject> {
    const found = await memberOfAccount(scope, accountId);
    const file = await this.#files.storeImage(scope, {
      ownerAccountId: accountId,
      purpose: 'profile_photo',
      upload: { field: 'file', ...upload },
      rules: { ...MEMBER_UPLOAD_RULES.profilePicture, square: PICTURE_SIDE },
    });
    let previous: number | null = null;
    try {
      await inTransaction(scope, async (tx) => {
        const member = await lockMember(tx, found.id);
        previous = member.profilePictureFileId ?? null;
        member.profilePictureFileId = file.id;
        member.updatedAt = tx.now;
        await tx.em.flush();
      });
    } catch (e) {
      await this.#files.remove(scope, file.id).catch(() => undefined);
      throw e;
    }
    // no longer referenced; a failure here leaves an unreferenced sealed blob, nothing more
    if (previous !== null) await this.#files.remove(scope, previous).catch(() => undefined);
    return file;
  }

  /** The member's picture as a short-lived signed link, or null when they have none. */
  async pictureUrl(
    scope: Scope,
    member: Pick<CooperativeMember, 'profilePictureFileId'>,
    viewer: FileViewer,
    options: UrlOptions,
  ): Promise<string | null> {
    if (!member.profilePictureFileId) return null;
    const file = await scope.em.findOne(FileObject, { id: member.profilePictureFileId });
    return file ? this.#files.signedUrlFor(scope, file, viewer, options) : null;
  }
}

/** The fields a partial update names (undefined: not sent, so not changed). */
function definedOnly<T extends object>(changes: T): Partial<T> {
  return Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as Partial<T>;
}
