import { randomBytes } from 'node:crypto';
import { type CurrencyCode, DomainError, validationError } from '@komisi/domain';
import type { z } from 'zod';
import { type Em, type Orm, systemEm, TENANT_FILTER } from '../../kernel/database.ts';
import { afterCommit, type Scope } from '../../kernel/scope.ts';
import { checkSetting, type SettingKey, settingIssues } from '../../kernel/settings/tenant-settings.ts';
import type { TenantRecord, TenantSettings } from '../../kernel/tenant-record.ts';
import type { IdentityService } from '../identity/identity.service.ts';
import { Tenant } from '../tenancy/tenant.entity.ts';
import { type TenantDirectory, toTenantRecord } from '../tenancy/tenant.service.ts';
import { type NewTenant, newTenantSchema } from './tenant-fields.schemas.ts';

type NewTenantFields = z.output<typeof newTenantSchema>;

/** The first administrator of a new tenant, as its profile's setup sees them. */
export interface FirstAdmin {
  accountId: number;
  email: string;
  name: string;
  password: string;
}

export interface BootstrapInput {
  admin: FirstAdmin;
  rootMember: NewTenantFields['rootMember'];
}

/** What a profile needs in a new tenant before it can serve (see `AppProfile.tenantSetup`). */
export interface ProfileSetup {
  currency: CurrencyCode;
  timeZone: string;
  /** settings a tenant of the profile starts with (the platform's choice of gateway: the sandbox) */
  settings: TenantSettings;
  /** rows the profile cannot work without (dtehm: the root member new members name as sponsor) */
  bootstrap?: (tx: Scope, input: BootstrapInput) => Promise<{ rootMemberId?: string | undefined }>;
}

export interface CreatedTenant {
  tenant: TenantRecord;
  /** the first administrator; the password is shown once, when it was generated */
  admin: { email: string; password: string };
  rootMemberId: string | null;
}

/** Creates tenants: the row, the first administrator and whatever the profile needs, in one transaction. */
export class TenantProvisioning {
  readonly #orm: Orm;
  readonly #directory: TenantDirectory;
  readonly #identity: IdentityService;
  readonly #setups: ReadonlyMap<string, ProfileSetup>;

  constructor(deps: {
    orm: Orm;
    directory: TenantDirectory;
    identity: IdentityService;
    setups: ReadonlyMap<string, ProfileSetup>;
  }) {
    this.#orm = deps.orm;
    this.#directory = deps.directory;
    this.#identity = deps.identity;
    this.#setups = deps.setups;
  }

  /**
   * A new tenant of `input.profile`. A taken slug or host is a 409; bad input a 422 naming the field.
   * `settings` (checked by their schemas) are laid over the profile's starting settings. `within`
   * runs last in the creating transaction, on the new tenant (the platform API's settings and audit
   * entry); what it defers with `afterCommit` runs once the tenant exists for everyone.
   */
  async create(
    input: NewTenant,
    settings: TenantSettings = {},
    within?: (tx: Scope) => Promise<void>,
  ): Promise<CreatedTenant> {
    const parsed = newTenantSchema.safeParse(input);
    if (!parsed.success) throw validationError(settingIssues('', parsed.error));
    const fields = parsed.data;
    const setup = this.#setups.get(fields.profile);
    if (!setup) {
      throw validationError({ profile: [`unknown profile; one of ${[...this.#setups.keys()].join(', ')}`] });
    }
    const initial = { ...setup.settings, ...settings };
    for (const [key, value] of Object.entries(initial)) checkSetting(key as SettingKey, value);
    await this.#refuseTaken(systemEm(this.#orm), fields.slug, fields.hosts);
    const password = fields.admin.password ?? randomBytes(12).toString('base64url');
    const adminName = fields.admin.name ?? `${fields.name} Admin`;
    const commitHooks: (() => Promise<void>)[] = [];
    const created = await systemEm(this.#orm).transactional(async (em) => {
      const row = em.create(Tenant, {
        slug: fields.slug,
        name: fields.name,
        profile: fields.profile,
        currency: fields.currency ?? setup.currency,
        timeZone: fields.timeZone ?? setup.timeZone,
        hosts: fields.hosts,
        settings: initial,
        createdAt: new Date(),
      });
      await em.flush();
      em.setFilterParams(TENANT_FILTER, { tenantId: row.id });
      const scope: Scope = { em, tenant: toTenantRecord(row), now: new Date(), commitHooks };
      const account = await this.#identity.createAccount(scope, {
        email: fields.admin.email,
        password,
        name: adminName,
        roles: ['admin'],
      });
      const admin = { accountId: account.id, email: account.email, name: adminName, password };
      const booted = (await setup.bootstrap?.(scope, { admin, rootMember: fields.rootMember })) ?? {};
      await within?.(scope);
      return { id: row.id, admin, rootMemberId: booted.rootMemberId ?? null };
    });
    await this.#directory.invalidate();
    for (const hook of commitHooks) await hook();
    const tenant = await this.#directory.byId(created.id);
    if (!tenant) throw new Error(`tenant ${fields.slug} was not found after it was created`);
    return {
      tenant,
      admin: { email: created.admin.email, password },
      rootMemberId: created.rootMemberId,
    };
  }

  /**
   * Changes a tenant's name and host names; a host another tenant serves is a 409. With `tx` (a
   * transaction on this tenant: an audited action's), in it, the change described to its audit log and
   * the directory reloaded once it committed.
   */
  async update(
    tenantId: number,
    changes: { name?: string | undefined; hosts?: string[] | undefined },
    tx?: Scope,
  ): Promise<TenantRecord> {
    const em = tx?.em ?? systemEm(this.#orm);
    if (changes.hosts) await this.#refuseTaken(em, null, changes.hosts, tenantId);
    const row = await em.findOne(Tenant, { id: tenantId });
    if (!row) throw new DomainError('NOT_FOUND', 'Tenant not found');
    const before = { name: row.name, hosts: [...row.hosts] };
    if (changes.name !== undefined) row.name = changes.name;
    if (changes.hosts !== undefined) row.hosts = changes.hosts;
    await em.flush();
    if (!tx) {
      await this.#directory.invalidate();
      return (await this.#directory.byId(tenantId))!;
    }
    tx.audit?.change({
      subject: { type: 'tenant', id: row.slug },
      before,
      after: { name: row.name, hosts: [...row.hosts] },
    });
    await afterCommit(tx, () => this.#directory.invalidate());
    return toTenantRecord(row);
  }

  async #refuseTaken(em: Em, slug: string | null, hosts: string[], exceptTenantId = 0): Promise<void> {
    if (slug !== null && (await em.count(Tenant, { slug }))) {
      throw new DomainError('CONFLICT', `The slug ${slug} is taken.`, { fields: { slug: ['is taken'] } });
    }
    if (hosts.length === 0) return;
    const rows = await em.execute<{ host: string }[]>(
      `select h.host from tenant t, jsonb_array_elements_text(t.hosts) as h(host)
       where t.id <> ? and lower(h.host) in (${hosts.map(() => '?').join(', ')})`,
      [exceptTenantId, ...hosts],
    );
    if (rows.length > 0) {
      const taken = rows.map((r) => r.host).join(', ');
      throw new DomainError('CONFLICT', `Another tenant serves ${taken}.`, {
        fields: { hosts: [`${taken} is served by another tenant`] },
      });
    }
  }
}
