import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { Account } from '../identity/account.entity.ts';
import { tenantColumn } from '../tenancy/tenant.entity.ts';

/**
 * Closure of the sponsor tree up to NETWORK_TRACKED_DEPTH: one row per (ancestor, descendant).
 * Written once when a member joins (the tree never changes), so downline pages and level
 * statistics are index scans instead of recursive walks. Membership choices are copied in
 * because they never change after registration and the statistics count them.
 */
export const NetworkLink = defineEntity({
  name: 'NetworkLink',
  tableName: 'network_link',
  properties: {
    ancestor: () => p.manyToOne(Account).mapToPk().primary().fieldName('ancestor_id'),
    descendant: () => p.manyToOne(Account).mapToPk().primary().fieldName('descendant_id'),
    tenant: tenantColumn(),
    depth: p.smallint(),
    wantsDtehm: p.boolean(),
    wantsDip: p.boolean(),
  },
  indexes: [
    {
      name: 'network_link_ancestor_depth_idx',
      properties: ['ancestor', 'depth', 'descendant'],
      include: ['tenant', 'wantsDtehm', 'wantsDip'],
    },
    { name: 'network_link_descendant_depth_idx', properties: ['descendant', 'depth'] },
  ],
});
export type NetworkLink = InferEntity<typeof NetworkLink>;

/** Deepest generation any plan may pay (the domain caps plans at 20 generations). */
export const NETWORK_TRACKED_DEPTH = 20;
