import type { OperationExamples } from '../shared/operation-examples.ts';
import { adminFinancialExamples } from './examples/admin-financial.examples.ts';
import { adminMembersExamples } from './examples/admin-members.examples.ts';
import { authExamples } from './examples/auth.examples.ts';
import { sinomanConsoleExamples } from './examples/console.examples.ts';
import { fitChallengeExamples } from './examples/fit-challenge.examples.ts';
import { membersExamples } from './examples/members.examples.ts';
import { otpExamples } from './examples/otp.examples.ts';
import { savingsExamples } from './examples/savings.examples.ts';
import { webhooksExamples } from './examples/webhooks.examples.ts';

/** The koperasi-sinoman document's own examples, operation by operation. */
export const sinomanExamples: OperationExamples = {
  ...authExamples,
  ...otpExamples,
  ...membersExamples,
  ...savingsExamples,
  ...fitChallengeExamples,
  ...adminMembersExamples,
  ...adminFinancialExamples,
  ...webhooksExamples,
  ...sinomanConsoleExamples,
};
