import { DomainError } from '@komisi/domain';
import { LockMode } from '@mikro-orm/core';
import type { Scope } from '../../kernel/scope.ts';
import { CooperativeMember } from './cooperative-member.entity.ts';

/** 404 with the document's code: no member behind this account or id (of this tenant). */
export const memberNotFound = () =>
  new DomainError('NOT_FOUND', 'Member not found', { details: { code: 'MEMBER_NOT_FOUND' } });

/** The member an account signs in as; MEMBER_NOT_FOUND for an account that is none (an administrator). */
export async function memberOfAccount(scope: Scope, accountId: number): Promise<CooperativeMember> {
  const member = await scope.em.findOne(CooperativeMember, { account: accountId }, { refresh: true });
  if (!member) throw memberNotFound();
  return member;
}

/** A member by the id clients see; MEMBER_NOT_FOUND when no member of this tenant has it. */
export async function memberByPublicId(scope: Scope, publicId: string): Promise<CooperativeMember> {
  const member = await scope.em.findOne(CooperativeMember, { publicId }, { refresh: true });
  if (!member) throw memberNotFound();
  return member;
}

/**
 * Locks the member's row until the transaction ends and reads it fresh: every change of a member's
 * statuses (and what they set off: the referral bonus, the KYC documents' verdicts) queues here.
 */
export async function lockMember(tx: Scope, memberId: number): Promise<CooperativeMember> {
  return tx.em.findOneOrFail(
    CooperativeMember,
    { id: memberId },
    { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
  );
}
