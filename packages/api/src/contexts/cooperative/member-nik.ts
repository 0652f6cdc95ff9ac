import { maskNik } from '@komisi/domain';
import type { Scope } from '../../kernel/scope.ts';
import type { FileCipher } from '../files/file-cipher.ts';
import { CooperativeMember } from './cooperative-member.entity.ts';

export const NIK_TAKEN = 'The NIK is already registered to another member.';

/** What a member row keeps of a NIK: sealed, its keyed digest, and the masked form lists show. */
export interface StoredNik {
  nikSealed: string;
  nikDigest: string;
  nikMasked: string;
}

/**
 * A member's NIK at rest: sealed with the file key (AES-256-GCM, bound to the tenant and the member's
 * public id), found by a keyed digest (HMAC) so a second registration of one NIK is refused without
 * opening any, and shown masked in lists. It is opened only for the member themself.
 */
export class NikVault {
  readonly #cipher: FileCipher;

  constructor(cipher: FileCipher) {
    this.#cipher = cipher;
  }

  /** The NIK as a new row of this member (public id) stores it. */
  seal(scope: Scope, memberPublicId: string, nik: string): StoredNik {
    return {
      nikSealed: this.#cipher.sealText(nik, sealContext(scope, memberPublicId)),
      nikDigest: this.digests(scope, nik)[0]!,
      nikMasked: maskNik(nik),
    };
  }

  /** The NIK's digests under the current file key and each earlier one (what stored rows may hold). */
  digests(scope: Scope, nik: string): string[] {
    return this.#cipher.digests(nik, `nik:${scope.tenant.id}`);
  }

  /** Whether another member of the tenant registered this NIK (under any of the file keys). */
  async taken(scope: Scope, nik: string): Promise<boolean> {
    const [row] = await scope.em.execute<{ id: number }[]>(
      'select id from cooperative_member where tenant_id = ? and nik_digest in (?) limit 1',
      [scope.tenant.id, this.digests(scope, nik)],
    );
    return row !== undefined;
  }

  /**
   * Serialises the registrations of one NIK until the transaction ends, so `taken` checked after it
   * decides (the unique digest alone would miss a NIK stored under an earlier key).
   */
  async lock(tx: Scope, nik: string): Promise<void> {
    await tx.em.execute('select pg_advisory_xact_lock(?, hashtext(?))', [
      tx.tenant.id,
      `nik:${this.digests(tx, nik)[0]}`,
    ]);
  }

  /** The member's NIK in clear (for the member themself). */
  async open(scope: Scope, member: Pick<CooperativeMember, 'id' | 'publicId'>): Promise<string> {
    const row = await scope.em.findOneOrFail(
      CooperativeMember,
      { id: member.id },
      { populate: ['nikSealed'], refresh: true },
    );
    return this.#cipher.openText(row.nikSealed, sealContext(scope, member.publicId));
  }
}

const sealContext = (scope: Scope, memberPublicId: string) => `nik:${scope.tenant.id}:${memberPublicId}`;
