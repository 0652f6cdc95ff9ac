import { consoleExamples } from '../../shared/console/console.examples.ts';
import { COMMON_SECTIONS as COMMON } from '../../shared/console/console-spec.ts';
import type { OperationExamples } from '../../shared/operation-examples.ts';

/** The admin console's operations as this document shows them (its tenant's sections and figures). */
export const affiliateMarketerConsoleExamples: OperationExamples = {
  ...consoleExamples({
    slug: 'ansania',
    name: 'Ansania',
    profile: 'ansania-ecommerce',
    profiles: ['ansania-ecommerce', 'affiliate-marketer'],
    currency: 'IDR',
    timeZone: 'Asia/Jakarta',
    locales: ['id-ID', 'en-US'],
    sections: [...COMMON, 'orders', 'vouchers', 'catalog', 'voucher-affiliates'],
    metrics: ['sales', 'orders', 'commissions'],
    day: { sales: 12750000, orders: 4, commissions: 637500 },
    job: 'shop-order-expiry',
  }),
};
