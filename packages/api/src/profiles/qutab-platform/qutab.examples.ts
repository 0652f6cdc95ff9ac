import type { OperationExamples } from '../shared/operation-examples.ts';
import { adminAffiliatesExamples } from './examples/admin-affiliates.examples.ts';
import { adminMoneyExamples } from './examples/admin-money.examples.ts';
import { affiliateExamples } from './examples/affiliate.examples.ts';
import { affiliateMoneyExamples } from './examples/affiliate-money.examples.ts';
import { qutabConsoleExamples } from './examples/console.examples.ts';
import { customerExamples } from './examples/customer.examples.ts';

/** The qutab-platform document's examples: the spec lists fields only, so the values are ours. */
export const qutabExamples: OperationExamples = {
  ...customerExamples,
  ...affiliateExamples,
  ...affiliateMoneyExamples,
  ...adminAffiliatesExamples,
  ...adminMoneyExamples,
  ...qutabConsoleExamples,
};
