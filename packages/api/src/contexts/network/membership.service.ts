import {
  DomainError,
  formatDipMemberId,
  formatDtehmMemberId,
  isDomainError,
  type MembershipType,
  membershipQuote,
  sponsorBonus,
} from '@komisi/domain';
import { LockMode } from '@mikro-orm/core';
import { boundRow, sql } from '../../kernel/bound-sql.ts';
import type { Scope } from '../../kernel/scope.ts';
import { Account } from '../identity/account.entity.ts';
import { LedgerAccounts, type LedgerService } from '../ledger/ledger.service.ts';
import type { Payment } from '../payments/payment.entity.ts';
import type { SettlementHandler } from '../payments/payments.service.ts';
import { nextSequence } from '../tenancy/tenant.service.ts';
import { Commission } from './commission.entity.ts';
import { Member } from './member.entity.ts';
import { planFor } from './mlm-plan.ts';
import { NETWORK_TRACKED_DEPTH } from './network-link.entity.ts';

export interface NewMember {
  accountId: number;
  sponsorAccountId: number | null;
  wantsDtehm: boolean;
  wantsDip: boolean;
  address: string | null;
  fromMobile: boolean;
}

export interface MemberProfile {
  id: number;
  name: string;
  email: string;
  phone: string | null;
  roles: string[];
  createdAt: Date;
  address: string | null;
  wantsDtehm: boolean;
  wantsDip: boolean;
  dtehmMemberId: string | null;
  dipMemberId: string | null;
  status: 'pending' | 'active';
  sponsorAccountId: number | null;
  sponsorMemberId: string | null;
}

export function membershipTypes(member: Pick<Member, 'wantsDtehm' | 'wantsDip'>): MembershipType[] {
  return [...(member.wantsDtehm ? (['DTEHM'] as const) : []), ...(member.wantsDip ? (['DIP'] as const) : [])];
}

/** Joining the network, paying for memberships, and the sponsor's referral bonus. */
export class MembershipService implements SettlementHandler {
  readonly #ledger: LedgerService;

  constructor(ledger: LedgerService) {
    this.#ledger = ledger;
  }

  quote(scope: Scope, member: Pick<Member, 'wantsDtehm' | 'wantsDip'>) {
    return membershipQuote(planFor(scope.tenant), { dtehm: member.wantsDtehm, dip: member.wantsDip });
  }

  /** Places a new member under their sponsor and writes the closure rows in the same statement batch. */
  async join(scope: Scope, input: NewMember): Promise<Member> {
    const member = scope.em.create(Member, {
      account: input.accountId,
      tenant: scope.tenant.id,
      sponsor: input.sponsorAccountId,
      wantsDtehm: input.wantsDtehm,
      wantsDip: input.wantsDip,
      address: input.address,
      fromMobile: input.fromMobile,
      joinedAt: scope.now,
    });
    await scope.em.flush();
    if (input.sponsorAccountId !== null) {
      await scope.em.execute(
        `insert into network_link (ancestor_id, descendant_id, tenant_id, depth, wants_dtehm, wants_dip)
         select ?, ?, ?, 1, ?, ?
         union all
         select ancestor_id, ?, tenant_id, depth + 1, ?, ? from network_link
         where tenant_id = ? and descendant_id = ? and depth < ?`,
        [
          input.sponsorAccountId,
          input.accountId,
          scope.tenant.id,
          input.wantsDtehm,
          input.wantsDip,
          input.accountId,
          input.wantsDtehm,
          input.wantsDip,
          scope.tenant.id,
          input.sponsorAccountId,
          NETWORK_TRACKED_DEPTH,
        ],
      );
      await this.#countInAncestors(scope, input.accountId);
    }
    return member;
  }

  /**
   * The network's first member, whom new members name as sponsor: no sponsor, both memberships
   * numbered and active at once (a new tenant's setup; nobody pays for it). Returns the DTEHM number.
   */
  async foundRoot(tx: Scope, accountId: number, address: string | null): Promise<string> {
    const member = await this.join(tx, {
      accountId,
      sponsorAccountId: null,
      wantsDtehm: true,
      wantsDip: true,
      address,
      fromMobile: false,
    });
    const year = tx.now.getUTCFullYear();
    member.dtehmMemberId = formatDtehmMemberId(year, await nextSequence(tx, `dtehm-member:${year}`));
    member.dipMemberId = formatDipMemberId(await nextSequence(tx, 'dip-member'));
    member.status = 'active';
    member.activatedAt = tx.now;
    await tx.em.flush();
    return member.dtehmMemberId;
  }

  /** One more member at each ancestor's depth; rows locked in key order so concurrent joins cannot deadlock. */
  async #countInAncestors(scope: Scope, accountId: number): Promise<void> {
    await scope.em.execute(
      `insert into network_level_count as c (ancestor_id, depth, tenant_id, members, dtehm, dip)
       select ancestor_id, depth, tenant_id, 1, wants_dtehm::int, wants_dip::int
       from network_link where tenant_id = ? and descendant_id = ? order by ancestor_id, depth
       on conflict (ancestor_id, depth) do update set
         members = c.members + 1, dtehm = c.dtehm + excluded.dtehm, dip = c.dip + excluded.dip`,
      [scope.tenant.id, accountId],
    );
  }

  /** Payment completed: activate, number the memberships, pay the sponsor's bonus (once). */
  async completed(tx: Scope, payment: Payment): Promise<void> {
    const member = await tx.em.findOneOrFail(
      Member,
      { account: payment.account },
      { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
    );
    const types =
      (payment.details.membership_types as MembershipType[] | undefined) ?? membershipTypes(member);
    const year = Number(
      new Intl.DateTimeFormat('en-CA', { timeZone: tx.tenant.timeZone, year: 'numeric' }).format(tx.now),
    );
    // A second payment of an already active member (two payments opened, both paid) numbers nothing
    // new and must not pay the sponsor again: the bonus belongs to the activation, not to a payment.
    const activating = member.status !== 'active';
    if (types.includes('DTEHM') && !member.dtehmMemberId) {
      member.dtehmMemberId = formatDtehmMemberId(year, await nextSequence(tx, `dtehm-member:${year}`));
    }
    if (types.includes('DIP') && !member.dipMemberId) {
      member.dipMemberId = formatDipMemberId(await nextSequence(tx, 'dip-member'));
    }
    member.status = 'active';
    member.activatedAt ??= tx.now;
    await tx.em.flush();
    if (activating) await this.#payReferralBonus(tx, payment, member, types);
  }

  async failed(): Promise<void> {
    // The member stays pending and may start another payment.
  }

  async #payReferralBonus(tx: Scope, payment: Payment, member: Member, types: MembershipType[]) {
    const amount = sponsorBonus(planFor(tx.tenant), types);
    if (!member.sponsor || amount === 0) return;
    // a suspended sponsor earns nothing while suspended, this bonus included (see MemberStandingService)
    const sponsor = await tx.em.findOne(Member, { account: member.sponsor }, { refresh: true });
    if (sponsor?.suspendedAt) return;
    const newcomer = await tx.em.findOneOrFail(Account, { id: member.account });
    const description = `DTEHM Membership Referral Commission for ${newcomer.name}`;
    const entryId = await this.#ledger.post(tx, `membership:${payment.id}:sponsor-bonus`, description, [
      { account: LedgerAccounts.commissionExpense, amount },
      { account: LedgerAccounts.memberCommissions(member.sponsor), amount: -amount },
    ]);
    if (entryId === null) return;
    tx.em.create(Commission, {
      tenant: tx.tenant.id,
      beneficiary: member.sponsor,
      kind: 'membership',
      level: 'Membership Referral',
      rateBps: 0,
      amount,
      description,
      orderId: null,
      referenceType: 'membership',
      referenceId: payment.id,
      ledgerEntry: entryId,
      createdAt: tx.now,
    });
    await tx.em.flush();
  }

  /** Account (identity's row), membership and the sponsor's member number in one read. */
  async profile(scope: Scope, accountId: number): Promise<MemberProfile> {
    const row = await boundRow<MemberProfile>(
      scope,
      sql`select a.id, a.name, a.email, a.phone, a.roles, a.created_at as "createdAt", m.address,
                 m.wants_dtehm as "wantsDtehm", m.wants_dip as "wantsDip", m.dtehm_member_id as "dtehmMemberId",
                 m.dip_member_id as "dipMemberId", m.status, m.sponsor_id as "sponsorAccountId",
                 coalesce(s.dtehm_member_id, s.dip_member_id) as "sponsorMemberId"
          from account a join network_member m on m.account_id = a.id
          left join network_member s on s.account_id = m.sponsor_id
          where a.tenant_id = ${scope.tenant.id} and a.id = ${accountId}`,
    );
    if (!row) throw new DomainError('NOT_FOUND', 'User not found');
    return row;
  }

  /** Staff accounts (the tenant admin) are not in the network: they appear as non-members. */
  async profileOrStaff(
    scope: Scope,
    account: Pick<MemberProfile, 'id' | 'name' | 'email' | 'roles' | 'createdAt'> & { phone?: string | null },
  ): Promise<MemberProfile> {
    return this.profile(scope, account.id).catch((e: unknown) => {
      if (!(isDomainError(e) && e.code === 'NOT_FOUND')) throw e;
      return {
        ...account,
        phone: account.phone ?? null,
        address: null,
        wantsDtehm: false,
        wantsDip: false,
        dtehmMemberId: null,
        dipMemberId: null,
        status: 'pending' as const,
        sponsorAccountId: null,
        sponsorMemberId: null,
      };
    });
  }

  async sponsorBonusPaid(scope: Scope, paymentId: number): Promise<boolean> {
    return (await scope.em.count(Commission, { referenceType: 'membership', referenceId: paymentId })) > 0;
  }

  async requireMember(scope: Scope, accountId: number): Promise<Member> {
    const member = await scope.em.findOne(Member, { account: accountId });
    if (!member) throw new DomainError('NOT_FOUND', 'User not found');
    return member;
  }
}
