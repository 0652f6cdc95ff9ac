import type { DemoLogin, SeededTenant, TenantRecord } from '@komisi/api';
import { tenantLinks } from '../pages/tenant-links.ts';
import type { AdminPasswordNote } from './demo-admin-passwords.ts';

export interface BannerInput {
  /** the server's public origin, e.g. `http://localhost:3000` */
  origin: string;
  /** where the data is, e.g. `PostgreSQL` */
  database: string;
  /** the tenants the server knows (for their names and profiles) */
  tenants: readonly TenantRecord[];
  seeded: readonly SeededTenant[];
  adminPasswords: ReadonlyMap<string, AdminPasswordNote>;
  /** the platform administrator (outside every tenant); `password` only when it was generated */
  platformAdmin: { email: string; password: string | null };
}

function passwordOf(login: DemoLogin, note: AdminPasswordNote | undefined): string {
  if (login.password !== null) return login.password;
  switch (note?.kind) {
    case 'kept':
      return note.password;
    case 'env':
      return '(from KOMISI_ADMIN_PASSWORD)';
    default:
      return '(set when the tenant was created; not kept in this data dir)';
  }
}

/** What `pnpm start` prints at every start: where everything is, and every demo login. */
export function startBanner({
  origin,
  database,
  tenants,
  seeded,
  adminPasswords,
  platformAdmin,
}: BannerInput): string {
  const lines = [
    '',
    `Komisi is listening on ${origin} (${database})`,
    `  Home:     ${origin}/`,
    `  API docs: ${origin}/docs/`,
    `  Health:   ${origin}/health`,
    '',
    `  Platform API: ${origin}/platform/api   (docs: ${origin}/docs/platform/, CLI: pnpm komisi)`,
    `    platform admin: ${platformAdmin.email} / ${platformAdmin.password ?? '(from KOMISI_PLATFORM_ADMIN_PASSWORD)'}`,
  ];
  for (const demo of seeded) {
    const tenant = tenants.find((t) => t.slug === demo.slug);
    if (!tenant) continue;
    const links = tenantLinks(tenant, `${origin}/t/${tenant.slug}`, origin);
    const several = links.apps.length > 1;
    lines.push(
      '',
      `  Tenant ${tenant.slug}: ${tenant.name} (${links.apps.map((a) => a.profile.id).join(' + ')})`,
      `    Home:     ${links.home}`,
      ...[...new Set(links.apps.map((a) => a.rest))].map((rest) => `    REST:     ${rest}`),
      `    tRPC:     ${links.trpc}`,
      ...links.apps.map((a) => `    OpenAPI:  ${a.openapi}${several ? `  (${a.profile.id})` : ''}`),
    );
    if (demo.rootMemberId) lines.push(`    Root member to name as sponsor: ${demo.rootMemberId}`);
    lines.push('    Demo logins (email / password):');
    const width = Math.max(...demo.logins.map((l) => l.email.length));
    for (const login of demo.logins) {
      const note = login.note ? `  (${login.note})` : '';
      const password = passwordOf(login, adminPasswords.get(demo.slug));
      lines.push(`      ${login.role.padEnd(9)} ${login.email.padEnd(width)} / ${password}${note}`);
    }
  }
  return lines.join('\n');
}
