import { type KycStatus, type MembershipStatus, maySignIn } from '@komisi/domain';
import { inTransaction, type Scope } from '../../kernel/scope.ts';
import type { IdentityService } from '../identity/identity.service.ts';
import type { CooperativeMember } from './cooperative-member.entity.ts';
import type { MemberKycService } from './member-kyc.service.ts';
import { lockMember, memberByPublicId } from './member-lookup.ts';
import type { MemberReferralsService } from './member-referrals.service.ts';

/** An administrator's change of a member's statuses (§6.1.2); an absent field stays as it is. */
export interface StatusChange {
  membershipStatus?: MembershipStatus | undefined;
  kycStatus?: KycStatus | undefined;
  notes?: string | null | undefined;
}

/**
 * Administrators set a member's membership and KYC statuses. Everything a change sets off happens in
 * its transaction, under the member's row lock: the KYC documents' verdicts, the referral bonus when
 * the member first becomes active, and the end of a suspended or deactivated member's sessions.
 */
export class MemberStatusService {
  readonly #identity: IdentityService;
  readonly #kyc: MemberKycService;
  readonly #referrals: MemberReferralsService;

  constructor(deps: { identity: IdentityService; kyc: MemberKycService; referrals: MemberReferralsService }) {
    this.#identity = deps.identity;
    this.#kyc = deps.kyc;
    this.#referrals = deps.referrals;
  }

  async update(
    scope: Scope,
    memberPublicId: string,
    change: StatusChange,
    adminAccountId: number,
  ): Promise<CooperativeMember> {
    const found = await memberByPublicId(scope, memberPublicId);
    return inTransaction(scope, async (tx) => {
      const member = await lockMember(tx, found.id);
      const wasAllowedIn = maySignIn(member.membershipStatus);
      if (change.membershipStatus !== undefined) member.membershipStatus = change.membershipStatus;
      if (change.kycStatus !== undefined) {
        // verified keeps the first verification's time; leaving verified clears it
        if (change.kycStatus !== 'verified') member.kycVerifiedAt = null;
        else if (member.kycStatus !== 'verified' || !member.kycVerifiedAt) member.kycVerifiedAt = tx.now;
        member.kycStatus = change.kycStatus;
        await this.#kyc.decidePending(tx, member.id, change.kycStatus, adminAccountId);
      }
      if (change.notes !== undefined) member.statusNotes = change.notes;
      member.updatedAt = tx.now;
      await tx.em.flush();
      await this.#referrals.settle(tx, member, member.membershipStatus);
      if (wasAllowedIn && !maySignIn(member.membershipStatus)) {
        await this.#identity.revokeOtherSessions(tx, member.account, null);
      }
      return member;
    });
  }
}
