import { isCalendarDate } from './nik.ts';

// Members of a savings cooperative (koperasi-sinoman): their statuses, what each change of status
// sets off, and the tenant's terms for joining.

export const MEMBERSHIP_STATUSES = ['pending', 'active', 'suspended', 'inactive'] as const;
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];
export const KYC_STATUSES = ['pending', 'verified', 'rejected'] as const;
export type KycStatus = (typeof KYC_STATUSES)[number];
export const GENDERS = ['male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];

/** A referral: waiting for the referred member to become active, then paid (or completed without a bonus). */
export const MEMBER_REFERRAL_STATUSES = ['pending', 'paid', 'completed'] as const;
export type MemberReferralStatus = (typeof MEMBER_REFERRAL_STATUSES)[number];

/** The documents a member hands in for KYC (§3.2.1), and what an administrator made of each. */
export const KYC_DOCUMENT_TYPES = ['ktp', 'selfie', 'kk', 'npwp', 'bank_statement'] as const;
export type KycDocumentType = (typeof KYC_DOCUMENT_TYPES)[number];
export const KYC_DOCUMENT_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type KycDocumentStatus = (typeof KYC_DOCUMENT_STATUSES)[number];

/** How the administrators' member list can be ordered (§6.1.1). */
export const MEMBER_LIST_SORTS = ['created_at', 'full_name', 'member_number'] as const;
export type MemberListSort = (typeof MEMBER_LIST_SORTS)[number];

const MB = 1024 * 1024;

/** The uploads of §10.3: the largest file, and the smallest image (long and short edge, any orientation). */
export const MEMBER_UPLOAD_RULES = {
  profilePicture: { maxBytes: 5 * MB, minLongEdge: 400, minShortEdge: 400 },
  kycDocument: { maxBytes: 10 * MB, minLongEdge: 1024, minShortEdge: 768 },
} as const;

/** A tenant's terms for its members. */
export interface CooperativeTerms {
  /** rupiah credited to a referrer when the member they referred first becomes active (0: none) */
  referralBonus: number;
  /** check the NIK's structure (place codes, birth date, gender) beyond its 16 digits */
  strictNik: boolean;
}

/** The document's figures: a referral earns 50,000 (§3.3.1's example); a NIK is 16 digits. */
export const COOPERATIVE_DEFAULTS: CooperativeTerms = { referralBonus: 50_000, strictNik: false };

/** The tenant's overrides, as stored: an absent or null key keeps the default. */
export interface CooperativeOverrides {
  referralBonus?: number | null | undefined;
  strictNik?: boolean | null | undefined;
}

export function cooperativeTerms(overrides: CooperativeOverrides = {}): CooperativeTerms {
  return {
    referralBonus: overrides.referralBonus ?? COOPERATIVE_DEFAULTS.referralBonus,
    strictNik: overrides.strictNik ?? COOPERATIVE_DEFAULTS.strictNik,
  };
}

export type ReferralSettlement = { status: 'paid'; bonus: number } | { status: 'completed' } | null;

/**
 * What a referral becomes when its referred member's status changes: once the member is active, a
 * pending referral is paid the tenant's bonus, or completed when the tenant grants none. A settled
 * referral never changes again (a member active a second time earns the referrer nothing more).
 */
export function referralSettlement(
  referral: MemberReferralStatus,
  memberStatus: MembershipStatus,
  bonus: number,
): ReferralSettlement {
  if (referral !== 'pending' || memberStatus !== 'active') return null;
  return bonus > 0 ? { status: 'paid', bonus } : { status: 'completed' };
}

/** A referral counts as successful once its member became active, bonus or not. */
export const isSuccessfulReferral = (status: MemberReferralStatus) => status !== 'pending';

/**
 * What a member's pending KYC documents become when an administrator sets the member's KYC status:
 * verified approves them, rejected rejects them, pending leaves them waiting.
 */
export function kycDocumentVerdict(kycStatus: KycStatus): Exclude<KycDocumentStatus, 'pending'> | null {
  if (kycStatus === 'verified') return 'approved';
  if (kycStatus === 'rejected') return 'rejected';
  return null;
}

/** A member whose KYC was rejected and who hands in a new document is under review again. */
export function kycStatusAfterUpload(current: KycStatus): KycStatus {
  return current === 'rejected' ? 'pending' : current;
}

/** Pending and active members sign in; suspended and inactive ones do not. */
export function maySignIn(status: MembershipStatus): boolean {
  return status === 'pending' || status === 'active';
}

/** Why `date` (`YYYY-MM-DD`) cannot be a date of birth on `today` (the tenant's local date), or null. */
export function birthDateProblem(date: string, today: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match || !isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]))) {
    return 'must be a date like 1990-01-01';
  }
  if (Number(match[1]) < 1900) return 'must be after 1900';
  if (date >= today) return 'must be in the past';
  return null;
}
