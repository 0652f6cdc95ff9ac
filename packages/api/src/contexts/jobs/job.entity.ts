import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { Tenant } from '../tenancy/tenant.entity.ts';

export const JOB_RUN_STATUSES = ['running', 'succeeded', 'failed'] as const;
export type JobRunStatus = (typeof JOB_RUN_STATUSES)[number];

/**
 * One run of a background job for one tenant (`tenant` null: a run that found no tenant with work).
 * Platform rows, not tenant-owned: the tenant filter does not apply; kept for `retentionDays`.
 */
export const JobRun = defineEntity({
  name: 'JobRun',
  tableName: 'job_run',
  properties: {
    id: p.integer().primary().autoincrement(),
    name: p.string().length(100),
    tenant: () => p.manyToOne(Tenant).mapToPk().nullable().fieldName('tenant_id'),
    startedAt: p.datetime(),
    finishedAt: p.datetime().nullable(),
    status: p.enum(JOB_RUN_STATUSES),
    processed: p.integer().default(0),
    error: p.string().length(1000).nullable(),
  },
  indexes: [{ name: 'job_run_name_started_idx', properties: ['name', 'startedAt'] }],
});
export type JobRun = InferEntity<typeof JobRun>;

/**
 * Who runs a job right now, until when. Claimed by a conditional upsert (free or expired only),
 * renewed while the run lasts, so of several server instances one runs a job at a time; a crashed
 * holder's lease simply expires. After a scheduled run it stays with an empty holder until the
 * period's shortest wait is over (one scheduled run per period in all); after a run asked for now
 * it is deleted.
 */
export const JobLease = defineEntity({
  name: 'JobLease',
  tableName: 'job_lease',
  properties: {
    name: p.string().length(100).primary(),
    holder: p.string().length(100),
    acquiredAt: p.datetime(),
    expiresAt: p.datetime(),
  },
});
export type JobLease = InferEntity<typeof JobLease>;
