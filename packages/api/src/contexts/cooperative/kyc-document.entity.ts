import { KYC_DOCUMENT_STATUSES, KYC_DOCUMENT_TYPES } from '@komisi/domain';
import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { FileObject } from '../files/file-object.entity.ts';
import { tenantColumn } from '../tenancy/tenant.entity.ts';
import { CooperativeMember } from './cooperative-member.entity.ts';

/**
 * A document a member handed in for KYC (identity card, selfie, family card, tax card, bank
 * statement): the file lives sealed in the files context, private to the member and administrators.
 */
export const KycDocument = defineEntity({
  name: 'KycDocument',
  tableName: 'kyc_document',
  properties: {
    id: p.integer().primary().autoincrement(),
    tenant: tenantColumn(),
    publicId: p.uuid().unique(),
    member: () => p.manyToOne(CooperativeMember).mapToPk().fieldName('member_id'),
    file: () => p.manyToOne(FileObject).mapToPk().fieldName('file_id'),
    documentType: p.enum(KYC_DOCUMENT_TYPES),
    verificationStatus: p.enum(KYC_DOCUMENT_STATUSES).default('pending'),
    /** the stored file's size and type (images are re-encoded on the way in) */
    sizeBytes: p.integer(),
    mimeType: p.string().length(100),
    verifiedAt: p.datetime().nullable(),
    /** the administrator's account id */
    verifiedBy: p.integer().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
  indexes: [{ name: 'kyc_document_member_idx', properties: ['tenant', 'member', 'createdAt'] }],
});
export type KycDocument = InferEntity<typeof KycDocument>;
