import type { DashboardMetric } from '../../../contexts/reporting/console-dashboard.service.ts';

/**
 * The admin console's sections: its menu. Every tenant's console has the common ones; each app
 * profile adds its own (`AppProfile.console`), and a tenant serving several apps gets them all.
 */
export const CONSOLE_SECTIONS = [
  // every tenant
  'dashboard',
  'settings',
  'jobs',
  'outbox',
  'audit-log',
  // dtehm-mobile
  'members',
  'network',
  'stockists',
  'mlm-plan',
  'commissions',
  // shops (ansania-ecommerce, dtehm-mobile's catalog, qutab-platform)
  'catalog',
  'orders',
  'vouchers',
  // affiliate-marketer
  'voucher-affiliates',
  // qutab-platform
  'affiliate-applications',
  'verifications',
  'payouts',
  'materials',
  'faq',
  'support-contact',
  // koperasi-sinoman
  'kyc',
  'withdrawals',
  'financial-reports',
  'transactions',
  'fit-challenge',
] as const;
export type ConsoleSection = (typeof CONSOLE_SECTIONS)[number];

/** The figures a dashboard may chart (the reporting context's metrics). */
export const DASHBOARD_METRICS = [
  'sales',
  'orders',
  'commissions',
  'clicks',
  'deposits',
  'withdrawals',
  'netSavings',
] as const satisfies readonly DashboardMetric[];

/** What an app profile adds to the console: its sections and its dashboard's figures. */
export interface ConsoleSpec {
  sections: readonly ConsoleSection[];
  dashboard: readonly DashboardMetric[];
}

/** Sections every tenant's console has, whatever its apps. */
export const COMMON_SECTIONS: readonly ConsoleSection[] = [
  'dashboard',
  'settings',
  'jobs',
  'outbox',
  'audit-log',
];

/** The console of a tenant serving these apps: the common sections, then each app's in order, once each. */
export function consoleOf(specs: readonly ConsoleSpec[]): ConsoleSpec {
  const once = <T>(list: readonly T[]) => [...new Set(list)];
  return {
    sections: once([...COMMON_SECTIONS, ...specs.flatMap((s) => s.sections)]),
    dashboard: once(specs.flatMap((s) => s.dashboard)),
  };
}
