import { consoleExamples } from '../../shared/console/console.examples.ts';
import { COMMON_SECTIONS as COMMON } from '../../shared/console/console-spec.ts';
import type { OperationExamples } from '../../shared/operation-examples.ts';

/** The admin console's operations as this document shows them (its tenant's sections and figures). */
export const qutabConsoleExamples: OperationExamples = {
  ...consoleExamples({
    slug: 'qutab',
    name: 'Qutab',
    profile: 'qutab-platform',
    profiles: ['qutab-platform'],
    currency: 'IDR',
    timeZone: 'Asia/Jakarta',
    locales: ['id-ID', 'en-US'],
    sections: [
      ...COMMON,
      'affiliate-applications',
      'verifications',
      'payouts',
      'orders',
      'materials',
      'faq',
      'support-contact',
    ],
    metrics: ['sales', 'orders', 'commissions', 'clicks'],
    day: { sales: 7500000, orders: 2, commissions: 375000, clicks: 184 },
    job: 'affiliate-commission-release',
  }),
};
