import { DomainError } from '@komisi/domain';
import type { Services } from '../../kernel/api-context.ts';
import { appendAuditEntry } from '../../kernel/audit/audited-transaction.ts';
import { AuditRecorder } from '../../kernel/audit/recorder.ts';
import {
  createPlatformCallerFactory,
  platformAdminProcedure,
  platformCredentialProcedure,
  platformRouter,
} from '../../kernel/platform-trpc.ts';
import type { Scope } from '../../kernel/scope.ts';
import { SETTING_DESCRIPTIONS, type SettingKey } from '../../kernel/settings/tenant-settings.ts';
import type { TenantRecord } from '../../kernel/tenant-record.ts';
import type { Meta } from '../../kernel/trpc.ts';
import { PROFILES, profilesOf, settingKeysOf } from '../../profiles/index.ts';
import * as s from './platform.schemas.ts';
import { auditedForTenant, platformAuditContext } from './platform-audit.ts';

const meta = (
  method: 'GET' | 'POST' | 'PATCH',
  path: `/${string}`,
  tag: string,
  summary: string,
  description: string,
  extra: Partial<Meta> = {},
): Meta => ({
  openapi: { method, path, tags: [tag], summary, description, protect: path !== '/auth/login' },
  ...extra,
});

const keyInfo = (keys: readonly SettingKey[]) =>
  keys.map((key) => ({ key, description: SETTING_DESCRIPTIONS[key] }));

function summary(t: TenantRecord) {
  return {
    id: t.id,
    slug: t.slug,
    name: t.name,
    profile: t.profile,
    currency: t.currency,
    timeZone: t.timeZone,
    hosts: t.hosts,
  };
}

function detail(services: Services, t: TenantRecord) {
  return {
    ...summary(t),
    settings: services.tenantSettings.view(t),
    settingKeys: keyInfo(settingKeysOf(profilesOf(t))),
  };
}

/** A tenant by slug, read fresh (another instance may have created or changed it a moment ago). */
async function tenantNamed(services: Services, slug: string): Promise<TenantRecord> {
  await services.tenants.invalidate();
  const tenant = await services.tenants.bySlug(slug);
  if (!tenant) throw new DomainError('NOT_FOUND', `No tenant ${slug}`);
  return tenant;
}

/** The platform administrators' API: sign-in, the profiles, tenants and their settings. */
export const platformApiRouter = platformRouter({
  login: platformCredentialProcedure
    .meta(
      meta(
        'POST',
        '/auth/login',
        'Auth',
        'Sign in as a platform administrator',
        'Checks the email and password of a platform administrator (KOMISI_PLATFORM_ADMIN_EMAIL on first start) and opens a session. The token it returns is valid on the platform API only: tenant routes refuse it, as this API refuses tenant tokens. Attempts are rate limited per client address and per email.',
        { errors: [429] },
      ),
    )
    .input(s.loginInput)
    .output(s.loginOutput)
    .mutation(({ ctx, input }) => ctx.services.platformAdmins.login(input.email, input.password, ctx.now)),

  logout: platformAdminProcedure
    .meta(
      meta(
        'POST',
        '/auth/logout',
        'Auth',
        'Sign out',
        'Ends the session the token belongs to: the token is refused from now on.',
      ),
    )
    .output(s.logoutOutput)
    .mutation(async ({ ctx }) => {
      await ctx.services.platformAdmins.logout(ctx.auth, ctx.now);
      return { loggedOut: true as const };
    }),

  profiles: platformAdminProcedure
    .meta(
      meta(
        'GET',
        '/profiles',
        'Profiles',
        'List the app profiles',
        'The documented apps a tenant can run, with the settings a tenant of each reads (beside payments, allowedOrigins and extraProfiles, which every tenant has).',
      ),
    )
    .output(s.profilesOutput)
    .query(() => ({
      profiles: Object.values(PROFILES).map((p) => ({
        id: p.id,
        title: p.title,
        description: p.description,
        settingKeys: keyInfo(settingKeysOf([p])),
      })),
    })),

  tenants: platformAdminProcedure
    .meta(
      meta(
        'GET',
        '/tenants',
        'Tenants',
        'List the tenants',
        'Every tenant with its profile, currency, time zone and host names, by slug.',
      ),
    )
    .output(s.tenantsOutput)
    .query(async ({ ctx }) => {
      await ctx.services.tenants.invalidate();
      const tenants = ctx.services.tenants.all().sort((a, b) => a.slug.localeCompare(b.slug));
      return { tenants: tenants.map(summary) };
    }),

  createTenant: platformAdminProcedure
    .meta(
      meta(
        'POST',
        '/tenants',
        'Tenants',
        'Create a tenant',
        "Creates a tenant of a profile with its first administrator, whose password is generated and returned this once, and whatever the profile needs to serve (dtehm-mobile: the network's root member). It collects through the sandbox gateway until `settings.payments` says otherwise. A taken slug or host name is a 409.",
        { successStatus: 201, errors: [409] },
      ),
    )
    .input(s.createTenantInput)
    .output(s.createTenantOutput)
    .mutation(async ({ ctx, input }) => {
      const { settings, ...fields } = input;
      // checked before the tenant exists: refused settings must not leave a tenant behind
      if (settings) ctx.services.tenantSettings.checkInitial(settings);
      // the settings and the new tenant's first audit entry are written in the creating transaction
      const created = await ctx.services.tenantProvisioning.create(fields, {}, async (creating) => {
        const tx: Scope = { ...creating, audit: new AuditRecorder() };
        const subject = { type: 'tenant', id: tx.tenant.slug };
        tx.audit?.change({ subject, before: null, after: summary(tx.tenant) });
        if (settings) await ctx.services.tenantSettings.patch(tx.tenant, settings, tx);
        const context = platformAuditContext(ctx, 'createTenant', input);
        await appendAuditEntry(tx, ctx.services.auditLog, context, summary(tx.tenant));
      });
      const tenant = created.tenant;
      return {
        tenant: detail(ctx.services, tenant),
        admin: created.admin,
        rootMemberId: created.rootMemberId,
      };
    }),

  tenant: platformAdminProcedure
    .meta(
      meta(
        'GET',
        '/tenants/{slug}',
        'Tenants',
        'Show a tenant',
        'The tenant with its settings (gateway secrets masked as { set, last4 }) and the settings its profiles read.',
      ),
    )
    .input(s.slugInput)
    .output(s.tenantDetailOutput)
    .query(async ({ ctx, input }) => detail(ctx.services, await tenantNamed(ctx.services, input.slug))),

  updateTenant: platformAdminProcedure
    .meta(
      meta(
        'PATCH',
        '/tenants/{slug}',
        'Tenants',
        'Rename a tenant or change its host names',
        'Changes the name and/or the host names that serve the tenant at the root; a host another tenant serves is a 409. Takes effect at once on this instance, within 30 seconds on the others.',
        { errors: [409] },
      ),
    )
    .input(s.updateTenantInput)
    .output(s.tenantDetailOutput)
    .mutation(async ({ ctx, input }) => {
      const tenant = await tenantNamed(ctx.services, input.slug);
      const changes = { name: input.name, hosts: input.hosts };
      const updated = await auditedForTenant(ctx, tenant, 'updateTenant', input, (tx) =>
        ctx.services.tenantProvisioning.update(tenant.id, changes, tx),
      );
      return detail(ctx.services, updated);
    }),

  settings: platformAdminProcedure
    .meta(
      meta(
        'GET',
        '/tenants/{slug}/settings',
        'Settings',
        "Read a tenant's settings",
        'The stored settings by top-level key, gateway secrets masked as { set, last4 }, and the keys its profiles read.',
      ),
    )
    .input(s.slugInput)
    .output(s.settingsOutput)
    .query(async ({ ctx, input }) => {
      const tenant = await tenantNamed(ctx.services, input.slug);
      return {
        settings: ctx.services.tenantSettings.view(tenant),
        settingKeys: keyInfo(settingKeysOf(profilesOf(tenant))),
      };
    }),

  updateSettings: platformAdminProcedure
    .meta(
      meta(
        'PATCH',
        '/tenants/{slug}/settings',
        'Settings',
        "Change a tenant's settings",
        'Each top-level key sent replaces the stored one, checked by the schema the services read it with; null removes it; keys not sent stay. Every problem is reported at once, by field path (`referralAffiliates.holdDays`). Gateway secrets are sealed with the file key; a secret sent back masked ({ "set": true }) keeps the stored one. The change is served at once by this instance and within 30 seconds by the others.',
      ),
    )
    .input(s.updateSettingsInput)
    .output(s.settingsOutput)
    .mutation(async ({ ctx, input }) => {
      const tenant = await tenantNamed(ctx.services, input.slug);
      const updated = await auditedForTenant(ctx, tenant, 'updateSettings', input, (tx) =>
        ctx.services.tenantSettings.patch(tenant, input.settings, tx),
      );
      return {
        settings: ctx.services.tenantSettings.view(updated),
        settingKeys: keyInfo(settingKeysOf(profilesOf(updated))),
      };
    }),
});

export type PlatformApiRouter = typeof platformApiRouter;

/** Calls the platform procedures in-process (the CLI on a database it opened itself): same checks, same answers. */
export const createPlatformCaller = createPlatformCallerFactory(platformApiRouter);
