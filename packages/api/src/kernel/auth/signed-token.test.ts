import { createHmac } from 'node:crypto';
import { DomainError } from '@komisi/domain';
import fc from 'fast-check';
import { jwtVerify, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { signTokenSync, type TokenPayload, tokenKey, verifyTokenSync } from './signed-token.ts';

const SECRET = 'a-secret-of-at-least-thirty-two-characters!';
const key = tokenKey(SECRET);
const joseKey = new TextEncoder().encode(SECRET);
const NOW = new Date('2026-06-01T12:00:00Z');
const nowSeconds = Math.floor(NOW.getTime() / 1000);
const AUDIENCE = 'tenant:7';
const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

const payloadOf = (p: TokenPayload) => p;

/** The code a verification fails with, or 'ok'. */
function outcome(token: string, audience = AUDIENCE, now = NOW): string {
  try {
    verifyTokenSync(key, token, audience, payloadOf, now);
    return 'ok';
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
}

/** A token as jose signs it, with any header and claims (for refusals our signer never makes). */
function joseToken(
  claims: Record<string, unknown>,
  header: Record<string, unknown> & { alg: string } = { alg: 'HS256', typ: 'JWT' },
  secret = joseKey,
) {
  return new SignJWT(claims).setProtectedHeader(header).sign(secret);
}

/** A token signed with the right key over any header and payload JSON (to test what we refuse after the signature). */
function handMade(header: unknown, payload: unknown): string {
  const input = `${Buffer.from(JSON.stringify(header)).toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
  return `${input}.${createHmac('sha256', SECRET).update(input).digest('base64url')}`;
}

const valid = { iss: 'komisi', aud: AUDIENCE, sub: '42', iat: nowSeconds - 10, exp: nowSeconds + 900 };

const extraClaims = fc.dictionary(
  fc
    .string({ minLength: 1, maxLength: 8 })
    .filter((k) => !['iss', 'aud', 'sub', 'iat', 'exp', 'nbf', '__proto__'].includes(k)),
  fc.jsonValue({ maxDepth: 2 }),
  { maxKeys: 5 },
);

describe('signed tokens (HS256 on node:crypto)', () => {
  it('verify every token jose signs with the same claims, and read the same payload', async () => {
    await fc.assert(
      fc.asyncProperty(
        extraClaims,
        fc.string({ minLength: 1, maxLength: 20 }),
        fc.integer({ min: 1, max: 10 ** 6 }),
        async (claims, sub, ttl) => {
          const token = await new SignJWT(claims)
            .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
            .setIssuer('komisi')
            .setAudience(AUDIENCE)
            .setSubject(sub)
            .setIssuedAt(nowSeconds)
            .setExpirationTime(nowSeconds + ttl)
            .sign(joseKey);
          const ours = verifyTokenSync(key, token, AUDIENCE, payloadOf, NOW);
          const { payload } = await jwtVerify(token, joseKey, { currentDate: NOW });
          expect(ours).toEqual(payload);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('sign the very bytes jose signs, and jose verifies them', async () => {
    await fc.assert(
      fc.asyncProperty(extraClaims, fc.integer({ min: 1, max: 10 ** 6 }), async (claims, ttl) => {
        const ours = signTokenSync(key, {
          audience: AUDIENCE,
          subject: '9',
          claims,
          now: NOW,
          ttlSeconds: ttl,
        });
        const theirs = await new SignJWT(claims)
          .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
          .setIssuer('komisi')
          .setAudience(AUDIENCE)
          .setSubject('9')
          .setIssuedAt(nowSeconds)
          .setExpirationTime(nowSeconds + ttl)
          .sign(joseKey);
        expect(ours).toBe(theirs);
        await expect(
          jwtVerify(ours, joseKey, {
            algorithms: ['HS256'],
            issuer: 'komisi',
            audience: AUDIENCE,
            currentDate: NOW,
          }),
        ).resolves.toBeDefined();
      }),
      { numRuns: 100 },
    );
  });

  it('never verify a token with any character changed, dropped or added', () => {
    const token = signTokenSync(key, {
      audience: AUDIENCE,
      subject: '42',
      claims: { sid: 's', roles: ['admin'] },
      now: NOW,
      ttlSeconds: 900,
    });
    expect(outcome(token)).toBe('ok');
    fc.assert(
      fc.property(
        fc.nat({ max: token.length - 1 }),
        fc.constantFrom(...`${B64URL}.=+/ `),
        fc.constantFrom('replace', 'drop', 'insert'),
        (at, char, how) => {
          const tampered =
            how === 'replace'
              ? token.slice(0, at) + char + token.slice(at + 1)
              : how === 'drop'
                ? token.slice(0, at) + token.slice(at + 1)
                : token.slice(0, at) + char + token.slice(at);
          fc.pre(tampered !== token);
          expect(outcome(tampered)).toBe('UNAUTHORIZED');
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('refuse any string that is not a token we signed as UNAUTHORIZED, never another error', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[\w-]*\.[\w-]*\.[\w-]*$/)), (s) => {
        expect(outcome(s)).toBe('UNAUTHORIZED');
      }),
      { numRuns: 1000 },
    );
  });

  it('refuse `none`, every other algorithm and a key used as another algorithm', async () => {
    const claims = { ...valid };
    const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`;
    expect(outcome(none)).toBe('UNAUTHORIZED');
    expect(outcome(handMade({ alg: 'none' }, claims))).toBe('UNAUTHORIZED');
    expect(outcome(handMade({ alg: 'hs256' }, claims))).toBe('UNAUTHORIZED');
    expect(outcome(handMade({ typ: 'JWT' }, claims))).toBe('UNAUTHORIZED');
    expect(outcome(handMade({ alg: 'HS256', crit: ['b64'], b64: false }, claims))).toBe('UNAUTHORIZED');
    for (const alg of ['HS384', 'HS512'])
      expect(outcome(await joseToken(claims, { alg }))).toBe('UNAUTHORIZED');
    // an HS384 signature relabelled HS256
    const hs384 = (await joseToken(claims, { alg: 'HS384' })).split('.');
    expect(
      outcome([Buffer.from('{"alg":"HS256"}').toString('base64url'), hs384[1], hs384[2]].join('.')),
    ).toBe('UNAUTHORIZED');
    // another secret
    expect(outcome(await joseToken(claims, { alg: 'HS256' }, new TextEncoder().encode(`${SECRET}x`)))).toBe(
      'UNAUTHORIZED',
    );
    // the same HMAC spelled with padding, or in standard base64
    const ok = handMade({ alg: 'HS256' }, claims);
    expect(outcome(ok)).toBe('ok');
    expect(outcome(`${ok}=`)).toBe('UNAUTHORIZED');
    const [head, body, mac] = ok.split('.') as [string, string, string];
    const standard = Buffer.from(mac, 'base64url').toString('base64');
    if (standard.replace(/=+$/, '') !== mac)
      expect(outcome(`${head}.${body}.${standard}`)).toBe('UNAUTHORIZED');
  });

  it('require issuer, audience, exp, iat and sub; expired is TOKEN_EXPIRED only when all else holds', () => {
    const h = { alg: 'HS256', typ: 'JWT' };
    expect(outcome(handMade(h, valid))).toBe('ok');
    expect(outcome(handMade(h, { ...valid, aud: ['other', AUDIENCE] }))).toBe('ok');
    for (const claim of ['iss', 'aud', 'sub', 'iat', 'exp'] as const) {
      const { [claim]: _, ...missing } = valid;
      expect(outcome(handMade(h, missing)), claim).toBe('UNAUTHORIZED');
    }
    expect(outcome(handMade(h, { ...valid, iss: 'other' }))).toBe('UNAUTHORIZED');
    expect(outcome(handMade(h, { ...valid, aud: 'tenant:8' }))).toBe('UNAUTHORIZED');
    expect(outcome(handMade(h, { ...valid, exp: String(valid.exp) }))).toBe('UNAUTHORIZED');
    expect(outcome(handMade(h, { ...valid, iat: String(valid.iat) }))).toBe('UNAUTHORIZED');
    expect(outcome(handMade(h, { ...valid, nbf: nowSeconds + 60 }))).toBe('UNAUTHORIZED');
    expect(outcome(handMade(h, { ...valid, nbf: nowSeconds }))).toBe('ok');
    expect(outcome(handMade(h, [valid]))).toBe('UNAUTHORIZED');
    expect(outcome(handMade(h, null))).toBe('UNAUTHORIZED');
    expect(outcome(handMade(h, { ...valid, exp: nowSeconds }))).toBe('TOKEN_EXPIRED');
    expect(outcome(handMade(h, { ...valid, exp: nowSeconds - 1, aud: 'tenant:8' }))).toBe('UNAUTHORIZED');
    expect(outcome(handMade(h, { ...valid, exp: nowSeconds + 1 }))).toBe('ok');
  });

  it('agree with jose on expiry at every moment around it', async () => {
    const token = signTokenSync(key, {
      audience: AUDIENCE,
      subject: '1',
      claims: {},
      now: NOW,
      ttlSeconds: 60,
    });
    for (const offset of [-1000, 0, 59_000, 59_999, 60_000, 60_001, 120_000]) {
      const at = new Date(NOW.getTime() + offset);
      const jose = await jwtVerify(token, joseKey, {
        audience: AUDIENCE,
        issuer: 'komisi',
        currentDate: at,
      }).then(
        () => 'ok',
        (e: { code?: string }) => (e.code === 'ERR_JWT_EXPIRED' ? 'TOKEN_EXPIRED' : 'UNAUTHORIZED'),
      );
      expect(outcome(token, AUDIENCE, at), `${offset}`).toBe(jose);
    }
  });
});
