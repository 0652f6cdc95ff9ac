import type { OperationExamples } from '../shared/operation-examples.ts';
import { accountExamples } from './examples/account.examples.ts';
import { adminExamples } from './examples/admin.examples.ts';
import { adminMembersExamples } from './examples/admin-members.examples.ts';
import { adminSalesExamples } from './examples/admin-sales.examples.ts';
import { dtehmConsoleExamples } from './examples/console.examples.ts';
import { membershipExamples } from './examples/membership.examples.ts';
import { ordersExamples } from './examples/orders.examples.ts';
import { productsExamples } from './examples/products.examples.ts';
import { usersExamples } from './examples/users.examples.ts';

/** The dtehm-mobile document's examples: the spec's own, completed where it elides fields. */
export const dtehmExamples: OperationExamples = {
  ...usersExamples,
  ...membershipExamples,
  ...productsExamples,
  ...ordersExamples,
  ...accountExamples,
  ...adminExamples,
  ...adminMembersExamples,
  ...adminSalesExamples,
  ...dtehmConsoleExamples,
};
