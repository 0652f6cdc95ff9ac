import { DomainError } from '@komisi/domain';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createApiContext } from '../../composition/api-context.ts';
import type { AuditTrail } from '../../kernel/audit/audited-transaction.ts';
import { systemEm } from '../../kernel/database.ts';
import { adminProcedure, createCallerFactory, router } from '../../kernel/trpc.ts';
import { consoleRouter } from '../../profiles/shared/console/router.ts';
import {
  type ProgrammeWorld,
  programmeWorld,
  quickAccount,
} from '../../testing/referral-affiliates/affiliate-program.fixtures.ts';

// The mechanism on the embedded database (one connection): an admin mutation, its settings write
// and its entry in one transaction; the directory's reload waits for the commit (a reload inside
// the transaction would wait for the connection the transaction holds, forever).
let world: ProgrammeWorld;
let admin: { id: number; token: string };

const support = (email: string) => ({ whatsapp: '081234567890', email, responseTime: '1 hari' });

const testRouter = router({
  setSupport: adminProcedure
    .input(z.object({ email: z.string(), fail: z.boolean().default(false) }))
    .mutation(async ({ ctx, input }) => {
      const tenant = await ctx.services.tenants.updateSettingIn(
        ctx.scope(),
        'affiliateSupport',
        support(input.email),
      );
      if (input.fail) throw new DomainError('CONFLICT', 'refused after writing');
      return { email: tenant.settings.affiliateSupport?.email ?? null, password: 'never-kept' };
    }),
  preview: adminProcedure
    .meta({ audit: false })
    .input(z.object({ n: z.number() }))
    .mutation(({ input }) => ({ doubled: input.n * 2 })),
  jobLike: adminProcedure.meta({ audit: 'after' }).mutation(async ({ ctx }) => {
    // work that commits on its own, through another connection than the request's
    await ctx.services.tenants.invalidate();
    return { processed: 3 };
  }),
  read: adminProcedure.query(() => 'read'),
});
const callerOf = createCallerFactory(testRouter);

function context() {
  return createApiContext(world.orm, world.services, pino({ level: 'silent' }), {
    tenant: world.tenant,
    requestId: 'req-pglite-1',
    ip: '10.0.0.1',
    authorization: `Bearer ${admin.token}`,
    baseUrl: 'http://komisi.test/t/qutab',
  });
}

function caller(trail?: AuditTrail) {
  const ctx = context();
  return callerOf(trail ? { ...ctx, auditTrail: trail } : ctx);
}

const entries = async () => (await world.services.auditLog.list(world.scope(), {}, { limit: 100 })).entries;
const storedSupport = async () => {
  const [row] = await systemEm(world.orm).execute<{ support: { email: string } | null }[]>(
    `select settings -> 'affiliateSupport' as support from tenant where id = ?`,
    [world.tenant.id],
  );
  return row?.support?.email ?? null;
};

beforeAll(async () => {
  world = await programmeWorld({});
  const account = await quickAccount(world.scope(), { roles: ['admin'], email: 'boss@pglite.example' });
  const tokens = await world.services.identity.issueTokens(world.scope(), {
    id: account.id,
    roles: ['admin'],
  });
  admin = { id: account.id, token: tokens.accessToken };
});

afterAll(async () => {
  await world?.orm.close();
});

describe('an audited admin mutation on PGlite', () => {
  it('commits its change and its one entry together; the directory serves the change after the commit', async () => {
    const answer = await caller().setSupport({ email: 'help@pglite.example' });
    expect(answer.email).toBe('help@pglite.example');
    expect(await storedSupport()).toBe('help@pglite.example');
    expect((await world.services.tenants.byId(world.tenant.id))?.settings.affiliateSupport?.email).toBe(
      'help@pglite.example',
    );
    const [entry, ...rest] = await entries();
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({
      action: 'setSupport',
      actor: { role: 'admin', id: admin.id, email: 'boss@pglite.example', name: 'Test Customer' },
      subject: { type: 'tenant_settings', id: world.tenant.slug },
      input: { email: '[redacted]' },
      before: { affiliateSupport: null },
      after: { affiliateSupport: { whatsapp: '081234567890', email: '[redacted]', responseTime: '1 hari' } },
      requestId: 'req-pglite-1',
      ip: '10.0.0.1',
    });
  });

  it('that fails after writing rolls its write back and leaves no entry', async () => {
    await expect(caller().setSupport({ email: 'other@pglite.example', fail: true })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect(await storedSupport()).toBe('help@pglite.example');
    expect(await entries()).toHaveLength(1);
  });

  it('is rolled back when its entry cannot be written', async () => {
    const broken: AuditTrail = {
      append: async () => {
        throw new Error('the audit log is unavailable');
      },
    };
    await expect(caller(broken).setSupport({ email: 'third@pglite.example' })).rejects.toThrow();
    expect(await storedSupport()).toBe('help@pglite.example');
    expect(await entries()).toHaveLength(1);
  });

  it('audits work that commits on its own after it succeeded; skips queries and declared previews', async () => {
    expect(await caller().read()).toBe('read');
    expect(await caller().preview({ n: 21 })).toEqual({ doubled: 42 });
    expect(await entries()).toHaveLength(1);
    expect(await caller().jobLike()).toEqual({ processed: 3 });
    const [latest] = await entries();
    expect(latest).toMatchObject({ action: 'jobLike', subject: null, before: null, after: { processed: 3 } });
  });

  it('records the state a change replaced; an entry can never be changed or removed', async () => {
    await caller().setSupport({ email: 'fourth@pglite.example' });
    const audit = world.services.auditLog;
    const [latest] = await entries();
    expect(latest?.before).toEqual({ affiliateSupport: support('[redacted]') });
    // an entry can never be changed or removed
    await expect(
      systemEm(world.orm).execute('update audit_entry set action = ? where id = ?', ['forged', latest!.id]),
    ).rejects.toThrow(/never changed or removed/);
    await expect(systemEm(world.orm).execute('delete from audit_entry')).rejects.toThrow(
      /never changed or removed/,
    );
    expect((await audit.get(world.scope(), latest!.id)).action).toBe('setSupport');
  });

  it("audits the console's setting change, the editor writing in the action's transaction", async () => {
    const consoleApi = createCallerFactory(consoleRouter)(context());
    const entry = await consoleApi.updateSetting({ key: 'orderPaymentTtlMinutes', value: 30 });
    expect(entry.value).toBe(30);
    expect((await world.services.tenants.byId(world.tenant.id))?.settings.orderPaymentTtlMinutes).toBe(30);
    const [latest] = await entries();
    expect(latest).toMatchObject({
      action: 'updateSetting',
      subject: { type: 'tenant_settings', id: world.tenant.slug },
      before: { orderPaymentTtlMinutes: null },
      after: { orderPaymentTtlMinutes: 30 },
    });
  });
});
