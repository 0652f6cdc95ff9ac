import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { Account } from '../identity/account.entity.ts';
import { tenantColumn } from '../tenancy/tenant.entity.ts';

export const MEMBERSHIP_STATUSES = ['pending', 'active', 'suspended', 'inactive'] as const;
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];
export const KYC_STATUSES = ['pending', 'verified', 'rejected'] as const;
export type KycStatus = (typeof KYC_STATUSES)[number];
export const GENDERS = ['male', 'female'] as const;

/**
 * A cooperative member (koperasi-sinoman): the identity account that signs in, with the KYC facts
 * the cooperative keeps. Name, email, phone and password stay on the account.
 */
export const CooperativeMember = defineEntity({
  name: 'CooperativeMember',
  tableName: 'cooperative_member',
  properties: {
    id: p.integer().primary().autoincrement(),
    tenant: tenantColumn(),
    /** the id clients see; the integer id stays internal */
    publicId: p.uuid().unique(),
    account: () => p.manyToOne(Account).mapToPk().fieldName('account_id'),
    memberNumber: p.string().length(20),
    /** the NIK sealed with the file key: never stored or logged in clear */
    nikSealed: p.text().hidden().lazy(),
    /** keyed digest of the NIK, so one NIK joins once without opening the others */
    nikDigest: p.string().length(64),
    /** what lists show (`350201******0001`) */
    nikMasked: p.string().length(16),
    dateOfBirth: p.string().length(10),
    gender: p.enum(GENDERS),
    address: p.string().length(500),
    village: p.string().length(100).nullable(),
    district: p.string().length(100).nullable(),
    city: p.string().length(100).nullable(),
    province: p.string().length(100).nullable(),
    postalCode: p.string().length(10).nullable(),
    occupation: p.string().length(100).nullable(),
    bio: p.string().length(1000).nullable(),
    membershipType: p.string().length(20).default('regular'),
    membershipStatus: p.enum(MEMBERSHIP_STATUSES).default('pending'),
    kycStatus: p.enum(KYC_STATUSES).default('pending'),
    kycVerifiedAt: p.datetime().nullable(),
    /** notes an administrator left with the last status change */
    statusNotes: p.string().length(1000).nullable(),
    profilePictureFileId: p.integer().nullable(),
    referralCode: p.string().length(16),
    referredByMemberId: p.integer().nullable().index(),
    joinDate: p.datetime(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()),
  },
  uniques: [
    { properties: ['tenant', 'account'] },
    { properties: ['tenant', 'memberNumber'] },
    { properties: ['tenant', 'nikDigest'] },
    { properties: ['tenant', 'referralCode'] },
  ],
});
export type CooperativeMember = InferEntity<typeof CooperativeMember>;
