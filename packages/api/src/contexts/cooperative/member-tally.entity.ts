import { KYC_STATUSES, MEMBERSHIP_STATUSES } from '@komisi/domain';
import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { tenantColumn } from '../tenancy/tenant.entity.ts';

/**
 * How many members of a tenant hold each pair of statuses, kept by a trigger on `cooperative_member`
 * (every insert, status change and delete, whatever wrote it): the administrators' list counts a
 * cooperative of 100,000 members by reading twelve rows instead of counting them all.
 */
export const MemberTally = defineEntity({
  name: 'MemberTally',
  tableName: 'cooperative_member_tally',
  properties: {
    id: p.integer().primary().autoincrement(),
    tenant: tenantColumn(),
    membershipStatus: p.enum(MEMBERSHIP_STATUSES),
    kycStatus: p.enum(KYC_STATUSES),
    members: p.integer().default(0),
  },
  uniques: [{ properties: ['tenant', 'membershipStatus', 'kycStatus'] }],
});
export type MemberTally = InferEntity<typeof MemberTally>;

/**
 * The trigger's body: the old pair loses one, the new pair gains one, in the pairs' order (so two
 * status changes crossing each other lock the tally rows in the same order, never in a deadlock).
 */
export const MEMBER_TALLY_TRIGGER_BODY = `
  if tg_op = 'UPDATE' and old.membership_status = new.membership_status and old.kyc_status = new.kyc_status then
    return null;
  end if;
  insert into cooperative_member_tally as t (tenant_id, membership_status, kyc_status, members)
  select d.tenant_id, d.membership_status, d.kyc_status, sum(d.delta)
  from (
    select old.tenant_id, old.membership_status, old.kyc_status, -1 where tg_op <> 'INSERT'
    union all
    select new.tenant_id, new.membership_status, new.kyc_status, 1 where tg_op <> 'DELETE'
  ) d (tenant_id, membership_status, kyc_status, delta)
  group by d.tenant_id, d.membership_status, d.kyc_status
  order by d.membership_status, d.kyc_status
  on conflict (tenant_id, membership_status, kyc_status) do update set members = t.members + excluded.members;
  return null;`;
