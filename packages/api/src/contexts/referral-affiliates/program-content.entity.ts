import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { tenantColumn } from '../tenancy/tenant.entity.ts';

export const CONTENT_KINDS = ['banner', 'social_graphic', 'faq'] as const;
export type ContentKind = (typeof CONTENT_KINDS)[number];

/**
 * What the programme's admins publish for affiliates: promotional images (banners in various sizes,
 * social graphics) and FAQ entries. One table, because they are listed, ordered and retired alike.
 */
export const ProgramContent = defineEntity({
  name: 'ProgramContent',
  tableName: 'affiliate_program_content',
  properties: {
    id: p.integer().primary().autoincrement(),
    tenant: tenantColumn(),
    kind: p.enum(CONTENT_KINDS),
    /** banner / graphic title, or the FAQ question */
    title: p.string().length(300),
    /** the FAQ answer, or a caption */
    body: p.text().nullable(),
    /** FAQ category, or the platform a graphic is made for (instagram, whatsapp, ...) */
    category: p.string().length(100).nullable(),
    imageUrl: p.string().length(1000).nullable(),
    /** an uploaded image (files context, purpose `material`); wins over `imageUrl` */
    imageFile: p.integer().nullable(),
    /** e.g. 1200x628 */
    size: p.string().length(20).nullable(),
    position: p.integer().default(0),
    active: p.boolean().default(true),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
  indexes: [{ name: 'affiliate_program_content_list_idx', properties: ['tenant', 'kind', 'position'] }],
});
export type ProgramContent = InferEntity<typeof ProgramContent>;
