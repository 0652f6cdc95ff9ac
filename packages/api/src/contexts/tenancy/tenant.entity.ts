import type { CommissionBase } from '@komisi/domain';
import { defineEntity, type InferEntity, p } from '@mikro-orm/core';

/** Per-tenant settings a business would change without a deploy. */
export interface TenantSettings {
  payments?: {
    provider: 'sandbox' | 'pesapal' | 'doku';
    pesapal?: { baseUrl: string; consumerKey: string; consumerSecret: string; ipnId?: string };
    /** DOKU Checkout credentials (https://api-sandbox.doku.com or https://api.doku.com) */
    doku?: { baseUrl: string; clientId: string; secretKey: string };
  };
  /**
   * dtehm-mobile: let the membership payment endpoints run without a token, as the spec's
   * document marks them. Off by default: anonymous calls could read other members' data.
   */
  anonymousMembershipPayments?: boolean;
  /** MLM plan overrides (basis points / minor units); absent keys use the profile defaults. */
  mlm?: {
    stockistRateBps?: number;
    generationRatesBps?: number[];
    compression?: boolean;
    membershipFees?: { dtehm: number; dip: number };
    sponsorBonusPerDtehm?: number;
  };
  /**
   * Further app profiles this tenant serves next to `profile`, tried in order for a REST path
   * the main profile has no route for (e.g. ansania also serves `affiliate-marketer`).
   */
  extraProfiles?: string[];
  /** Voucher-code affiliates: which amount of an order the commission rate applies to. */
  affiliateProgram?: { commissionBase?: CommissionBase };
}

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
