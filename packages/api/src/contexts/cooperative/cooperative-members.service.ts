import { DomainError } from '@komisi/domain';
import type { Scope } from '../../kernel/scope.ts';
import type { CooperativeMember } from './cooperative-member.entity.ts';
import { memberOfAccount } from './member-lookup.ts';

/** What other contexts' answers show of a member: the public id, member number and name. */
export interface MemberCard {
  publicId: string;
  memberNumber: string;
  fullName: string;
}

/** Cooperative members (koperasi-sinoman): who they are, as other areas need to show them. */
export class CooperativeMembersService {
  /** Cards of these accounts' members, by account id (accounts that are no member are absent). */
  async cardsOf(scope: Scope, accountIds: readonly number[]): Promise<Map<number, MemberCard>> {
    if (accountIds.length === 0) return new Map();
    const rows = await scope.em.execute<
      { account_id: number; public_id: string; member_number: string; name: string }[]
    >(
      `select m.account_id, m.public_id, m.member_number, a.name
       from cooperative_member m join account a on a.id = m.account_id
       where m.tenant_id = ? and m.account_id in (?)`,
      [scope.tenant.id, [...new Set(accountIds)]],
    );
    return new Map(
      rows.map((r) => [
        r.account_id,
        { publicId: r.public_id, memberNumber: r.member_number, fullName: r.name },
      ]),
    );
  }

  /** The member an account signs in as; 404 MEMBER_NOT_FOUND for an account that is none (an administrator). */
  memberOf(scope: Scope, accountId: number): Promise<CooperativeMember> {
    return memberOfAccount(scope, accountId);
  }

  /**
   * The member, when their KYC is verified; otherwise 403 with the document's KYC_NOT_VERIFIED (what
   * needs a verified identity, such as a withdrawal, asks this first).
   */
  async requireVerifiedKyc(scope: Scope, accountId: number): Promise<CooperativeMember> {
    const member = await memberOfAccount(scope, accountId);
    if (member.kycStatus !== 'verified') {
      throw new DomainError('FORBIDDEN', 'KYC verification required', {
        details: { code: 'KYC_NOT_VERIFIED' },
      });
    }
    return member;
  }
}
