import { randomBytes } from 'node:crypto';
import { DomainError, isDomainError } from '@komisi/domain';
import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import { inTransaction, type Scope } from '../../../kernel/scope.ts';
import { Account } from '../../identity/account.entity.ts';
import { type IdentityService, normalizeEmail } from '../../identity/identity.service.ts';
import type { OutboxService } from '../../notifications/outbox.service.ts';
import { Affiliate, type AffiliateStatus } from '../affiliate.entity.ts';
import { type AffiliateApplicationInput, newApplication } from './affiliate-application-form.ts';
import { assignReferralCode } from './referral-code-assignment.ts';

export const AFFILIATE_PROGRAM_ROLE = 'affiliate' as const;

export interface AppliedAffiliate {
  affiliate: Affiliate;
  account: Account;
  /** false: the application was attached to an account the email already had */
  newAccount: boolean;
}

export interface ApplicationStatus {
  status: AffiliateStatus;
  rejectionReason: string | null;
  approvedAt: Date | null;
  affiliateCode: string | null;
  affiliate: Affiliate;
}

/**
 * Affiliate applications (qutab-platform): apply, see one's status, and the admin's approve / reject.
 * An applicant whose email already has an account (a customer, say) applies with that account's
 * password: the application is attached to it. One application per account.
 */
export class AffiliateApplicationsService {
  readonly #identity: IdentityService;
  readonly #outbox: OutboxService;
  readonly #random: (size: number) => Uint8Array;

  constructor(
    identity: IdentityService,
    outbox: OutboxService,
    random: (size: number) => Uint8Array = (size) => randomBytes(size),
  ) {
    this.#identity = identity;
    this.#outbox = outbox;
    this.#random = random;
  }

  /**
   * Creates the account (role `affiliate`) and the pending application in one transaction. An email
   * that already has an account needs that account's password (401 otherwise, counted by the login
   * throttle) and gets the role added; 409 when that account already applied.
   */
  async apply(
    scope: Scope,
    input: AffiliateApplicationInput,
    clientIp = 'unknown',
  ): Promise<AppliedAffiliate> {
    const email = normalizeEmail(input.email);
    const existing = await this.#identity.accountIdByEmail(scope, email);
    if (existing !== null) {
      await this.#checkPassword(scope, email, input.password, clientIp);
      if ((await scope.em.count(Affiliate, { account: existing })) > 0) throw alreadyApplied();
    }
    return inTransaction(scope, async (tx) => {
      const account =
        existing !== null
          ? await this.#identity.grantRole(tx, existing, AFFILIATE_PROGRAM_ROLE)
          : await this.#identity.createAccount(tx, {
              email,
              password: input.password,
              name: `${input.firstName.trim()} ${input.lastName.trim()}`,
              phone: input.whatsapp.trim(),
              roles: [AFFILIATE_PROGRAM_ROLE],
            });
      const affiliate = newApplication(tx, account.id, input);
      try {
        await tx.em.flush();
      } catch (e) {
        // the same account applying twice at once: the unique (tenant, account) decides
        if (e instanceof UniqueConstraintViolationException) throw alreadyApplied();
        throw e;
      }
      return { affiliate, account, newAccount: existing === null };
    });
  }

  async #checkPassword(scope: Scope, email: string, password: string, clientIp: string): Promise<void> {
    try {
      await this.#identity.login(scope, email, password, clientIp);
    } catch (e) {
      if (isDomainError(e) && e.code === 'UNAUTHORIZED') {
        const message = 'This email already has an account: apply with its password';
        throw new DomainError('UNAUTHORIZED', message, { fields: { password: [message] } });
      }
      throw e;
    }
  }

  /** The account's application, 404 when it has none. */
  async status(scope: Scope, accountId: number): Promise<ApplicationStatus> {
    const affiliate = await this.byAccount(scope, accountId);
    return {
      status: affiliate.status,
      rejectionReason: affiliate.status === 'rejected' ? (affiliate.rejectionReason ?? null) : null,
      approvedAt: affiliate.approvedAt ?? null,
      affiliateCode: affiliate.code ?? null,
      affiliate,
    };
  }

  async byAccount(scope: Scope, accountId: number): Promise<Affiliate> {
    const affiliate = await scope.em.findOne(Affiliate, { account: accountId });
    if (!affiliate) throw new DomainError('NOT_FOUND', 'No affiliate application for this account');
    return affiliate;
  }

  /**
   * Approves a pending application: a unique 7-character code (drawn again on the rare collision),
   * the rate (`commissionRateBps`, or null for the programme default), an email to the applicant.
   * Anything but a pending application is a 409; of two concurrent approvals one wins, the other
   * waits on the row lock and gets the 409.
   */
  async approve(
    scope: Scope,
    affiliateId: number,
    adminId: number,
    options: { commissionRateBps?: number | null | undefined } = {},
  ): Promise<Affiliate> {
    const rate = options.commissionRateBps;
    if (rate != null && (!Number.isSafeInteger(rate) || rate < 0 || rate > 10_000)) {
      throw new DomainError('VALIDATION_ERROR', 'The given data was invalid.', {
        fields: { commission_rate_bps: ['must be a whole number of basis points from 0 to 10000'] },
      });
    }
    return inTransaction(scope, async (tx) => {
      const affiliate = await this.#lockPending(tx, affiliateId);
      const before = applicationState(affiliate);
      const code = await assignReferralCode(tx, affiliate.id, this.#random);
      affiliate.code = code;
      affiliate.status = 'approved';
      affiliate.approvedAt = tx.now;
      affiliate.reviewedAt = tx.now;
      affiliate.reviewedBy = adminId;
      affiliate.rejectionReason = null;
      if (rate !== undefined) affiliate.commissionRateBps = rate;
      await tx.em.flush();
      tx.audit?.change({
        subject: applicationSubject(affiliate),
        before,
        after: applicationState(affiliate),
      });
      await this.#notify(tx, affiliate, 'Your affiliate application was approved', [
        `Hello ${affiliate.firstName},`,
        '',
        `Welcome to the ${tx.tenant.name} affiliate programme. Your referral code is ${code}.`,
        'Sign in to your affiliate dashboard to find your referral link and promotional materials.',
      ]);
      return affiliate;
    });
  }

  /** Rejects a pending application with a reason the applicant sees; 409 for anything else. */
  async reject(scope: Scope, affiliateId: number, adminId: number, reason: string): Promise<Affiliate> {
    const why = reason.trim();
    if (!why) {
      throw new DomainError('VALIDATION_ERROR', 'The given data was invalid.', {
        fields: { reason: ['is required'] },
      });
    }
    return inTransaction(scope, async (tx) => {
      const affiliate = await this.#lockPending(tx, affiliateId);
      const before = applicationState(affiliate);
      affiliate.status = 'rejected';
      affiliate.rejectionReason = why.slice(0, 500);
      affiliate.reviewedAt = tx.now;
      affiliate.reviewedBy = adminId;
      await tx.em.flush();
      tx.audit?.change({
        subject: applicationSubject(affiliate),
        before,
        after: applicationState(affiliate),
      });
      await this.#notify(tx, affiliate, 'Your affiliate application was not approved', [
        `Hello ${affiliate.firstName},`,
        '',
        `Thank you for applying to the ${tx.tenant.name} affiliate programme. We could not approve your application:`,
        '',
        affiliate.rejectionReason,
      ]);
      return affiliate;
    });
  }

  async #lockPending(tx: Scope, affiliateId: number): Promise<Affiliate> {
    const affiliate = await tx.em.findOne(
      Affiliate,
      { id: affiliateId },
      { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
    );
    if (!affiliate) throw new DomainError('NOT_FOUND', 'Affiliate application not found');
    if (affiliate.status !== 'pending') {
      throw new DomainError('CONFLICT', `The application is already ${affiliate.status}`, {
        details: { status: affiliate.status },
      });
    }
    return affiliate;
  }

  async #notify(tx: Scope, affiliate: Affiliate, subject: string, lines: string[]): Promise<void> {
    const account = await tx.em.findOneOrFail(Account, { id: affiliate.account }, { fields: ['email'] });
    await this.#outbox.enqueue(tx, {
      channel: 'email',
      recipient: account.email,
      subject: `${tx.tenant.name}: ${subject}`,
      body: lines.join('\n'),
    });
  }
}

function alreadyApplied(): DomainError {
  const message = 'This account has already applied to the affiliate programme';
  return new DomainError('CONFLICT', message, { fields: { email: [message] } });
}

const applicationSubject = (affiliate: Affiliate) => ({ type: 'affiliate', id: String(affiliate.id) });

/** An application's review as its audit entry shows it. */
function applicationState(affiliate: Affiliate) {
  return {
    status: affiliate.status,
    code: affiliate.code ?? null,
    commission_rate_bps: affiliate.commissionRateBps ?? null,
    rejection_reason: affiliate.rejectionReason ?? null,
    reviewed_by: affiliate.reviewedBy ?? null,
  };
}
