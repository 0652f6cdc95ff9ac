import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { Account } from '../identity/account.entity.ts';
import { tenantColumn } from '../tenancy/tenant.entity.ts';

/**
 * How many members an ancestor has at each depth, kept up to date as members join, so the
 * downline statistics read at most 20 rows instead of counting a large downline per request.
 */
export const NetworkLevelCount = defineEntity({
  name: 'NetworkLevelCount',
  tableName: 'network_level_count',
  properties: {
    ancestor: () => p.manyToOne(Account).mapToPk().primary().fieldName('ancestor_id'),
    depth: p.smallint().primary(),
    tenant: tenantColumn(),
    members: p.integer(),
    dtehm: p.integer(),
    dip: p.integer(),
  },
});
export type NetworkLevelCount = InferEntity<typeof NetworkLevelCount>;
