import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { signToken, tokenKey, verifyToken } from './signed-token.ts';

const key = tokenKey('a-secret-of-at-least-thirty-two-characters!');
const AUD = 'tenant:7';
const now = Math.floor(Date.now() / 1000);
const read = (p: { sub?: string }) => p.sub;
const verify = (token: string) => verifyToken(key, token, AUD, read);

/** A token as jose signs it, with the claims and header given (defaults: a valid one). */
function jose(claims: Record<string, unknown> = {}, header: Record<string, unknown> = { alg: 'HS256' }) {
  return new SignJWT({ iss: 'komisi', aud: AUD, sub: '42', iat: now, exp: now + 600, ...claims })
    .setProtectedHeader(header as { alg: string })
    .sign(key);
}

const code = (p: Promise<unknown>) => p.then(() => 'ok').catch((e: { code?: string }) => e.code);

describe('verifyToken', () => {
  it('accepts what signToken and jose sign, and hands the payload to read', async () => {
    const token = await signToken(key, {
      audience: AUD,
      subject: '42',
      claims: { sid: 's' },
      now: new Date(),
      ttlSeconds: 60,
    });
    await expect(verify(token)).resolves.toBe('42');
    await expect(verify(await jose())).resolves.toBe('42');
    await expect(verify(await jose({ aud: ['other', AUD] }))).resolves.toBe('42');
  });

  it('answers TOKEN_EXPIRED at and after exp, UNAUTHORIZED for anything else wrong', async () => {
    expect(await code(verify(await jose({ exp: now })))).toBe('TOKEN_EXPIRED');
    expect(await code(verify(await jose({ exp: now - 1 })))).toBe('TOKEN_EXPIRED');
    for (const claims of [
      { iss: 'other' },
      { aud: 'tenant:8' },
      { sub: undefined },
      { sub: 42 },
      { iat: undefined },
      { exp: undefined },
      { exp: String(now + 600) },
      { nbf: now + 60 },
      // a wrong audience is refused before expiry is looked at, as jose does
      { aud: 'tenant:8', exp: now - 1 },
    ]) {
      expect(await code(verify(await jose(claims))), JSON.stringify(claims)).toBe('UNAUTHORIZED');
    }
  });

  it('refuses other algorithms, critical headers, other keys and any edited part', async () => {
    const good = await jose();
    const [h, p, s] = good.split('.') as [string, string, string];
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${p}.`;
    const other = await new SignJWT({ iss: 'komisi', aud: AUD, sub: '42', iat: now, exp: now + 600 })
      .setProtectedHeader({ alg: 'HS256' })
      .sign(tokenKey('another-secret-of-at-least-thirty-two-chars'));
    const hs512 = await jose({}, { alg: 'HS512' });
    const crit = `${Buffer.from('{"alg":"HS256","crit":["x"],"x":1}').toString('base64url')}.${p}.${s}`;
    const edited = `${h}.${Buffer.from(JSON.stringify({ iss: 'komisi', aud: AUD, sub: '1', iat: now, exp: now + 600 })).toString('base64url')}.${s}`;
    for (const token of [
      none,
      other,
      hs512,
      crit,
      edited,
      `${good}x`,
      `${good}!`,
      `${h}.${p}`,
      '',
      'a.b.c',
    ]) {
      expect(await code(verify(token)), token).toBe('UNAUTHORIZED');
    }
  });

  it("passes read's own refusal through, and turns anything else it throws into UNAUTHORIZED", async () => {
    const token = await jose();
    const { DomainError } = await import('@komisi/domain');
    expect(
      await code(
        verifyToken(key, token, AUD, () => {
          throw new DomainError('FORBIDDEN', 'no');
        }),
      ),
    ).toBe('FORBIDDEN');
    expect(
      await code(
        verifyToken(key, token, AUD, () => {
          throw new TypeError('bad');
        }),
      ),
    ).toBe('UNAUTHORIZED');
  });
});
