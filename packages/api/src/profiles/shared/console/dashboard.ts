import { addDays, localDate } from '@komisi/domain';
import { COUNT_METRICS } from '../../../contexts/reporting/console-dashboard.service.ts';
import { adminProcedure } from '../../../kernel/trpc.ts';
import { dashboardInput, dashboardMeta, dashboardOutput } from './dashboard.types.ts';

/** The range read when none is sent: the last 30 days, today included. */
const DEFAULT_DAYS = 30;

export const dashboardProcedure = adminProcedure
  .meta(dashboardMeta)
  .input(dashboardInput)
  .output(dashboardOutput)
  .query(async ({ ctx, input }) => {
    const scope = ctx.scope();
    const today = localDate(scope.now, scope.tenant.timeZone);
    const to = input?.to ?? (input?.from ? addDays(input.from, DEFAULT_DAYS - 1) : today);
    const from = input?.from ?? addDays(to, -(DEFAULT_DAYS - 1));
    const metrics = ctx.services.tenantApps.console(scope.tenant).dashboard;
    const board = await ctx.services.consoleDashboard.series(scope, { start: from, end: to }, metrics);
    return {
      currency: scope.tenant.currency,
      timeZone: scope.tenant.timeZone,
      from,
      to,
      metrics: metrics.map((key) => ({
        key,
        unit: COUNT_METRICS.includes(key) ? ('count' as const) : ('money' as const),
      })),
      days: board.days,
      totals: board.totals,
      now: board.now,
    };
  });
