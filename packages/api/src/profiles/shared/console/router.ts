import type { TRPCRouterRecord } from '@trpc/server';
import { router } from '../../../kernel/trpc.ts';
import { refreshProcedure, signInProcedure, signOutProcedure } from './auth.ts';
import { dashboardProcedure } from './dashboard.ts';
import { jobRunsProcedure } from './job-runs.ts';
import { meProcedure } from './me.ts';
import { mlmPreviewProcedure } from './mlm-preview.ts';
import { outboxProcedure, retryOutboxMessageProcedure } from './outbox.ts';
import { settingsProcedure, updateSettingProcedure } from './settings.ts';

/**
 * The admin console's API, the same on every tenant (`console.*` on tRPC, `/admin/console/...` on
 * REST in the profile's envelope): signing an administrator in, the tenant's settings with a form
 * for each, job runs, the notification outbox and the dashboard. Admin only, but sign-in and refresh.
 */
export const consoleProcedures = {
  signIn: signInProcedure,
  refresh: refreshProcedure,
  signOut: signOutProcedure,
  me: meProcedure,
  settings: settingsProcedure,
  updateSetting: updateSettingProcedure,
  jobRuns: jobRunsProcedure,
  outbox: outboxProcedure,
  retryOutboxMessage: retryOutboxMessageProcedure,
  dashboard: dashboardProcedure,
} satisfies TRPCRouterRecord;

export const consoleRouter = router(consoleProcedures);

/** A network's console (dtehm-mobile): the common one and the MLM plan's what-if preview. */
export const networkConsoleRouter = router({ ...consoleProcedures, previewMlmPlan: mlmPreviewProcedure });
