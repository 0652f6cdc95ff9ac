import { isReferralCode, REFERRAL_CODE_ALPHABET } from '@komisi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../testing/index.ts';
import {
  application,
  type ProgrammeWorld,
  programmeWorld,
  quickAccount,
  uniqueEmail,
} from '../../../testing/referral-affiliates/affiliate-program.fixtures.ts';
import { Account } from '../../identity/account.entity.ts';
import { OutboxMessage } from '../../notifications/outbox-message.entity.ts';
import { Affiliate } from '../affiliate.entity.ts';
import { AffiliateApplicationsService } from './affiliate-applications.service.ts';

let db: TestDatabase;
let world: ProgrammeWorld;
let adminId: number;

beforeAll(async () => {
  db = await createTestDatabase();
  world = await programmeWorld({ databaseUrl: db.url });
  adminId = (await quickAccount(world.scope(), { roles: ['admin'] })).id;
});

afterAll(async () => {
  await world?.orm.close();
  await db?.drop();
});

const apps = () => world.services.affiliateApplications;
const outboxFor = (email: string) =>
  world.scope().em.find(OutboxMessage, { recipient: email }, { orderBy: { id: 'asc' } });
const domainError = (code: string) => expect.objectContaining({ name: 'DomainError', code });

describe('apply', () => {
  it('creates an affiliate account and a pending application', async () => {
    const email = uniqueEmail('Applicant').toUpperCase();
    const applied = await apps().apply(world.scope(), application(email));
    expect(applied.newAccount).toBe(true);
    const account = await world.scope().em.findOneOrFail(Account, { id: applied.account.id });
    expect(account).toMatchObject({
      email: email.toLowerCase(),
      name: 'Darmawan Putra',
      phone: '+62 812-0000-0000',
      roles: ['affiliate'],
    });
    expect(applied.affiliate).toMatchObject({
      status: 'pending',
      code: null,
      instagram: '@darmawan',
      tiktok: null,
      primaryPlatform: 'instagram',
    });
    const status = await apps().status(world.scope(), account.id);
    expect(status).toMatchObject({
      status: 'pending',
      rejectionReason: null,
      approvedAt: null,
      affiliateCode: null,
    });
  });

  it('attaches the application to an existing account when its password is given', async () => {
    const email = uniqueEmail('customer');
    const customer = await world.services.identity.createAccount(world.scope(), {
      email,
      password: 'customer-pass-1',
      name: 'Existing Customer',
    });
    await expect(apps().apply(world.scope(), application(email, 'wrong-password'))).rejects.toThrow(
      expect.objectContaining({ code: 'UNAUTHORIZED', fields: { password: [expect.any(String)] } }),
    );
    const applied = await apps().apply(
      world.scope(),
      application(` ${email.toUpperCase()} `, 'customer-pass-1'),
    );
    expect(applied.newAccount).toBe(false);
    expect(applied.account.id).toBe(customer.id);
    const account = await world.scope().em.findOneOrFail(Account, { id: customer.id });
    expect(account.roles).toEqual(['member', 'affiliate']);
    expect(account.name).toBe('Existing Customer');
    await expect(apps().apply(world.scope(), application(email, 'customer-pass-1'))).rejects.toThrow(
      domainError('CONFLICT'),
    );
  });

  it('has no status for an account that never applied', async () => {
    const someone = await quickAccount(world.scope());
    await expect(apps().status(world.scope(), someone.id)).rejects.toThrow(domainError('NOT_FOUND'));
  });
});

describe('approve', () => {
  it('assigns a 7-character code, the rate and the reviewer, and emails the applicant', async () => {
    const email = uniqueEmail('approved');
    const { affiliate, account } = await apps().apply(world.scope(), application(email));
    const now = new Date('2026-05-01T03:00:00Z');
    const approved = await apps().approve(world.scope(now), affiliate.id, adminId, {
      commissionRateBps: 1500,
    });
    expect(approved.code).toMatch(/^[A-Za-z0-9]{7}$/);
    expect(approved).toMatchObject({
      status: 'approved',
      approvedAt: now,
      reviewedAt: now,
      reviewedBy: adminId,
      commissionRateBps: 1500,
    });
    expect(await apps().status(world.scope(), account.id)).toMatchObject({
      status: 'approved',
      approvedAt: now,
      affiliateCode: approved.code,
      rejectionReason: null,
    });
    const [message] = await outboxFor(email);
    expect(message).toMatchObject({
      channel: 'email',
      subject: 'Tenant qutab: Your affiliate application was approved',
    });
    expect(message!.body).toContain(approved.code!);
  });

  it('refuses an application that is not pending, an unknown one and a bad rate', async () => {
    const { affiliate } = await apps().apply(world.scope(), application(uniqueEmail()));
    await expect(
      apps().approve(world.scope(), affiliate.id, adminId, { commissionRateBps: 10_001 }),
    ).rejects.toThrow(domainError('VALIDATION_ERROR'));
    await apps().approve(world.scope(), affiliate.id, adminId);
    await expect(apps().approve(world.scope(), affiliate.id, adminId)).rejects.toThrow(
      domainError('CONFLICT'),
    );
    await expect(apps().reject(world.scope(), affiliate.id, adminId, 'late')).rejects.toThrow(
      domainError('CONFLICT'),
    );
    await expect(apps().approve(world.scope(), 999_999, adminId)).rejects.toThrow(domainError('NOT_FOUND'));
  });

  it('gives two concurrent approvals one winner and one code', async () => {
    const email = uniqueEmail('race');
    const { affiliate } = await apps().apply(world.scope(), application(email));
    const results = await Promise.allSettled([
      apps().approve(world.scope(), affiliate.id, adminId),
      apps().approve(world.scope(), affiliate.id, adminId),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect((lost[0] as PromiseRejectedResult).reason).toMatchObject({ code: 'CONFLICT' });
    const row = await world.scope().em.findOneOrFail(Affiliate, { id: affiliate.id });
    expect(row.code).toBe((won[0] as PromiseFulfilledResult<Affiliate>).value.code);
    expect(await outboxFor(email)).toHaveLength(1);
  });

  it('draws a new code when the first one is taken', async () => {
    const taken = (await apps().approve(
      world.scope(),
      (
        await apps().apply(world.scope(), application(uniqueEmail()))
      ).affiliate.id,
      adminId,
    ))!.code!;
    const bytesOf = (code: string) =>
      new Uint8Array([...code].map((ch) => REFERRAL_CODE_ALPHABET.indexOf(ch)));
    const draws = [bytesOf(taken), bytesOf('Fresh42')];
    const service = new AffiliateApplicationsService(
      world.services.identity,
      world.services.outbox,
      () => draws.shift()!,
    );
    const { affiliate } = await service.apply(world.scope(), application(uniqueEmail()));
    const approved = await service.approve(world.scope(), affiliate.id, adminId);
    expect(approved.code).toBe('Fresh42');
    expect(isReferralCode(approved.code!)).toBe(true);
    expect(draws).toHaveLength(0);
  });
});

describe('reject', () => {
  it('records the reason, shows it in the status and emails it', async () => {
    const email = uniqueEmail('rejected');
    const { affiliate, account } = await apps().apply(world.scope(), application(email));
    await expect(apps().reject(world.scope(), affiliate.id, adminId, '   ')).rejects.toThrow(
      domainError('VALIDATION_ERROR'),
    );
    const rejected = await apps().reject(
      world.scope(),
      affiliate.id,
      adminId,
      ' Audience too small for now ',
    );
    expect(rejected).toMatchObject({ status: 'rejected', code: null, reviewedBy: adminId, approvedAt: null });
    expect(await apps().status(world.scope(), account.id)).toMatchObject({
      status: 'rejected',
      rejectionReason: 'Audience too small for now',
      affiliateCode: null,
    });
    const [message] = await outboxFor(email);
    expect(message!.subject).toBe('Tenant qutab: Your affiliate application was not approved');
    expect(message!.body).toContain('Audience too small for now');
    await expect(apps().approve(world.scope(), affiliate.id, adminId)).rejects.toThrow(
      domainError('CONFLICT'),
    );
  });
});
