import type { JobRunner } from '../../jobs/job-runner.ts';
import type { ReferralCommissionsService } from './referral-commissions.service.ts';

export const AFFILIATE_COMMISSION_RELEASE_JOB = 'affiliate-commission-release';

export interface CommissionReleaseOptions {
  /** default 5 minutes: a commission becomes available within minutes of its hold ending */
  everyMs?: number;
  /** referrals released per transaction */
  batchSize?: number;
}

/**
 * `affiliate-commission-release`: commissions whose hold has ended become available, for each tenant
 * that has such commissions (found across tenants through the release index).
 */
export function registerAffiliateProgramJobs(
  jobs: JobRunner,
  commissions: ReferralCommissionsService,
  options: CommissionReleaseOptions = {},
): void {
  const batchSize = options.batchSize ?? 200;
  jobs.register(
    AFFILIATE_COMMISSION_RELEASE_JOB,
    options.everyMs ?? 5 * 60_000,
    (scope, progress) => commissions.releaseDue(scope, scope.now, { batchSize, progress }),
    {
      tenants: async (em, now) => {
        const rows = await em.execute<{ tenant_id: number }[]>(
          `select distinct tenant_id from affiliate_referral where status = 'confirmed' and available_at <= ?`,
          [now],
        );
        return rows.map((r) => r.tenant_id);
      },
    },
  );
}
