import { describe, expect, it } from 'vitest';
import { isAdministrator, rolesOf } from './claims.ts';

/** A token's shape: base64url JSON payload between two dots (the signature is the server's business). */
const token = (claims: object) =>
  `e30.${btoa(JSON.stringify(claims)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}.signature`;

describe('the roles of an access token', () => {
  it('an administrator’s token opens the console, a member’s does not', () => {
    expect(isAdministrator(token({ sub: '1', roles: ['member', 'admin'] }))).toBe(true);
    expect(isAdministrator(token({ sub: '2', roles: ['member'] }))).toBe(false);
  });

  it('a token without roles, or not a token at all, has none', () => {
    expect(rolesOf(token({ sub: '1' }))).toEqual([]);
    expect(rolesOf('not-a-token')).toEqual([]);
    expect(rolesOf('a.%%%.c')).toEqual([]);
  });
});
