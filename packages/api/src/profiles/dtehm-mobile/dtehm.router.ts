import { router } from '../../kernel/trpc.ts';
import { networkConsoleRouter } from '../shared/console/router.ts';
import { accountRouter } from './account.router.ts';
import { adminRouter } from './admin.router.ts';
import { adminMembersRouter } from './admin-members.router.ts';
import { adminSalesRouter } from './admin-sales.router.ts';
import { membershipRouter } from './membership.router.ts';
import { ordersRouter } from './orders.router.ts';
import { productsRouter } from './products.router.ts';
import { authRouter, usersRouter } from './users.router.ts';

/**
 * The dtehm-mobile app: its 16 documented endpoints, the administrators' (catalog, members, orders and
 * commissions), SDK token calls, and the admin console's (with the MLM plan's what-if preview).
 */
export const dtehmRouter = router({
  users: usersRouter,
  auth: authRouter,
  membership: membershipRouter,
  products: productsRouter,
  orders: ordersRouter,
  user: accountRouter,
  admin: { ...adminRouter, ...adminMembersRouter, ...adminSalesRouter },
  console: networkConsoleRouter,
});

export type DtehmRouter = typeof dtehmRouter;
