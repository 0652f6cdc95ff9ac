import { consoleExamples, mlmPreviewExample } from '../../shared/console/console.examples.ts';
import { COMMON_SECTIONS as COMMON } from '../../shared/console/console-spec.ts';
import type { OperationExamples } from '../../shared/operation-examples.ts';

/** The admin console's operations as this document shows them (its tenant's sections and figures). */
export const dtehmConsoleExamples: OperationExamples = {
  ...consoleExamples({
    slug: 'dtehm',
    name: 'DTEHM',
    profile: 'dtehm-mobile',
    profiles: ['dtehm-mobile'],
    currency: 'UGX',
    timeZone: 'Africa/Kampala',
    locales: ['en-UG', 'en-US'],
    sections: [...COMMON, 'members', 'network', 'stockists', 'mlm-plan', 'catalog', 'orders', 'commissions'],
    metrics: ['sales', 'orders', 'commissions'],
    day: { sales: 2550000, orders: 3, commissions: 522750 },
    job: 'shop-order-expiry',
  }),
  ...mlmPreviewExample,
};
