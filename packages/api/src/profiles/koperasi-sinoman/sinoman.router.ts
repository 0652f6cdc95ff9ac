import { router } from '../../kernel/trpc.ts';
import { consoleRouter } from '../shared/console/router.ts';
import { adminFinancialRouter } from './admin-financial.router.ts';
import { adminFitChallengeRouter } from './admin-fit-challenge.router.ts';
import { adminMembersRouter } from './admin-members.router.ts';
import { adminSavingsRouter } from './admin-savings.router.ts';
import { authRouter } from './auth.router.ts';
import { fitChallengeRouter } from './fit-challenge.router.ts';
import { membersRouter } from './members.router.ts';
import { otpRouter } from './otp.router.ts';
import { savingsRouter } from './savings.router.ts';
import { webhooksRouter } from './webhooks.router.ts';

/** The koperasi-sinoman app (savings cooperative): members, savings, the Fit Challenge, administration. */
export const sinomanRouter = router({
  auth: authRouter,
  otp: otpRouter,
  members: membersRouter,
  savings: savingsRouter,
  fitChallenge: fitChallengeRouter,
  adminMembers: adminMembersRouter,
  adminSavings: adminSavingsRouter,
  adminFinancial: adminFinancialRouter,
  adminFitChallenge: adminFitChallengeRouter,
  webhooks: webhooksRouter,
  console: consoleRouter,
});

export type SinomanRouter = typeof sinomanRouter;
