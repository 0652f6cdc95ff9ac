// Our server as the bench runs it: the real app, plus — only while the qutab-platform profile has
// no such REST path yet — a bench-only route for the affiliate statistics and dashboard summary
// that calls the same service the profile will (AffiliateStatsService) after the same checks
// (access token and session, the signed-in account's approved affiliate). Once the profile serves
// a path, its procedure is what the scenario measures.
import { bearerToken, createApiContext, createLogger, createRestHandler, PROFILES } from '@komisi/api';
import type { Platform } from '@komisi/server';
import { type Context, Hono } from 'hono';

const STATS_PATHS = ['/affiliate/statistics', '/affiliate/dashboard/summary'] as const;

/** Which of the scenario's paths the qutab-platform profile serves itself (the rest get the bench route). */
export function profileServes(): Record<(typeof STATS_PATHS)[number], boolean> {
  const profile = PROFILES['qutab-platform'];
  const rest = profile ? createRestHandler(profile) : null;
  return {
    '/affiliate/statistics': rest?.has('GET', '/affiliate/statistics') ?? false,
    '/affiliate/dashboard/summary': rest?.has('GET', '/affiliate/dashboard/summary') ?? false,
  };
}

export function withBenchRoutes(platform: Pick<Platform, 'app' | 'services' | 'orm'>) {
  const { services, orm } = platform;
  const log = createLogger('warn');
  const served = profileServes();
  const outer = new Hono();

  async function affiliateScope(c: Context) {
    const tenant = await services.tenants.bySlug(c.req.param('tenant') ?? '');
    if (!tenant) return null;
    const scope = createApiContext(orm, services, log, {
      tenant,
      requestId: 'bench',
      ip: '127.0.0.1',
      authorization: undefined,
      baseUrl: '',
    }).scope();
    const token = bearerToken(c.req.header('authorization'));
    if (!token) return null;
    const claims = await services.identity.authenticate(scope, token);
    const [row] = await scope.em.execute<{ id: number; status: string }[]>(
      'select id, status from affiliate where tenant_id = ? and account_id = ?',
      [tenant.id, claims.accountId],
    );
    return row?.status === 'approved' ? { scope, affiliateId: row.id } : null;
  }

  const unauthorized = { success: false, error: { code: 'AUTH_TOKEN_INVALID', message: 'Unauthenticated.' } };
  const guarded =
    (
      work: (
        a: NonNullable<Awaited<ReturnType<typeof affiliateScope>>>,
        q: Record<string, string>,
      ) => Promise<unknown>,
    ) =>
    async (c: Context) => {
      try {
        const a = await affiliateScope(c);
        if (!a) return c.json(unauthorized, 401);
        return c.json({ success: true, data: await work(a, c.req.query()) });
      } catch (e) {
        const code = (e as { code?: unknown } | null)?.code;
        if (code === 'UNAUTHORIZED' || code === 'TOKEN_EXPIRED') return c.json(unauthorized, 401);
        throw e;
      }
    };

  if (!served['/affiliate/statistics']) {
    outer.get(
      '/t/:tenant/api/affiliate/statistics',
      guarded(({ scope, affiliateId }, q) =>
        services.affiliateStats.statistics(scope, affiliateId, {
          period: q.period as 'today',
          startDate: q.start_date,
          endDate: q.end_date,
        }),
      ),
    );
  }
  if (!served['/affiliate/dashboard/summary']) {
    outer.get(
      '/t/:tenant/api/affiliate/dashboard/summary',
      guarded(({ scope, affiliateId }) => services.affiliateStats.summary(scope, affiliateId)),
    );
  }
  // everything else (and the connection info client-ip needs) goes to the real app
  outer.all('*', (c) => platform.app.fetch(c.req.raw, c.env));
  return outer;
}
