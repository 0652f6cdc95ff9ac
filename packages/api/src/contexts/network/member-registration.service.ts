import { type FieldErrors, type MembershipQuote, validationError } from '@komisi/domain';
import { inTransaction, type Scope } from '../../kernel/scope.ts';
import { EMAIL_TAKEN, type IdentityService, type IssuedTokens } from '../identity/identity.service.ts';
import { findByMemberNumber, type MemberCard } from './member-directory.ts';
import type { MemberProfile, MembershipService } from './membership.service.ts';

export const SPONSOR_NOT_FOUND = 'The selected sponsor id does not exist.';

export interface Registration {
  email: string;
  password: string;
  name: string;
  phone: string;
  address: string | null;
  /** the sponsor's member number (DTEHM or DIP), when one is named */
  sponsorMemberNumber: string | undefined;
  wantsDtehm: boolean;
  wantsDip: boolean;
  fromMobile: boolean;
}

/** A new member, signed in, with what their memberships cost. */
export interface Registered {
  profile: MemberProfile;
  tokens: IssuedTokens;
  quote: MembershipQuote;
}

/** Joining the network as a new account: the account (identity) and its place under a sponsor. */
export class MemberRegistrationService {
  readonly #identity: IdentityService;
  readonly #membership: MembershipService;

  constructor(identity: IdentityService, membership: MembershipService) {
    this.#identity = identity;
    this.#membership = membership;
  }

  /**
   * The checks of a registration that need the database: the sponsor must be an active member
   * (whether or not the app requires one, a sponsor that is named must exist) and the email must be
   * free. Field errors are returned, not thrown, so a caller can name them with its own.
   */
  async conflicts(
    scope: Scope,
    candidate: { email?: string | undefined; sponsorMemberNumber?: string | undefined },
  ): Promise<{ fields: FieldErrors; sponsor: MemberCard | null }> {
    const fields: FieldErrors = {};
    let sponsor: MemberCard | null = null;
    if (candidate.sponsorMemberNumber !== undefined) {
      sponsor = await findByMemberNumber(scope, candidate.sponsorMemberNumber);
      if (!sponsor?.active) fields.sponsor_id = [SPONSOR_NOT_FOUND];
    }
    if (candidate.email !== undefined && (await this.#identity.emailTaken(scope, candidate.email))) {
      fields.email = [EMAIL_TAKEN];
    }
    return { fields, sponsor };
  }

  /**
   * Creates the account and places it under its sponsor in one transaction (memberships pending
   * payment), then signs the new member in.
   */
  async register(scope: Scope, input: Registration): Promise<Registered> {
    const { fields, sponsor } = await this.conflicts(scope, input);
    if (Object.keys(fields).length > 0) throw validationError(fields);
    const account = await inTransaction(scope, async (tx) => {
      const created = await this.#identity.createAccount(tx, {
        email: input.email,
        password: input.password,
        name: input.name,
        phone: input.phone,
      });
      await this.#membership.join(tx, {
        accountId: created.id,
        sponsorAccountId: sponsor?.id ?? null,
        wantsDtehm: input.wantsDtehm,
        wantsDip: input.wantsDip,
        address: input.address,
        fromMobile: input.fromMobile,
      });
      return created;
    });
    const tokens = await this.#identity.issueTokens(scope, account);
    const profile = await this.#membership.profile(scope, account.id);
    return { profile, tokens, quote: this.#membership.quote(scope, profile) };
  }
}
