import { type SavingsSettings, savingsSettings } from '@komisi/domain';
import type { Scope } from '../../kernel/scope.ts';
import { readSetting } from '../../kernel/settings/tenant-settings.ts';
import type { TenantRecord } from '../../kernel/tenant-record.ts';

/** The tenant's savings settings (`settings.savings`) laid on the domain's defaults. */
export function savingsSettingsOf(tenant: TenantRecord): SavingsSettings {
  return savingsSettings(readSetting(tenant.settings, 'savings'));
}

/** The month (`YYYY-MM`) of `now` where the tenant is. */
export function localMonth(now: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' })
    .format(now)
    .slice(0, 7);
}

/**
 * The instants a local month starts and ends (the next one's start), as PostgreSQL's time zone
 * database reads the tenant's zone: the same reading every month filter in SQL makes.
 */
export async function monthBounds(scope: Scope, month: string): Promise<{ start: Date; end: Date }> {
  const [row] = await scope.em.execute<{ start: Date; end: Date }[]>(
    `select (?::timestamp at time zone ?) as start,
            ((?::date + interval '1 month')::timestamp at time zone ?) as "end"`,
    [`${month}-01 00:00:00`, scope.tenant.timeZone, `${month}-01`, scope.tenant.timeZone],
  );
  return { start: new Date(row!.start), end: new Date(row!.end) };
}
