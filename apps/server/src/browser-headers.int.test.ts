import { createHash } from 'node:crypto';
import { createLogger } from '@komisi/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ansaniaFixtures } from './ansania/cart-fixtures.ts';
import { createApp } from './app.ts';
import { startTestApp, type TestApp } from './testing/test-app.ts';

// What a browser frontend on another origin and a security auditor see: CORS per tenant (the
// tenant's `allowedOrigins` plus KOMISI_CORS_ORIGINS), the guest-cart cookie across sites, and the
// security headers on every kind of response.
const SHOP = 'https://shop.example'; // listed by the ansania tenant's setting
const ENV_ORIGIN = 'https://frontend.example'; // listed for every tenant by KOMISI_CORS_ORIGINS
const STRANGER = 'https://evil.example';

let app: TestApp;
let fx: ReturnType<typeof ansaniaFixtures>;
beforeAll(async () => {
  app = await startTestApp({
    env: {
      KOMISI_CORS_ORIGINS: `${ENV_ORIGIN}/`,
      KOMISI_TENANT_HOSTS: 'api.shop.example=ansania',
      KOMISI_TRUST_PROXY: 'true',
    },
  });
  fx = ansaniaFixtures(app);
  await app.orm.em
    .fork()
    .getConnection()
    .execute(`update tenant set settings = settings || ?::jsonb where slug = 'ansania'`, [
      JSON.stringify({ allowedOrigins: [SHOP, 'not an origin'] }),
    ]);
  await app.services.tenants.invalidate();
});
afterAll(async () => {
  await app.close();
});

const preflight = (url: string, origin: string, method = 'POST', headers = 'content-type,x-cart-token') =>
  app.app.request(url, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': headers },
  });
const list = (header: string | null) => (header ?? '').split(',').map((h) => h.trim().toLowerCase());

describe('CORS preflight', () => {
  it('answers a listed origin 204 with itself, credentials, the methods and the headers a frontend sends', async () => {
    const res = await preflight('/t/ansania/api/auth/login', SHOP);
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(SHOP);
    expect(res.headers.get('access-control-allow-credentials')).toBe('true');
    expect(list(res.headers.get('access-control-allow-methods'))).toEqual(
      expect.arrayContaining(['get', 'post', 'put', 'patch', 'delete']),
    );
    expect(list(res.headers.get('access-control-allow-headers'))).toEqual(
      expect.arrayContaining(['authorization', 'content-type', 'x-cart-token', 'x-request-id']),
    );
    expect(res.headers.get('access-control-max-age')).toBe('600');
    expect(list(res.headers.get('vary'))).toContain('origin');
    expect(await res.text()).toBe('');
  });

  it("allows tRPC's headers on the SDK's endpoint", async () => {
    const res = await preflight('/t/ansania/trpc/cart.get', SHOP, 'GET', 'trpc-accept,x-trpc-source');
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(SHOP);
    expect(list(res.headers.get('access-control-allow-headers'))).toEqual(
      expect.arrayContaining(['trpc-accept', 'x-trpc-source']),
    );
  });

  it('refuses an unlisted origin with 403 and no Access-Control header', async () => {
    const res = await preflight('/t/ansania/api/auth/login', STRANGER);
    expect(res.status).toBe(403);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    expect(res.headers.get('access-control-allow-methods')).toBeNull();
    expect((await res.json()).error.code).toBe('CORS_ORIGIN_NOT_ALLOWED');
  });

  it('never answers with *, nor for a look-alike of a listed origin', async () => {
    for (const origin of ['null', 'https://shop.example.evil.example', 'http://shop.example', '*']) {
      const res = await preflight('/t/ansania/api/auth/login', origin);
      expect(res.status, origin).toBe(403);
      expect(res.headers.get('access-control-allow-origin'), origin).toBeNull();
    }
  });

  it("allows the server-wide origin (KOMISI_CORS_ORIGINS) on every tenant, a tenant's own only on it", async () => {
    const dtehm = await preflight('/t/dtehm/api/users/login', ENV_ORIGIN);
    expect(dtehm.status).toBe(204);
    expect(dtehm.headers.get('access-control-allow-origin')).toBe(ENV_ORIGIN);
    expect((await preflight('/t/ansania/api/auth/login', ENV_ORIGIN)).status).toBe(204);
    const other = await preflight('/t/dtehm/api/users/login', SHOP);
    expect(other.status).toBe(403);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers on a host mapped to the tenant, and for its referral and file links', async () => {
    for (const url of [
      'https://api.shop.example/api/auth/login',
      'https://api.shop.example/files/1',
      '/t/ansania/files/1',
    ]) {
      const res = await preflight(url, SHOP, 'GET', 'authorization');
      expect(res.status, url).toBe(204);
      expect(res.headers.get('access-control-allow-origin'), url).toBe(SHOP);
    }
    expect((await preflight('https://unmapped.example/api/auth/login', SHOP)).status).toBe(404);
  });

  it('picks up a changed tenant setting once the tenant directory reloads', async () => {
    const other = 'https://second-shop.example';
    expect((await preflight('/t/qutab/api/auth/login', other)).status).toBe(403);
    await app.orm.em
      .fork()
      .getConnection()
      .execute(`update tenant set settings = settings || ?::jsonb where slug = 'qutab'`, [
        JSON.stringify({ allowedOrigins: [other] }),
      ]);
    await app.services.tenants.invalidate();
    const res = await preflight('/t/qutab/api/auth/login', other);
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(other);
  });
});

describe('CORS on the actual requests', () => {
  it("lets a shop's storefront log in with a preflighted POST and read the headers it needs", async () => {
    expect((await preflight('/t/ansania/api/auth/login', SHOP, 'POST', 'content-type')).status).toBe(204);
    const res = await app.app.request('/t/ansania/api/auth/login', {
      method: 'POST',
      headers: { origin: SHOP, 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'test@example.com', password: 'TestPass123!' }),
    });
    expect(res.status).toBe(200);
    expect((await res.json()).data.token).toEqual(expect.any(String));
    expect(res.headers.get('access-control-allow-origin')).toBe(SHOP);
    expect(res.headers.get('access-control-allow-credentials')).toBe('true');
    expect(list(res.headers.get('vary'))).toContain('origin');
    const exposed = list(res.headers.get('access-control-expose-headers'));
    expect(exposed).toEqual(
      expect.arrayContaining([
        'x-cart-token',
        'x-request-id',
        'x-response-time',
        'x-ratelimit-limit',
        'x-ratelimit-remaining',
        'x-ratelimit-reset',
        'retry-after',
      ]),
    );
    // and the headers it may read are there
    expect(res.headers.get('x-request-id')).toBeTruthy();
    expect(res.headers.get('x-ratelimit-limit')).toBe('100');
  });

  it('leaves an unlisted origin without Access-Control headers (the browser keeps the answer from it)', async () => {
    const res = await app.app.request('/t/ansania/api/products', { headers: { origin: STRANGER } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    expect(res.headers.get('access-control-expose-headers')).toBeNull();
    expect(list(res.headers.get('vary'))).toContain('origin');
  });

  it('adds nothing for a request without Origin (apps, servers) but Vary: Origin', async () => {
    const res = await app.app.request('/t/ansania/api/products');
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(list(res.headers.get('vary'))).toContain('origin');
  });

  it('is not applied where no tenant is known (docs, health, the sandbox page)', async () => {
    for (const url of ['/health', '/docs/']) {
      const res = await app.app.request(url, { headers: { origin: SHOP } });
      expect(res.headers.get('access-control-allow-origin'), url).toBeNull();
    }
  });
});

describe('guest cart cookie across sites', () => {
  const addToCart = async (url: string, headers: Record<string, string>) => {
    const variant = await fx.variant({ stock: 10 });
    return app.app.request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ product_variant_id: variant.id, quantity: 1 }),
    });
  };

  it('is SameSite=None; Secure for a listed origin over https through the trusted proxy, and comes back', async () => {
    const res = await addToCart('/t/ansania/api/cart/items', { origin: SHOP, 'x-forwarded-proto': 'https' });
    expect(res.status).toBe(201);
    const token = res.headers.get('x-cart-token')!;
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toContain(`cart_token=${token}`);
    expect(cookie).toMatch(/; SameSite=None; Secure(;|$)/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(res.headers.get('access-control-allow-origin')).toBe(SHOP);
    expect(res.headers.get('access-control-allow-credentials')).toBe('true');
    expect(res.headers.get('cache-control')).toBe('no-store');
    // the browser sends the cookie back (credentials: 'include'): the same cart, no new token
    const again = await app.app.request('/t/ansania/api/cart', {
      headers: { origin: SHOP, 'x-forwarded-proto': 'https', cookie: `cart_token=${token}` },
    });
    expect(again.status).toBe(200);
    expect((await again.json()).data.cart.items).toHaveLength(1);
    expect(again.headers.get('set-cookie')).toBeNull();
  });

  it('is SameSite=None; Secure for a listed origin on an https request URL (TLS at this process)', async () => {
    const res = await addToCart('https://komisi.test/t/ansania/api/cart/items', { origin: SHOP });
    expect(res.status).toBe(201);
    expect(res.headers.get('set-cookie')).toMatch(/; SameSite=None; Secure(;|$)/);
  });

  it('stays SameSite=Lax for an unlisted origin, without Origin, and over plain http', async () => {
    const stranger = await addToCart('/t/ansania/api/cart/items', {
      origin: STRANGER,
      'x-forwarded-proto': 'https',
    });
    expect(stranger.headers.get('set-cookie')).toMatch(/; SameSite=Lax; Secure$/);
    const app_ = await addToCart('/t/ansania/api/cart/items', {});
    expect(app_.headers.get('set-cookie')).toMatch(/; SameSite=Lax$/);
    // SameSite=None needs Secure: over http (local development, same site) the cookie stays Lax
    const http = await addToCart('/t/ansania/api/cart/items', { origin: SHOP });
    expect(http.headers.get('set-cookie')).toMatch(/; SameSite=Lax$/);
  });
});

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': expect.stringMatching(/^(no-referrer|strict-origin-when-cross-origin)$/),
  'content-security-policy': expect.stringContaining("frame-ancestors 'none'"),
  'cross-origin-opener-policy': 'same-origin',
};
const securityHeadersOf = (res: Response) =>
  Object.fromEntries(Object.keys(SECURITY_HEADERS).map((h) => [h, res.headers.get(h)]));

describe('security headers', () => {
  it('are on JSON answers, with a CSP that loads nothing', async () => {
    const res = await app.app.request('/t/dtehm/api/products/categories');
    expect(res.status).toBe(200);
    expect(securityHeadersOf(res)).toEqual(SECURITY_HEADERS);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('are on error answers: unknown tenant, unauthenticated, invalid input, unknown host', async () => {
    const json = { 'content-type': 'application/json' };
    for (const [url, init] of [
      ['/t/nobody/api/products', {}],
      ['/t/ansania/api/user/profile', {}],
      ['/t/ansania/api/auth/login', { method: 'POST', body: '{}', headers: json }],
      ['https://unmapped.example/anything', {}],
    ] as const) {
      const res = await app.app.request(url, init);
      expect(res.status, url).toBeGreaterThanOrEqual(400);
      expect(securityHeadersOf(res), url).toEqual(SECURITY_HEADERS);
    }
  });

  it('are on preflight answers, allowed or refused', async () => {
    expect(securityHeadersOf(await preflight('/t/ansania/api/auth/login', SHOP))).toEqual(SECURITY_HEADERS);
    expect(securityHeadersOf(await preflight('/t/ansania/api/auth/login', STRANGER))).toEqual(
      SECURITY_HEADERS,
    );
  });

  it('give the sandbox pay page a CSP that allows its own style (by hash) and its form, and no framing', async () => {
    const { id: tenantId } = await fx.tenant();
    await app.orm.em
      .fork()
      .getConnection()
      .execute(
        `insert into sandbox_charge (reference, tenant_id, merchant_reference, amount, currency, description, status, created_at)
         values ('SBX-headers1', ?, 'ORD-1', 100000, 'IDR', 'Header check', 'pending', now())`,
        [tenantId],
      );
    const res = await app.app.request('/sandbox/pay/SBX-headers1');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<form method="post">');
    expect(securityHeadersOf(res)).toEqual(SECURITY_HEADERS);
    const csp = res.headers.get('content-security-policy')!;
    const style = /<style>([^<]*)<\/style>/.exec(html)![1]!;
    const hash = createHash('sha256').update(style).digest('base64');
    expect(csp).toContain(`style-src 'sha256-${hash}'`);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("form-action 'self'");
    expect(csp).toContain("img-src 'self'");
    expect(csp).not.toContain('unsafe');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    const unknown = await app.app.request('/sandbox/pay/SBX-nothing');
    expect(unknown.status).toBe(404);
    expect(securityHeadersOf(unknown)).toEqual(SECURITY_HEADERS);
  });

  it('give the payment-complete page a CSP that loads nothing but its favicon and forbids framing', async () => {
    const res = await app.app.request('/t/ansania/payment-complete');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(securityHeadersOf(res)).toEqual(SECURITY_HEADERS);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("img-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(await res.text()).toContain('<link rel="icon" href="/favicon.svg"');
    // JSON answers keep the policy that loads nothing at all
    const json = await app.app.request('/t/dtehm/api/products/categories');
    expect(json.headers.get('content-security-policy')).not.toContain('img-src');
  });

  it("give the docs pages a CSP that runs the local Scalar bundle and nothing from elsewhere; the bundle's caching stays", async () => {
    for (const url of ['/docs/', '/docs/dtehm-mobile/']) {
      const res = await app.app.request(url);
      expect(res.status, url).toBe(200);
      expect(securityHeadersOf(res), url).toEqual(SECURITY_HEADERS);
      const csp = res.headers.get('content-security-policy')!;
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("connect-src 'self'");
      expect(csp).not.toMatch(/https?:|\*/);
    }
    const page = await (await app.app.request('/docs/dtehm-mobile/')).text();
    expect(page).toContain('<script src="/docs/assets/scalar.js">');
    const bundle = await app.app.request('/docs/assets/scalar.js');
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('cache-control')).toBe('public, max-age=86400');
    expect(bundle.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('keep the file links their own sandboxing CSP, and let other origins show them', async () => {
    const res = await app.app.request('/t/ansania/files/1?v=1&exp=1&sig=x');
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(res.headers.get('cache-control')).toBe('private, no-store');
  });
});

describe('Cache-Control: no-store', () => {
  it('is on an authenticated answer, and not on an anonymous public one', async () => {
    const user = await fx.user();
    const authed = await app.app.request('/t/ansania/api/user/profile', {
      headers: { authorization: `Bearer ${user.token}` },
    });
    expect(authed.status).toBe(200);
    expect(authed.headers.get('cache-control')).toBe('no-store');
    // even when the token is refused
    const refused = await app.app.request('/t/ansania/api/user/profile', {
      headers: { authorization: 'Bearer not-a-token' },
    });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('cache-control')).toBe('no-store');
    const anonymous = await app.app.request('/t/dtehm/api/products/categories');
    expect(anonymous.headers.get('cache-control')).toBeNull();
  });
});

describe('Strict-Transport-Security', () => {
  it('is sent over https through the trusted proxy, and on an https request URL', async () => {
    const proxied = await app.app.request('/t/dtehm/api/products/categories', {
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(proxied.headers.get('strict-transport-security')).toBe('max-age=15552000; includeSubDomains');
    const direct = await app.app.request('https://komisi.test/docs/');
    expect(direct.headers.get('strict-transport-security')).toBe('max-age=15552000; includeSubDomains');
  });

  it('is not sent over plain http', async () => {
    const res = await app.app.request('/t/dtehm/api/products/categories');
    expect(res.headers.get('strict-transport-security')).toBeNull();
    const proxiedHttp = await app.app.request('/t/dtehm/api/products/categories', {
      headers: { 'x-forwarded-proto': 'http' },
    });
    expect(proxiedHttp.headers.get('strict-transport-security')).toBeNull();
  });

  it('is not sent for X-Forwarded-Proto: https when the proxy is not trusted', async () => {
    const untrusted = createApp({ services: app.services, log: createLogger('silent'), trustProxy: false });
    const res = await untrusted.request('/t/dtehm/api/products/categories', {
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('strict-transport-security')).toBeNull();
    // nor does the cart cookie believe it
    const variant = await fx.variant({ stock: 5 });
    const cart = await untrusted.request('/t/ansania/api/cart/items', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https', origin: SHOP },
      body: JSON.stringify({ product_variant_id: variant.id, quantity: 1 }),
    });
    expect(cart.status).toBe(201);
    expect(cart.headers.get('set-cookie')).toMatch(/; SameSite=Lax$/);
  });
});
