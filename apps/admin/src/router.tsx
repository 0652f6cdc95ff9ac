import {
  createRootRoute,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
} from '@tanstack/react-router';
import { PlatformLayout } from './layout/PlatformLayout.tsx';
import { TenantLayout } from './layout/TenantLayout.tsx';
import { NotFound } from './screens/NotFound.tsx';
import { sessionStore } from './session/session-store.ts';

// Code-based routes: the tree is this file, typed end to end, with no generated route file to keep
// in step before `tsc` can run. Pages load lazily (each its own chunk).

const rootRoute = createRootRoute({ component: Outlet, notFoundComponent: NotFound });

/** Where a signed-in administrator starts; the sign-in page otherwise. */
function home() {
  const session = sessionStore.get();
  if (session?.kind === 'tenant')
    return { to: '/t/$tenant', params: { tenant: session.tenant.slug } } as const;
  if (session?.kind === 'platform') return { to: '/platform/tenants' } as const;
  return { to: '/sign-in' } as const;
}

const indexRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  beforeLoad: () => {
    throw redirect(home());
  },
});

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'sign-in',
  validateSearch: (search: Record<string, unknown>): { tenant?: string; ended?: boolean } => ({
    ...(typeof search.tenant === 'string' && { tenant: search.tenant }),
    ...(search.ended === true && { ended: true }),
  }),
  component: lazyRouteComponent(() => import('./screens/sign-in/SignInPage.tsx')),
});

const platformSignInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'platform/sign-in',
  validateSearch: (search: Record<string, unknown>): { ended?: boolean } =>
    search.ended === true ? { ended: true } : {},
  component: lazyRouteComponent(() => import('./screens/sign-in/PlatformSignInPage.tsx')),
});

const platformRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'platform',
  beforeLoad: ({ location }) => {
    if (location.pathname.endsWith('/platform/sign-in')) return;
    if (sessionStore.get()?.kind !== 'platform') throw redirect({ to: '/platform/sign-in' });
  },
  component: PlatformLayout,
});

const platformIndexRoute = createRoute({
  getParentRoute: () => platformRoute,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: '/platform/tenants' });
  },
});

const tenantsRoute = createRoute({
  getParentRoute: () => platformRoute,
  path: 'tenants',
  component: lazyRouteComponent(() => import('./screens/platform/TenantsPage.tsx')),
});

const tenantDetailRoute = createRoute({
  getParentRoute: () => platformRoute,
  path: 'tenants/$slug',
  component: lazyRouteComponent(() => import('./screens/platform/TenantDetailPage.tsx')),
});

export const tenantRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 't/$tenant',
  beforeLoad: ({ params }) => {
    const session = sessionStore.get();
    if (session?.kind !== 'tenant' || session.tenant.slug !== params.tenant)
      throw redirect({ to: '/sign-in', search: { tenant: params.tenant } });
  },
  component: TenantLayout,
});

const tenantIndexRoute = createRoute({
  getParentRoute: () => tenantRoute,
  path: '/',
  component: lazyRouteComponent(() => import('./screens/TenantOverview.tsx')),
});

export const sectionRoute = createRoute({
  getParentRoute: () => tenantRoute,
  path: '$section',
  component: lazyRouteComponent(() => import('./screens/SectionPage.tsx')),
});

const routeTree = rootRoute.addChildren([
  indexRoute,
  signInRoute,
  platformSignInRoute,
  platformRoute.addChildren([platformIndexRoute, tenantsRoute, tenantDetailRoute]),
  tenantRoute.addChildren([tenantIndexRoute, sectionRoute]),
]);

export const router = createRouter({
  routeTree,
  basepath: import.meta.env.BASE_URL,
  defaultPreload: 'intent',
  scrollRestoration: true,
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
