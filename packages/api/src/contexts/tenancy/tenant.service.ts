import type { CurrencyCode } from '@komisi/domain';
import { type Orm, systemEm } from '../../kernel/database.ts';
import type { Scope } from '../../kernel/scope.ts';
import { checkSetting, type SettingKey } from '../../kernel/settings/tenant-settings.ts';
import type { TenantRecord, TenantSettings } from '../../kernel/tenant-record.ts';
import { Tenant } from './tenant.entity.ts';

const CACHE_MS = 30_000;

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

/** Finds tenants by slug or host name; kept in memory because every request asks. */
export class TenantDirectory {
  readonly #orm: Orm;
  readonly #configuredHosts: ReadonlyMap<string, string>;
  #bySlug = new Map<string, TenantRecord>();
  #byHost = new Map<string, TenantRecord>();
  #loadedAt = 0;
  #loading: Promise<void> | undefined;

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
    if (Date.now() - this.#loadedAt > CACHE_MS) await this.#reload();
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

  invalidate(): Promise<void> {
    return this.#reload();
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

  /**
   * Sets or removes (undefined) top-level keys of a tenant's settings, already checked, in one
   * statement (other keys untouched), then reloads the directory so this instance serves the change at once.
   */
  async patchSettings(tenantId: number, patch: Partial<Record<SettingKey, unknown>>): Promise<void> {
    const set = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    const removed = Object.keys(patch).filter((k) => patch[k as SettingKey] === undefined);
    await systemEm(this.#orm).execute(
      'update tenant set settings = (settings - ?::text[]) || ?::jsonb where id = ?',
      [`{${removed.join(',')}}`, JSON.stringify(set), tenantId],
    );
    await this.#reload();
  }
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
