import { auditLogExamples } from '../shared/audit-log.examples.ts';
import type { OperationExamples } from '../shared/operation-examples.ts';
import { accountExamples } from './examples/account.examples.ts';
import { adminCatalogExamples } from './examples/admin-catalog.examples.ts';
import { adminOrdersExamples } from './examples/admin-orders.examples.ts';
import { adminVouchersExamples } from './examples/admin-vouchers.examples.ts';
import { cartExamples } from './examples/cart.examples.ts';
import { catalogExamples } from './examples/catalog.examples.ts';
import { ansaniaConsoleExamples } from './examples/console.examples.ts';
import { ordersExamples } from './examples/orders.examples.ts';

/** The ansania-ecommerce document's examples: the spec's own, completed where it elides fields. */
export const ansaniaExamples: OperationExamples = {
  ...accountExamples,
  ...catalogExamples,
  ...cartExamples,
  ...ordersExamples,
  ...adminOrdersExamples,
  ...adminVouchersExamples,
  ...adminCatalogExamples,
  ...ansaniaConsoleExamples,
  ...auditLogExamples,
};
