import { DomainError } from '@komisi/domain';
import { describe, expect, it } from 'vitest';
import { AccessTokens } from './access-token.ts';
import { VerifiedTokens } from './verified-tokens.ts';

const SECRET = 'a-secret-of-at-least-thirty-two-characters!';
const NOW = new Date('2026-06-01T12:00:00Z');
const later = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);
const claims = { accountId: 42, tenantId: 7, sessionId: 'session-1', roles: ['customer'] };

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
}

describe('access tokens verified before', () => {
  it('are taken as verified until they expire, with the same frozen claims', async () => {
    const tokens = new AccessTokens(SECRET, 60);
    const token = await tokens.sign(claims, NOW);
    const first = await tokens.verify(token, 7, NOW);
    expect(first).toEqual(claims);
    expect(Object.isFrozen(first) && Object.isFrozen(first.roles)).toBe(true);
    expect(await tokens.verify(token, 7, later(30))).toBe(first);
    // past its expiry the remembered token is refused as the first check would refuse it
    expect(await codeOf(tokens.verify(token, 7, later(60)))).toBe('TOKEN_EXPIRED');
  });

  it("prove nothing for another tenant's audience or for a token that differs in any character", async () => {
    const tokens = new AccessTokens(SECRET, 60);
    const token = await tokens.sign(claims, NOW);
    await tokens.verify(token, 7, NOW);
    expect(await codeOf(tokens.verify(token, 8, NOW))).toBe('UNAUTHORIZED');
    const last = token.at(-1) === 'A' ? 'B' : 'A';
    expect(await codeOf(tokens.verify(`${token.slice(0, -1)}${last}`, 7, NOW))).toBe('UNAUTHORIZED');
    expect(await codeOf(tokens.verify(`${token}x`, 7, NOW))).toBe('UNAUTHORIZED');
    // the genuine one still passes
    expect(await codeOf(tokens.verify(token, 7, NOW))).toBe('ok');
  });

  it('keep at most their capacity, forgetting the oldest', () => {
    const verified = new VerifiedTokens<number>(2);
    verified.remember('a', 1, 100);
    verified.remember('b', 2, 100);
    verified.remember('c', 3, 100);
    expect([verified.get('a', 0), verified.get('b', 0), verified.get('c', 0)]).toEqual([undefined, 2, 3]);
    expect(verified.size).toBe(2);
    // an expired entry is forgotten when asked for
    expect(verified.get('b', 100)).toBeUndefined();
    expect(verified.size).toBe(1);
  });
});
