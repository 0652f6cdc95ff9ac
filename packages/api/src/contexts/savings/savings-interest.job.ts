import type { JobRunner } from '../jobs/job-runner.ts';
import type { SavingsInterestService } from './savings-interest.service.ts';

export const SAVINGS_INTEREST_JOB = 'savings-monthly-interest';

/**
 * `savings-monthly-interest`: every hour, each tenant whose interest-bearing accounts are due (last
 * calculated, or opened, before the start of the tenant's current local month) gets the months past
 * credited. Running twice credits nothing twice (the credits' idempotency keys).
 */
export function registerSavingsInterestJob(jobs: JobRunner, interest: SavingsInterestService): void {
  jobs.register(SAVINGS_INTEREST_JOB, 60 * 60_000, (scope) => interest.creditDue(scope), {
    tenants: async (em, now) => {
      const rows = await em.execute<{ tenant_id: number }[]>(
        `select distinct a.tenant_id
         from savings_account a
         join savings_product p on p.id = a.product_id
         join tenant t on t.id = a.tenant_id
         where p.interest_rate_bp > 0 and a.status <> 'closed'
           and coalesce(a.last_interest_calculated_at, a.opened_at)
               < date_trunc('month', ?::timestamptz at time zone t.time_zone) at time zone t.time_zone`,
        [now],
      );
      return rows.map((r) => r.tenant_id);
    },
  });
}
