import { router } from '../../kernel/trpc.ts';
import { consoleRouter } from '../shared/console/router.ts';
import { adminRouter } from './admin.router.ts';
import { affiliateAuthRouter } from './affiliate-auth.router.ts';
import { affiliateMoneyRouter } from './affiliate-money.router.ts';
import { affiliateRouter } from './affiliate-router/router.ts';
import { authRouter } from './auth.router.ts';
import { ordersRouter, productsRouter } from './orders.router.ts';
import { profileRouter } from './profile.router.ts';

/** The qutab-platform app (qurban shop with an affiliate programme), grown area by area. */
export const qutabRouter = router({
  auth: authRouter,
  profile: profileRouter,
  products: productsRouter,
  orders: ordersRouter,
  affiliateAuth: affiliateAuthRouter,
  affiliate: affiliateRouter,
  affiliateMoney: affiliateMoneyRouter,
  admin: adminRouter,
  console: consoleRouter,
});

export type QutabRouter = typeof qutabRouter;
