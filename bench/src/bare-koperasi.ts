// The bench cooperative's administrators' member list, members' savings history and Midtrans
// notifications on bare Hono + `pg`, in the koperasi envelope (`{ success, data }`).
import { Hono } from 'hono';
import type pg from 'pg';
import { adminMembers } from './bare-admin-members.ts';
import { createBareAuth } from './bare-auth.ts';
import { midtransNotification } from './bare-deposit-settlement.ts';
import { isAdmin } from './bare-financial-dashboard.ts';
import { HttpError } from './bare-http.ts';
import { memberTransactions } from './bare-member-transactions.ts';

const CODES: Record<number, string> = {
  400: 'VALIDATION_FAILED',
  401: 'AUTH_TOKEN_INVALID',
  403: 'AUTH_INSUFFICIENT_PERMISSIONS',
  422: 'VALIDATION_FAILED',
};

export async function mountBenchCooperative(app: Hono, pool: pg.Pool, slug: string, secret: string) {
  const { rows } = await pool.query<{
    id: number;
    time_zone: string;
    currency: string;
    settings: { payments?: { midtrans?: { baseUrl: string; serverKey: string; callbackToken?: string } } };
  }>('select id, time_zone, currency, settings from tenant where slug = $1', [slug]);
  const tenant = rows[0];
  if (!tenant) return;
  const authenticate = createBareAuth(pool, secret, tenant.id);
  const signedIn = async (header: string | undefined) => {
    const accountId = await authenticate(header);
    if (accountId === null) throw new HttpError(401, 'Unauthenticated.');
    return accountId;
  };
  const midtrans = tenant.settings.payments?.midtrans;
  const api = new Hono();
  api.onError((err, c) => {
    const status = err instanceof HttpError ? err.status : 500;
    if (status === 500) console.error(err);
    return c.json(
      {
        success: false,
        error: {
          code: CODES[status] ?? 'INTERNAL_ERROR',
          message: err.message,
          timestamp: new Date().toISOString(),
        },
      },
      status as 400,
    );
  });

  api.get('/admin/members', async (c) => {
    const header = c.req.header('authorization');
    await signedIn(header);
    if (!isAdmin(header)) throw new HttpError(403, 'Admins only.');
    return c.json({ success: true, data: await adminMembers(pool, tenant.id, c.req.query()) });
  });
  api.get('/savings/transactions', async (c) => {
    const member = await signedIn(c.req.header('authorization'));
    const data = await memberTransactions(pool, tenant.id, tenant.time_zone, member, c.req.query());
    return c.json({ success: true, data });
  });
  api.post('/webhooks/midtrans', async (c) => {
    if (!midtrans) throw new HttpError(404, 'Midtrans is not configured');
    const body = await midtransNotification(
      pool,
      { tenantId: tenant.id, currency: tenant.currency, ...midtrans },
      c.req.header(),
      await c.req.text(),
    );
    return c.json(body);
  });
  app.route(`/t/${slug}/api`, api);
}
