import { createApiContext, type Logger, type Services, type TenantRecord } from '@komisi/api';
import { type Context, Hono } from 'hono';

export interface FileRouteOptions {
  services: Services;
  log: Logger;
}

/**
 * Never cached by anyone but the viewer's browser for this response; never sniffed, never run. The
 * signed link is the permission, so a frontend on another origin may show it (`<img src>`).
 */
const FILE_HEADERS = {
  'cache-control': 'private, no-store',
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; sandbox",
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'cross-origin',
} as const;

/**
 * Stored files behind signed links: `GET /t/{tenant}/files/{id}?v=&exp=&sig=`, and `GET /files/{id}`
 * on a host mapped to a tenant. The signature and expiry are checked in constant time (403 when
 * wrong or expired, the same answer either way); a link to a deleted file is 404; otherwise the
 * decrypted bytes, authenticated by their GCM tag before the first byte is sent.
 */
export function fileRoutes({ services, log }: FileRouteOptions) {
  const app = new Hono<{ Variables: { requestId: string } }>();

  app.get('/t/:tenant/files/:id', async (c) => {
    const tenant = await services.tenants.bySlug(c.req.param('tenant'));
    if (!tenant) return c.json({ error: 'Not found' }, 404, FILE_HEADERS);
    return serve(c, tenant, c.req.param('id'));
  });

  app.get('/files/:id', async (c) => {
    const tenant = await services.tenants.byHost(new URL(c.req.url).hostname);
    if (!tenant) return c.json({ error: 'Not found' }, 404, FILE_HEADERS);
    return serve(c, tenant, c.req.param('id'));
  });

  async function serve(c: Context, tenant: TenantRecord, id: string) {
    const scope = createApiContext(services.orm, services, log, {
      tenant,
      requestId: c.get('requestId') as string,
      ip: '',
      authorization: undefined,
      baseUrl: '',
    }).scope();
    const result = await services.files.openSigned(scope, id, {
      v: c.req.query('v'),
      exp: c.req.query('exp'),
      sig: c.req.query('sig'),
    });
    if (!result.ok) {
      const error = result.status === 403 ? 'This link is invalid or has expired' : 'Not found';
      return c.json({ error }, result.status, FILE_HEADERS);
    }
    const { bytes, contentType } = result.file;
    return c.body(new Uint8Array(bytes), 200, {
      ...FILE_HEADERS,
      'content-type': contentType,
      'content-length': String(bytes.length),
      // images show in an <img>; anything else (a member's PDF) is only ever downloaded, never rendered here
      'content-disposition': contentType.startsWith('image/') ? 'inline' : 'attachment',
    });
  }

  return app;
}
