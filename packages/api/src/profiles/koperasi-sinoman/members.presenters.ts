// The document's shapes of a member, from what the cooperative context answers.
import type { CooperativeMember } from '../../contexts/cooperative/cooperative-member.entity.ts';
import type { KycDocumentWithUrl } from '../../contexts/cooperative/member-kyc.service.ts';
import type { Account } from '../../contexts/identity/account.entity.ts';
import type { OpenedSavingsAccount } from '../../contexts/savings/savings-accounts.service.ts';

type Tokens = { accessToken: string; refreshToken: string; expiresIn: number };

export const iso = (d: Date) => d.toISOString();
export const isoOrNull = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** The tokens of a sign-in or refresh (§2.2.2, §2.2.5). */
export const presentTokens = (t: Tokens) => ({
  access_token: t.accessToken,
  refresh_token: t.refreshToken,
  token_type: 'Bearer' as const,
  expires_in: t.expiresIn,
});

/** Who a member is and where they stand, as the sign-in answers it (§2.2.2). */
export const presentMemberStanding = (account: Account, member: CooperativeMember) => ({
  id: member.publicId,
  member_number: member.memberNumber,
  email: account.email,
  full_name: account.name,
  membership_status: member.membershipStatus,
  kyc_status: member.kycStatus,
});

/** A new member and their savings accounts (§2.2.1). */
export function presentRegistration(r: {
  account: Account;
  member: CooperativeMember;
  savingsAccounts: OpenedSavingsAccount[];
}) {
  return {
    member: {
      ...presentMemberStanding(r.account, r.member),
      phone: r.account.phone ?? '',
      created_at: iso(r.member.createdAt),
    },
    savings_accounts: r.savingsAccounts.map(({ account, product, balance }) => ({
      id: account.publicId,
      account_number: account.accountNumber,
      savings_type: product.code,
      balance,
      virtual_account_number: account.virtualAccountNumber,
    })),
  };
}

/** The fields a member edits (§3.1.2), as the profile and its update show them. */
export const presentEditable = (account: Account, member: CooperativeMember) => ({
  id: member.publicId,
  full_name: account.name,
  phone: account.phone ?? null,
  address: member.address,
  village: member.village ?? null,
  district: member.district ?? null,
  city: member.city ?? null,
  province: member.province ?? null,
  postal_code: member.postalCode ?? null,
  occupation: member.occupation ?? null,
  bio: member.bio ?? null,
  updated_at: iso(member.updatedAt),
});

/** The member's whole profile, for the member themself: the NIK in clear (§3.1.1). */
export function presentProfile(
  account: Account,
  member: CooperativeMember,
  nik: string,
  pictureUrl: string | null,
) {
  return {
    ...presentEditable(account, member),
    member_number: member.memberNumber,
    email: account.email,
    nik,
    date_of_birth: member.dateOfBirth,
    gender: member.gender,
    membership_type: member.membershipType,
    membership_status: member.membershipStatus,
    join_date: iso(member.joinDate),
    kyc_status: member.kycStatus,
    kyc_verified_at: isoOrNull(member.kycVerifiedAt),
    profile_picture_url: pictureUrl,
    referral_code: member.referralCode,
    created_at: iso(member.createdAt),
  };
}

/** A KYC document with its short-lived link (§3.2). */
export const presentDocument = ({ document: d, url }: KycDocumentWithUrl) => ({
  id: d.publicId,
  document_type: d.documentType,
  document_url: url,
  verification_status: d.verificationStatus,
  verified_at: isoOrNull(d.verifiedAt),
  file_size_bytes: d.sizeBytes,
  mime_type: d.mimeType,
  created_at: iso(d.createdAt),
});

/** A member's KYC file: their documents and where their verification stands (§3.2.2). */
export const presentKycFile = (f: { member: CooperativeMember; documents: KycDocumentWithUrl[] }) => ({
  documents: f.documents.map(presentDocument),
  kyc_status: f.member.kycStatus,
  kyc_verified_at: isoOrNull(f.member.kycVerifiedAt),
});
