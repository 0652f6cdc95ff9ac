import { DomainError, maySignIn } from '@komisi/domain';
import type { Scope } from '../../kernel/scope.ts';
import type { Account } from '../identity/account.entity.ts';
import type { IdentityService, IssuedTokens } from '../identity/identity.service.ts';
import { CooperativeMember } from './cooperative-member.entity.ts';

export interface MemberSession {
  account: Account;
  /** null for an account that is no member (the cooperative's administrators) */
  member: CooperativeMember | null;
  tokens: IssuedTokens;
}

/** Signing in to the cooperative: the identity account's password login, then the membership's say. */
export class MemberAccessService {
  readonly #identity: IdentityService;

  constructor(identity: IdentityService) {
    this.#identity = identity;
  }

  /**
   * `identifier` is the email or the phone number in any written form (`0812…`, `+62 812…`). Wrong
   * credentials: 401 (throttled as every password login). A suspended or inactive member: 403, told
   * only once the password checked out.
   */
  async signIn(scope: Scope, identifier: string, password: string, ip: string): Promise<MemberSession> {
    const account = await this.#identity.login(scope, identifier, password, ip, { byPhone: true });
    const member = await scope.em.findOne(CooperativeMember, { account: account.id }, { refresh: true });
    if (member && !maySignIn(member.membershipStatus)) {
      throw new DomainError('FORBIDDEN', `This membership is ${member.membershipStatus}.`);
    }
    return { account, member, tokens: await this.#identity.issueTokens(scope, account) };
  }
}
