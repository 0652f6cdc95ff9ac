import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import type { TenantSettings } from '../../kernel/tenant-record.ts';

export const Tenant = defineEntity({
  name: 'Tenant',
  tableName: 'tenant',
  properties: {
    id: p.integer().primary().autoincrement(),
    slug: p.string().length(63).unique(),
    name: p.string(),
    profile: p.string().length(63),
    currency: p.string().length(3),
    timeZone: p.string().length(63),
    hosts: p.json<string[]>().default('[]'),
    settings: p.json<TenantSettings>().default('{}'),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type Tenant = InferEntity<typeof Tenant>;

/** A tenant-owned row's tenant column: a foreign key, read as the plain id. */
export const tenantColumn = () => p.manyToOne(Tenant).mapToPk().fieldName('tenant_id');
