import {
  type MemberReferralStatus,
  type MembershipStatus,
  pageWindow,
  referralSettlement,
} from '@komisi/domain';
import { LockMode } from '@mikro-orm/core';
import { type Scope, toSafeInteger } from '../../kernel/scope.ts';
import type { AccountRef } from '../ledger/ledger.service.ts';
import type { SavingsCreditsService } from '../savings/savings-credits.service.ts';
import { CooperativeMember } from './cooperative-member.entity.ts';
import { cooperativeTermsOf } from './cooperative-terms.ts';
import { memberOfAccount } from './member-lookup.ts';
import { MemberReferral } from './member-referral.entity.ts';

/** Where referral bonuses come from: the cooperative's expense. */
export const REFERRAL_BONUS_EXPENSE: AccountRef = { code: 'company:referral-bonus-expense', kind: 'expense' };

export interface ReferralLine {
  publicId: string;
  status: MemberReferralStatus;
  /** paid: what was credited; completed: 0; pending: what the tenant's terms would pay now */
  bonus: number;
  createdAt: Date;
  paidAt: Date | null;
  referred: { memberNumber: string; fullName: string; joinDate: Date };
}

export interface ReferralSummary {
  referralCode: string;
  total: number;
  successful: number;
  pending: number;
  bonusEarned: number;
  /** the pending referrals' bonuses under the tenant's terms now */
  pendingBonus: number;
  referrals: ReferralLine[];
}

interface LineRow {
  public_id: string;
  status: MemberReferralStatus;
  bonus_amount: string | null;
  created_at: Date;
  paid_at: Date | null;
  member_number: string;
  name: string;
  join_date: Date;
}

/**
 * Members who joined with a member's referral code (§3.3): the referrer's figures, and the bonus
 * credited to the referrer's Simpanan Sukarela once, when the referred member first becomes active.
 */
export class MemberReferralsService {
  readonly #credits: SavingsCreditsService;

  constructor(credits: SavingsCreditsService) {
    this.#credits = credits;
  }

  /** The signed-in member's code, counts and referrals (newest first, a page of them). */
  async summary(
    scope: Scope,
    accountId: number,
    page: { page: number; limit: number },
  ): Promise<ReferralSummary> {
    const member = await memberOfAccount(scope, accountId);
    const bonusNow = cooperativeTermsOf(scope.tenant).referralBonus;
    const [counts] = await scope.em.execute<
      { total: string; successful: string; pending: string; earned: string | null }[]
    >(
      `select count(*) as total, count(*) filter (where status <> 'pending') as successful,
         count(*) filter (where status = 'pending') as pending,
         sum(bonus_amount) filter (where status = 'paid') as earned
       from member_referral where tenant_id = ? and referrer_member_id = ?`,
      [scope.tenant.id, member.id],
    );
    const total = toSafeInteger(counts!.total);
    const window = pageWindow(total, page.page, page.limit);
    // the referred members' numbers and names (the name lives on their account): one statement
    const rows = await scope.em.execute<LineRow[]>(
      `select r.public_id, r.status, r.bonus_amount, r.created_at, r.paid_at,
         m.member_number, a.name, m.join_date
       from member_referral r
       join cooperative_member m on m.id = r.referred_member_id
       join account a on a.id = m.account_id
       where r.tenant_id = ? and r.referrer_member_id = ?
       order by r.created_at desc, r.id desc limit ? offset ?`,
      [scope.tenant.id, member.id, window.limit, window.offset],
    );
    const pending = toSafeInteger(counts!.pending);
    return {
      referralCode: member.referralCode,
      total,
      successful: toSafeInteger(counts!.successful),
      pending,
      bonusEarned: toSafeInteger(counts!.earned ?? 0),
      pendingBonus: pending * bonusNow,
      referrals: rows.map((r) => ({
        publicId: r.public_id,
        status: r.status,
        bonus: r.status === 'pending' ? bonusNow : toSafeInteger(r.bonus_amount ?? 0),
        createdAt: new Date(r.created_at),
        paidAt: r.paid_at ? new Date(r.paid_at) : null,
        referred: { memberNumber: r.member_number, fullName: r.name, joinDate: new Date(r.join_date) },
      })),
    };
  }

  /**
   * Settles the member's referral, if any, for their new status: when they become active, the
   * referrer is credited the tenant's bonus (or the referral completes without one). Call inside the
   * status change's transaction; the referral's row lock and the credit's idempotency key make a
   * concurrent or repeated change credit nothing more.
   */
  async settle(tx: Scope, member: CooperativeMember, status: MembershipStatus): Promise<void> {
    const referral = await tx.em.findOne(
      MemberReferral,
      { referred: member.id },
      { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
    );
    if (!referral) return;
    const outcome = referralSettlement(referral.status, status, cooperativeTermsOf(tx.tenant).referralBonus);
    if (!outcome) return;
    if (outcome.status === 'paid') {
      const referrer = await tx.em.findOneOrFail(CooperativeMember, { id: referral.referrer });
      const credited = await this.#credits.credit(tx, {
        ownerAccountId: referrer.account,
        productCode: 'SS',
        typeCode: 'REFERRAL_BONUS',
        category: 'bonus',
        amount: outcome.bonus,
        description: `Bonus referral anggota ${member.memberNumber}`,
        idempotencyKey: `member-referral:${referral.id}:bonus`,
        from: REFERRAL_BONUS_EXPENSE,
      });
      Object.assign(referral, {
        bonusAmount: outcome.bonus,
        paidAt: tx.now,
        savingsTransactionId: credited?.id ?? null,
      });
    }
    referral.status = outcome.status;
    await tx.em.flush();
  }
}
