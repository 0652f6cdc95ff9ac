import { type CurrencyCode, DomainError } from '@komisi/domain';
import { type Orm, systemEm } from '../../kernel/database.ts';
import { afterCommit, type Scope } from '../../kernel/scope.ts';
import { checkSetting, type SettingKey } from '../../kernel/settings/tenant-settings.ts';
import type { TenantRecord, TenantSettings } from '../../kernel/tenant-record.ts';
import { Tenant } from './tenant.entity.ts';

/**
 * How stale this instance's copy may get: the bound on how late a change made elsewhere is served
 * here when no change notice arrives (no Redis, or a notice lost while Redis was away).
 */
export const TENANT_CACHE_MS = 30_000;

/** The request-time view of a tenant row. */
export function toTenantRecord(t: Tenant): TenantRecord {
  return {
    id: t.id,
    slug: t.slug,
    name: t.name,
    profile: t.profile,
    currency: t.currency as CurrencyCode,
    timeZone: t.timeZone,
    hosts: [...t.hosts],
    // a row written without settings may hold the column's default as a JSON string: read as none
    settings: t.settings !== null && typeof t.settings === 'object' ? t.settings : {},
  };
}

/**
 * Finds tenants by slug or host name; kept in memory because every request asks. A change made
 * through this directory reloads it and is announced (`announceChangesWith`, e.g. Redis pub/sub) so
 * the other instances reload too (`reload`); without announcements they follow within TENANT_CACHE_MS.
 */
export class TenantDirectory {
  readonly #orm: Orm;
  readonly #configuredHosts: ReadonlyMap<string, string>;
  #bySlug = new Map<string, TenantRecord>();
  #byHost = new Map<string, TenantRecord>();
  #loadedAt = 0;
  #loading: Promise<void> | undefined;
  #announce: () => void = () => {};

  constructor(orm: Orm, configuredHosts: ReadonlyMap<string, string> = new Map()) {
    this.#orm = orm;
    this.#configuredHosts = configuredHosts;
  }

  async #reload(): Promise<void> {
    this.#loading ??= (async () => {
      const tenants = await systemEm(this.#orm).find(Tenant, {});
      const bySlug = new Map(tenants.map((t) => [t.slug, toTenantRecord(t)]));
      const byHost = new Map<string, TenantRecord>();
      for (const t of bySlug.values()) for (const h of t.hosts) byHost.set(h.toLowerCase(), t);
      for (const [host, slug] of this.#configuredHosts) {
        const t = bySlug.get(slug);
        if (t) byHost.set(host, t);
      }
      this.#bySlug = bySlug;
      this.#byHost = byHost;
      this.#loadedAt = Date.now();
    })().finally(() => {
      this.#loading = undefined;
    });
    return this.#loading;
  }

  async #fresh(): Promise<void> {
    if (Date.now() - this.#loadedAt > TENANT_CACHE_MS) await this.#reload();
  }

  async bySlug(slug: string): Promise<TenantRecord | undefined> {
    await this.#fresh();
    return this.#bySlug.get(slug);
  }

  async byHost(host: string): Promise<TenantRecord | undefined> {
    await this.#fresh();
    return this.#byHost.get(host.toLowerCase().replace(/:\d+$/, ''));
  }

  async byId(id: number): Promise<TenantRecord | undefined> {
    await this.#fresh();
    for (const t of this.#bySlug.values()) if (t.id === id) return t;
    return undefined;
  }

  all(): TenantRecord[] {
    return [...this.#bySlug.values()];
  }

  /** Reloads after a change this instance made (or saw written directly) and tells the other instances. */
  async invalidate(): Promise<void> {
    await this.#reload();
    this.#announce();
  }

  /** Reloads because another instance announced a change (not announced again). */
  reload(): Promise<void> {
    return this.#reload();
  }

  /** How this directory tells other instances that tenants changed (default: it does not). */
  announceChangesWith(announce: () => void): void {
    this.#announce = announce;
  }

  /**
   * Replaces one top-level settings key (an admin editing what the business configures). The JSON is
   * patched in one statement, so concurrent edits of other keys are not lost; other instances see it
   * within the directory's cache time. The value is checked by the key's schema first (a 422 naming
   * the field); `undefined` removes the key.
   */
  async updateSetting<K extends keyof TenantSettings>(
    tenantId: number,
    key: K,
    value: TenantSettings[K] | undefined,
  ): Promise<TenantRecord> {
    await this.patchSettings(tenantId, { [key]: value === undefined ? undefined : checkSetting(key, value) });
    const tenant = await this.byId(tenantId);
    if (!tenant) throw new Error(`tenant ${tenantId} vanished`);
    return tenant;
  }

  /** `tx.tenant` as stored now, read in the caller's transaction (the directory may be 30 s behind). */
  async readIn(tx: Scope): Promise<TenantRecord> {
    const row = await tx.em.findOne(Tenant, { id: tx.tenant.id }, { refresh: true });
    if (!row) throw new DomainError('NOT_FOUND', 'Tenant not found');
    return toTenantRecord(row);
  }

  /**
   * `updateSetting` in the caller's transaction, on `tx.tenant`: the change commits (or rolls back)
   * with the caller's work and is described to the audit log; the directory reloads once it committed.
   */
  async updateSettingIn<K extends keyof TenantSettings>(
    tx: Scope,
    key: K,
    value: TenantSettings[K] | undefined,
  ): Promise<TenantRecord> {
    return this.patchSettingsIn(tx, { [key]: value === undefined ? undefined : checkSetting(key, value) });
  }

  /**
   * Sets or removes (undefined) top-level keys of a tenant's settings, already checked, in one
   * statement (other keys untouched), then reloads the directory so this instance serves the change at once.
   */
  async patchSettings(tenantId: number, patch: Partial<Record<SettingKey, unknown>>): Promise<void> {
    await systemEm(this.#orm).execute(PATCH_SETTINGS, patchParams(tenantId, patch));
    await this.invalidate();
  }

  /**
   * `patchSettings` in the caller's transaction, on `tx.tenant`; answers the tenant as it will be
   * served. The change (the keys it touched, before and after) goes to the audit log (`tx.audit`),
   * where secret fields are redacted; the directory reloads once the transaction committed.
   */
  async patchSettingsIn(tx: Scope, patch: Partial<Record<SettingKey, unknown>>): Promise<TenantRecord> {
    // the row locked and read in the statement itself: `before` is what this update replaced
    const [row] = await tx.em.execute<{ before: unknown; after: unknown }[]>(
      `update tenant t set settings = (t.settings - ?::text[]) || ?::jsonb
         from (select id, settings from tenant where id = ? for update) old
        where t.id = old.id returning old.settings as before, t.settings as after`,
      patchParams(tx.tenant.id, patch),
    );
    if (!row) throw new Error(`tenant ${tx.tenant.id} vanished`);
    const settingsOf = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v) as TenantSettings;
    const settings = settingsOf(row.after);
    const keys = Object.keys(patch) as SettingKey[];
    const picked = (s: TenantSettings) => Object.fromEntries(keys.map((k) => [k, s[k] ?? null]));
    tx.audit?.change({
      subject: { type: 'tenant_settings', id: tx.tenant.slug },
      before: picked(settingsOf(row.before)),
      after: picked(settings),
    });
    await afterCommit(tx, () => this.invalidate());
    return { ...tx.tenant, settings };
  }
}

const PATCH_SETTINGS = 'update tenant set settings = (settings - ?::text[]) || ?::jsonb where id = ?';

/** The keys removed, the values set, the tenant: the parameters of a settings patch. */
function patchParams(tenantId: number, patch: Partial<Record<SettingKey, unknown>>): unknown[] {
  const set = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  const removed = Object.keys(patch).filter((k) => patch[k as SettingKey] === undefined);
  return [`{${removed.join(',')}}`, JSON.stringify(set), tenantId];
}

/** Next value of a per-tenant counter; the upsert's row lock makes concurrent callers queue. */
export async function nextSequence(scope: Scope, name: string, start = 1): Promise<number> {
  const rows = await scope.em.execute<{ value: number }[]>(
    `insert into sequence_counter as s (tenant_id, name, value) values (?, ?, ?)
     on conflict (tenant_id, name) do update set value = s.value + 1 returning value`,
    [scope.tenant.id, name, start],
  );
  return rows[0]!.value;
}
