import { consoleExamples } from '../../shared/console/console.examples.ts';
import { COMMON_SECTIONS as COMMON } from '../../shared/console/console-spec.ts';
import type { OperationExamples } from '../../shared/operation-examples.ts';

/** The admin console's operations as this document shows them (its tenant's sections and figures). */
export const sinomanConsoleExamples: OperationExamples = {
  ...consoleExamples({
    slug: 'sinoman',
    name: 'Koperasi Sinoman',
    profile: 'koperasi-sinoman',
    profiles: ['koperasi-sinoman'],
    currency: 'IDR',
    timeZone: 'Asia/Jakarta',
    locales: ['id-ID', 'en-US'],
    sections: [
      ...COMMON,
      'members',
      'kyc',
      'withdrawals',
      'financial-reports',
      'transactions',
      'fit-challenge',
    ],
    metrics: ['deposits', 'withdrawals', 'netSavings'],
    day: { deposits: 4500000, withdrawals: 1200000, netSavings: 3300000 },
    now: { totalSavings: 1284500000, activeMembers: 312 },
    job: 'savings-monthly-interest',
  }),
};
