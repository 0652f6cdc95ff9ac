import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { AccessTokens } from './access-token.ts';
import { PLATFORM_AUDIENCE, PlatformTokens } from './platform-token.ts';

const SECRET = 'a-secret-of-at-least-thirty-two-characters!';
const now = new Date();

describe('platform tokens', () => {
  const platform = new PlatformTokens(SECRET, 3600);
  const tenant = new AccessTokens(SECRET, 900);

  it('are never tenant tokens, and tenant tokens never platform ones (same secret)', async () => {
    const admin = await platform.signAdmin(1, 'session-1', now);
    await expect(platform.verify(admin)).resolves.toEqual({
      kind: 'admin',
      adminId: 1,
      sessionId: 'session-1',
    });
    await expect(tenant.verify(admin, 1)).rejects.toThrow('Invalid token');
    const tenantToken = await tenant.sign(
      { accountId: 1, tenantId: 1, sessionId: 's', roles: ['admin'] },
      now,
    );
    await expect(platform.verify(tenantToken)).rejects.toThrow('Invalid token');
  });

  it("accept the CLI's short-lived token, never one that lives longer than two minutes", async () => {
    await expect(platform.verify(await platform.signCli(now))).resolves.toEqual({ kind: 'cli' });
    const iat = Math.floor(now.getTime() / 1000);
    const long = await new SignJWT({ kind: 'platform-admin' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('komisi')
      .setAudience(PLATFORM_AUDIENCE)
      .setSubject('cli')
      .setIssuedAt(iat)
      .setExpirationTime(iat + 3600)
      .sign(new TextEncoder().encode(SECRET));
    await expect(platform.verify(long)).rejects.toThrow('Invalid token');
  });
});
