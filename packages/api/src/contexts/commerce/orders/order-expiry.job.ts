import { readSetting } from '../../../kernel/settings/tenant-settings.ts';
import type { JobRunner } from '../../jobs/job-runner.ts';
import type { UnpaidOrderExpiry } from './order-expiry.ts';

export const ORDER_EXPIRY_JOB = 'shop-order-expiry';

/** Unpaid shop orders give their stock back after this long, unless the tenant says otherwise. */
export const DEFAULT_ORDER_PAYMENT_TTL_MINUTES = 24 * 60;

/**
 * `shop-order-expiry`: every 10 minutes, shop orders still unpaid after the tenant's
 * `orderPaymentTtlMinutes` (default a day) are checked with the gateway once more and cancelled,
 * so stock and voucher uses held by abandoned payments return. Only tenants with such orders run.
 */
export function registerOrderExpiryJob(jobs: JobRunner, expiry: UnpaidOrderExpiry): void {
  jobs.register(
    ORDER_EXPIRY_JOB,
    10 * 60_000,
    (scope) =>
      expiry.expireUnpaid(
        scope,
        readSetting(scope.tenant.settings, 'orderPaymentTtlMinutes') ?? DEFAULT_ORDER_PAYMENT_TTL_MINUTES,
      ),
    {
      tenants: async (em, now) => {
        // the shortest TTL any tenant could set is a minute: the handler applies each tenant's own
        const rows = await em.execute<{ tenant_id: number }[]>(
          `select distinct tenant_id from customer_order
           where status = 'pending_payment' and order_number is not null and created_at < ?`,
          [new Date(now.getTime() - 60_000)],
        );
        return rows.map((r) => r.tenant_id);
      },
    },
  );
}
