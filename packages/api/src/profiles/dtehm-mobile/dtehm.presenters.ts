import { bpsToPercent, type PageWindow, ratioPercent } from '@komisi/domain';
import type { ProductSummary } from '../../contexts/catalog/catalog.service.ts';
import type { OrderStatus } from '../../contexts/commerce/orders/order.entity.ts';
import type { DownlineLevelStats, DownlineMember } from '../../contexts/network/downline.service.ts';
import type { MemberCard } from '../../contexts/network/member-directory.ts';
import type { MemberProfile } from '../../contexts/network/membership.service.ts';
import { formatLocalDateTime } from '../shared/zoned-time.ts';
import type { ORDER_STATUS_LABELS } from './dtehm.schemas.ts';

type StatusLabel = (typeof ORDER_STATUS_LABELS)[number];

// MLM orders only take the first three; shop statuses fold into the nearest label the app knows.
const ORDER_STATUS_LABEL: Record<OrderStatus, StatusLabel> = {
  pending_payment: 'Pending Payment',
  paid: 'Paid',
  payment_failed: 'Payment Failed',
  processing: 'Paid',
  shipped: 'Paid',
  delivered: 'Paid',
  cancelled: 'Payment Failed',
  refunded: 'Payment Failed',
};

export const orderStatusLabel = (status: OrderStatus): StatusLabel => ORDER_STATUS_LABEL[status];

export const ORDER_STATUS_FROM_LABEL: Record<StatusLabel, OrderStatus> = {
  'Pending Payment': 'pending_payment',
  Paid: 'paid',
  'Payment Failed': 'payment_failed',
};

export const yesNo = (b: boolean) => (b ? 'Yes' : 'No') as 'Yes' | 'No';
export const membershipLabel = (s: 'pending' | 'active'): 'Active' | 'Pending' =>
  s === 'active' ? 'Active' : 'Pending';

export function presentUser(p: MemberProfile, timeZone: string) {
  return {
    id: p.id,
    name: p.name,
    email: p.email,
    phone_number: p.phone,
    address: p.address,
    is_dtehm_member: yesNo(p.wantsDtehm),
    is_dip_member: yesNo(p.wantsDip),
    dtehm_member_id: p.dtehmMemberId,
    dip_member_id: p.dipMemberId,
    sponsor_id: p.sponsorMemberId,
    membership_status: membershipLabel(p.status),
    created_at: formatLocalDateTime(new Date(p.createdAt), timeZone),
  } as const;
}

export const memberRef = (m: MemberCard | null) =>
  m ? { id: m.id, name: m.name, member_id: m.memberId } : null;

/** Rate in percent and the percentage of the sale paid out, for the preview's summary. */
export const percentOf = (rateBps: number) => bpsToPercent(rateBps);
export const commissionPercentage = (total: number, base: number) => ratioPercent(total, base, 2);

export function presentProductSummary(p: ProductSummary, timeZone: string) {
  return {
    id: p.id,
    name: p.name,
    description: p.description,
    price: p.price,
    feature_photo: p.featurePhoto,
    category_id: p.categoryId,
    category_name: p.categoryName,
    stock_quantity: p.stockQuantity,
    in_stock: p.stockQuantity > 0,
    created_at: formatLocalDateTime(new Date(p.createdAt), timeZone),
  };
}

/** The spec's short pagination block (orders, commissions). */
export const pagination = (w: PageWindow) => ({
  total: w.total,
  per_page: w.per_page,
  current_page: w.current_page,
  last_page: w.last_page,
});

/** The spec's pagination block with the page's item range (products, network). */
export const paginationWithRange = (w: PageWindow) => ({ ...pagination(w), from: w.from, to: w.to });

/** The levels a network view's `level` asks for: all (1..deepest), direct (1) or one level. */
export function levelRange(level: string, deepest: number): { from: number; to: number } {
  if (level === 'all') return { from: 1, to: deepest };
  if (level === 'direct') return { from: 1, to: 1 };
  const n = Number(level);
  return { from: n, to: n };
}

/** The statistics of a downline from its per-level counts (the whole downline, whatever the filter). */
export function presentNetworkStatistics(stats: DownlineLevelStats[]) {
  return {
    total_members: stats.reduce((n, l) => n + l.members, 0),
    direct_referrals: stats.find((l) => l.depth === 1)?.members ?? 0,
    dtehm_members: stats.reduce((n, l) => n + l.dtehm, 0),
    dip_members: stats.reduce((n, l) => n + l.dip, 0),
    levels_deep: stats.at(-1)?.depth ?? 0,
    by_level: Object.fromEntries(stats.map((l) => [`level_${l.depth}`, l.members])),
  };
}

/** One page of a downline, as `/user/network` shows it. */
export function presentNetwork(
  page: { stats: DownlineLevelStats[]; members: DownlineMember[]; window: PageWindow },
  timeZone: string,
) {
  return {
    network: page.members.map((m) => ({
      id: m.id,
      name: m.name,
      email: m.email,
      phone: m.phone,
      dtehm_member_id: m.dtehmMemberId,
      dip_member_id: m.dipMemberId,
      is_dtehm_member: yesNo(m.wantsDtehm),
      is_dip_member: yesNo(m.wantsDip),
      level: m.depth,
      joined_at: formatLocalDateTime(new Date(m.joinedAt), timeZone),
      status: membershipLabel(m.status),
    })),
    statistics: presentNetworkStatistics(page.stats),
    pagination: paginationWithRange(page.window),
  };
}
