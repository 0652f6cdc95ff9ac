import type { Commission } from '../../contexts/network/commission.entity.ts';
import type { MemberDetail, MemberRow, MemberStanding } from '../../contexts/network/member-admin.service.ts';
import type { MemberCard } from '../../contexts/network/member-directory.ts';
import { formatLocalDateTime } from '../shared/zoned-time.ts';
import { presentNetworkStatistics, yesNo } from './dtehm.presenters.ts';

const STANDING_LABEL: Record<MemberStanding, 'Pending' | 'Active' | 'Suspended'> = {
  pending: 'Pending',
  active: 'Active',
  suspended: 'Suspended',
};
export const standingLabel = (s: MemberStanding) => STANDING_LABEL[s];
export const STANDING_FROM_LABEL = {
  Pending: 'pending',
  Active: 'active',
  Suspended: 'suspended',
} as const satisfies Record<string, MemberStanding>;

const local = (d: Date | null, timeZone: string) => (d ? formatLocalDateTime(d, timeZone) : null);

export function presentMemberRow(m: MemberRow, timeZone: string) {
  return {
    id: m.id,
    name: m.name,
    email: m.email,
    phone_number: m.phone,
    dtehm_member_id: m.dtehmMemberId,
    dip_member_id: m.dipMemberId,
    is_dtehm_member: yesNo(m.wantsDtehm),
    is_dip_member: yesNo(m.wantsDip),
    sponsor_id: m.sponsorMemberId,
    status: standingLabel(m.standing),
    is_stockist: yesNo(m.stockist),
    direct_referrals: m.directReferrals,
    total_downline: m.downline,
    joined_at: formatLocalDateTime(m.joinedAt, timeZone),
    activated_at: local(m.activatedAt, timeZone),
  };
}

export function presentMemberDetail(m: MemberDetail, currency: string, timeZone: string) {
  const ref = (u: MemberDetail['upline'][number]) => ({
    id: u.id,
    name: u.name,
    member_id: u.memberId,
    status: standingLabel(u.standing),
  });
  const sponsor = m.upline.find((u) => u.level === 1);
  return {
    ...presentMemberRow(m, timeZone),
    address: m.address,
    created_at: formatLocalDateTime(m.createdAt, timeZone),
    suspended_at: local(m.suspendedAt, timeZone),
    suspension_reason: m.suspensionReason,
    sponsor: sponsor ? ref(sponsor) : null,
    upline: m.upline.map((u) => ({ level: u.level, ...ref(u) })),
    network: presentNetworkStatistics(m.levels),
    commissions: {
      total_commissions: m.commissions.total,
      current_balance: m.commissions.balance,
      currency,
    },
  };
}

/** A member on an admin row; an account that is no longer found still shows its id. */
export const memberRefOf = (id: number, cards: Map<number, MemberCard>) => {
  const card = cards.get(id);
  return { id, name: card?.name ?? '', member_id: card?.memberId ?? null };
};

export const commissionStatus = (c: Pick<Commission, 'reversedAt'>) =>
  c.reversedAt ? ('reversed' as const) : ('completed' as const);
