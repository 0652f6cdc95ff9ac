import { router } from '../../kernel/trpc.ts';
import { auditLogRouter } from '../shared/audit-log.router.ts';
import { consoleRouter } from '../shared/console/router.ts';
import { adminCatalogRouter } from './admin-catalog.router.ts';
import { adminOrdersRouter } from './admin-orders.router.ts';
import { adminVouchersRouter } from './admin-vouchers.router.ts';
import { authRouter } from './auth.router.ts';
import { cartRouter } from './cart.router.ts';
import { catalogRouter } from './catalog.router.ts';
import { checkoutRouter } from './checkout.router.ts';
import { ordersRouter } from './orders.router.ts';
import { userRouter } from './user.router.ts';
import { vouchersRouter } from './vouchers.router.ts';
import { wishlistRouter } from './wishlist.router.ts';

/** The ansania-ecommerce app (furniture store): documented endpoints, grown area by area. */
export const ansaniaRouter = router({
  auth: authRouter,
  user: userRouter,
  products: catalogRouter,
  cart: cartRouter,
  vouchers: vouchersRouter,
  wishlist: wishlistRouter,
  checkout: checkoutRouter,
  orders: ordersRouter,
  // Not `admin`: the tenant's router merges the affiliate-marketer profile's, which has that key.
  adminOrders: adminOrdersRouter,
  adminVouchers: adminVouchersRouter,
  adminCatalog: adminCatalogRouter,
  console: consoleRouter,
  auditLog: auditLogRouter,
});

export type AnsaniaRouter = typeof ansaniaRouter;
