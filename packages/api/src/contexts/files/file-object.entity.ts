import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { Account } from '../identity/account.entity.ts';
import { tenantColumn } from '../tenancy/tenant.entity.ts';

/**
 * ktp: an affiliate's identity card (private) · profile_photo · material: promotional images ·
 * progress_photo: a programme participant's weekly body photo (private)
 * kyc_document: a cooperative member's identity papers (private; may be a PDF)
 * report: an exported report (private to its requester and admins)
 */
export const FILE_PURPOSES = [
  'ktp',
  'profile_photo',
  'material',
  'progress_photo',
  'kyc_document',
  'report',
] as const;
export type FilePurpose = (typeof FILE_PURPOSES)[number];

/**
 * A stored file: its bytes live sealed (AES-256-GCM) in the file storage under `storageKey`, a
 * server-generated name. Size and SHA-256 describe the plaintext as stored (after re-encoding).
 */
export const FileObject = defineEntity({
  name: 'FileObject',
  tableName: 'file_object',
  properties: {
    id: p.integer().primary().autoincrement(),
    tenant: tenantColumn(),
    owner: () => p.manyToOne(Account).mapToPk().fieldName('owner_account_id'),
    purpose: p.enum(FILE_PURPOSES),
    storageKey: p.string().length(200),
    contentType: p.string().length(100),
    size: p.integer(),
    sha256: p.string().length(64),
    /** the file key that sealed it (hex key id), to find files to re-seal after a rotation */
    keyId: p.string().length(16),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
  uniques: [{ name: 'file_object_storage_key_unique', properties: ['storageKey'] }],
  indexes: [{ name: 'file_object_owner_idx', properties: ['tenant', 'owner', 'purpose'] }],
});
export type FileObject = InferEntity<typeof FileObject>;
