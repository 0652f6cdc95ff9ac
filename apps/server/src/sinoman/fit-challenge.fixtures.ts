// Fit Challenge test data on the demo tenant `sinoman`: members (a cooperative member row as the
// members' registration writes one, and an access token), the administrator's token.
import { randomUUID } from 'node:crypto';
import { tenantEm } from '@komisi/api/testing';
import type { TestApp } from '../testing/test-app.ts';

/** The document's registration request (§5.2.1), without the batch. */
export const REGISTRATION = {
  initial_weight: 75.5,
  initial_height: 170.0,
  target_weight: 70.0,
  personal_goals: 'Lose weight and build muscle',
  medical_conditions: 'None',
  emergency_contact_name: 'Jane Doe',
  emergency_contact_phone: '081234567891',
};

let counter = 0;

export function fitChallengeFixtures(app: TestApp) {
  async function scopeAt(now = new Date()) {
    const tenant = (await app.services.tenants.bySlug('sinoman'))!;
    return { em: tenantEm(app.orm, tenant.id), tenant, now };
  }

  /** A cooperative member (unless `withMembership` is false) and their access token. */
  async function member(name = 'John Doe', withMembership = true) {
    const scope = await scopeAt();
    const n = ++counter;
    const account = await app.services.identity.createAccount(scope, {
      email: `fit${n}.${randomUUID()}@example.com`,
      password: 'Password123',
      name,
    });
    if (withMembership) {
      const tag = randomUUID().slice(0, 8);
      await scope.em.execute(
        `insert into cooperative_member (tenant_id, public_id, account_id, member_number, nik_sealed, nik_digest,
           nik_masked, date_of_birth, gender, address, referral_code, join_date, created_at, updated_at)
         values (?, ?, ?, ?, 'sealed', ?, '350201******0001', '1990-01-01', 'male', 'Ponorogo', ?, now(), now(), now())`,
        [
          scope.tenant.id,
          randomUUID(),
          account.id,
          `SIN-2024-${String(900_000 + n).padStart(6, '0')}`,
          `digest-${tag}`,
          `FIT${tag}`,
        ],
      );
    }
    const tokens = await app.services.identity.issueTokens(scope, account);
    return { accountId: account.id, token: tokens.accessToken };
  }

  async function adminToken() {
    const scope = await scopeAt();
    const id = await app.services.identity.accountIdByEmail(scope, 'admin@sinoman.demo');
    return (await app.services.identity.issueTokens(scope, { id: id!, roles: ['admin'] })).accessToken;
  }

  return { scopeAt, member, adminToken };
}
