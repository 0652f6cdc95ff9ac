import { DomainError } from '@komisi/domain';
import { LockMode } from '@mikro-orm/core';
import { inTransaction, type Scope } from '../../kernel/scope.ts';
import type { Account } from '../identity/account.entity.ts';
import type { IdentityService, IssuedTokens } from '../identity/identity.service.ts';
import { Member } from './member.entity.ts';

export const SUSPENDED_MESSAGE = 'This account is suspended. Please contact the administrator.';

/**
 * A member's standing, set by an administrator: the stockist role (which sales may name them as
 * stockist when the plan designates stockists) and suspension.
 *
 * A suspended member keeps their place in the sponsor tree (their downline stays beneath them) and what
 * they earned; while suspended they cannot sign in (every session ends at once) and earn nothing: on a
 * sale they count as an inactive upline (the level is lost, or passed up when the plan compresses), they
 * cannot be named as sponsor or stockist, and a stockist line or referral bonus that would reach them is
 * not paid. Reactivation restores all of it for what comes after; nothing missed is paid later.
 */
export class MemberStandingService {
  readonly #identity: IdentityService;

  constructor(identity: IdentityService) {
    this.#identity = identity;
  }

  /** Grants or takes the stockist role; repeating either changes nothing. */
  async setStockist(scope: Scope, accountId: number, stockist: boolean): Promise<void> {
    await inTransaction(scope, async (tx) => {
      await lockMember(tx, accountId);
      if (stockist) await this.#identity.grantRole(tx, accountId, 'stockist');
      else await this.#identity.revokeRole(tx, accountId, 'stockist');
    });
  }

  /** Suspends the member and ends every session of theirs; suspending again only updates the reason. */
  async suspend(scope: Scope, accountId: number, reason: string): Promise<void> {
    await inTransaction(scope, async (tx) => {
      const member = await lockMember(tx, accountId);
      member.suspendedAt ??= tx.now;
      member.suspensionReason = reason;
      await tx.em.flush();
      await this.#identity.revokeOtherSessions(tx, accountId, null);
    });
  }

  /** Lifts a suspension; a member who is not suspended stays as they are. */
  async reactivate(scope: Scope, accountId: number): Promise<void> {
    await inTransaction(scope, async (tx) => {
      const member = await lockMember(tx, accountId);
      member.suspendedAt = null;
      member.suspensionReason = null;
      await tx.em.flush();
    });
  }

  /**
   * A session for an account whose password checked out, unless it is a suspended member (403). The
   * member row is read with a share lock in the transaction that opens the session, so a suspension
   * running at the same moment either comes first (and is seen here) or waits and then ends the session.
   */
  async signIn(scope: Scope, account: Pick<Account, 'id' | 'roles'>): Promise<IssuedTokens> {
    return inTransaction(scope, async (tx) => {
      const [row] = await tx.em.execute<{ suspended_at: Date | null }[]>(
        'select suspended_at from network_member where tenant_id = ? and account_id = ? for share',
        [tx.tenant.id, account.id],
      );
      if (row?.suspended_at) throw new DomainError('FORBIDDEN', SUSPENDED_MESSAGE);
      return this.#identity.issueTokens(tx, account);
    });
  }
}

/** The member's row, locked until the transaction ends; staff accounts (no membership) are not found. */
async function lockMember(tx: Scope, accountId: number): Promise<Member> {
  const member = await tx.em.findOne(
    Member,
    { account: accountId },
    { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
  );
  if (!member) throw new DomainError('NOT_FOUND', 'Member not found');
  return member;
}
