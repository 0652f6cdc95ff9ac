import type { Scope } from '../../../kernel/scope.ts';
import { Affiliate, type PrimaryPlatform } from '../affiliate.entity.ts';

/** The spec's registration form (`POST /api/affiliate/auth/register`). */
export interface AffiliateApplicationInput {
  firstName: string;
  lastName: string;
  email: string;
  password: string;
  whatsapp: string;
  city: string;
  instagram?: string | null | undefined;
  tiktok?: string | null | undefined;
  youtube?: string | null | undefined;
  facebook?: string | null | undefined;
  primaryPlatform: PrimaryPlatform;
  reason: string;
}

const optional = (value: string | null | undefined) => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
};

/**
 * The pending application the form becomes, for the account (not yet flushed): names and texts
 * trimmed, empty social handles null, no code, no rate of its own, no totals yet.
 */
export function newApplication(tx: Scope, accountId: number, input: AffiliateApplicationInput): Affiliate {
  return tx.em.create(Affiliate, {
    tenant: tx.tenant.id,
    account: accountId,
    status: 'pending',
    code: null,
    firstName: input.firstName.trim(),
    lastName: input.lastName.trim(),
    whatsapp: input.whatsapp.trim(),
    city: input.city.trim(),
    instagram: optional(input.instagram),
    tiktok: optional(input.tiktok),
    youtube: optional(input.youtube),
    facebook: optional(input.facebook),
    primaryPlatform: input.primaryPlatform,
    reason: input.reason.trim(),
    profilePhoto: null,
    rejectionReason: null,
    reviewedAt: null,
    reviewedBy: null,
    approvedAt: null,
    commissionRateBps: null,
    totalClicks: 0,
    totalConversions: 0,
    totalCommission: 0,
    createdAt: tx.now,
  });
}
