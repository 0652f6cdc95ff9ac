import { GENDERS, KYC_STATUSES, MEMBERSHIP_STATUSES } from '@komisi/domain';
import { defineEntity, type InferEntity, type Opt, p } from '@mikro-orm/core';
import { Account } from '../identity/account.entity.ts';
import { tenantColumn } from '../tenancy/tenant.entity.ts';
import { MEMBER_TALLY_TRIGGER_BODY } from './member-tally.entity.ts';

export {
  GENDERS,
  KYC_STATUSES,
  type KycStatus,
  MEMBERSHIP_STATUSES,
  type MembershipStatus,
} from '@komisi/domain';

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
    /**
     * What the administrators' search finds a member by: the words of the name, email and member
     * number (`searchableText`), written with them since the name and email live on the account
     */
    searchVector: p.string().$type<Opt<string>>().columnType('tsvector').nullable().lazy().hidden(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()),
  },
  uniques: [
    { properties: ['tenant', 'account'] },
    { properties: ['tenant', 'memberNumber'] },
    { properties: ['tenant', 'nikDigest'] },
    { properties: ['tenant', 'referralCode'] },
  ],
  // the administrators' list at 100,000 members: newest first, the status counts, the search
  indexes: [
    { name: 'cooperative_member_created_idx', properties: ['tenant', 'createdAt'] },
    { name: 'cooperative_member_status_idx', properties: ['tenant', 'membershipStatus', 'kycStatus'] },
    { name: 'cooperative_member_search_idx', properties: ['searchVector'], type: 'gin' },
  ],
  // the status counts the administrators' list shows, kept whatever writes a member
  triggers: [
    {
      name: 'cooperative_member_tally',
      timing: 'after',
      events: ['insert', 'update', 'delete'],
      forEach: 'row',
      body: MEMBER_TALLY_TRIGGER_BODY,
    },
  ],
});
export type CooperativeMember = InferEntity<typeof CooperativeMember>;
