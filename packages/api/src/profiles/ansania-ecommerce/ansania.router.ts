import { router } from '../../platform/trpc.ts';
import { authRouter } from './auth.router.ts';
import { userRouter } from './user.router.ts';

/** The ansania-ecommerce app (furniture store): documented endpoints, grown area by area. */
export const ansaniaRouter = router({
  auth: authRouter,
  user: userRouter,
});

export type AnsaniaRouter = typeof ansaniaRouter;
