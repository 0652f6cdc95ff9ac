import { PROFILES, platformApiRouter } from '@komisi/api';
import type { AnyProcedure, AnyRouter } from '@trpc/server';
import { type OperationSpec, PLATFORM, type Role } from './operations.ts';
import { mainVariant, type Schema } from './schema-walk.ts';

// The tRPC procedures behind the REST operations (and those without a REST twin), each with the
// input its twin's document describes.

export interface ProcedureSpec {
  /** the tenant's slug, or PLATFORM */
  tenant: string;
  /** the profile the procedure belongs to (its REST twin's) */
  profile: string;
  /** where its tRPC calls go, e.g. `/t/qutab/trpc` */
  endpoint: string;
  path: string;
  type: 'query' | 'mutation';
  /** the merged input (path and query parameters, body fields), from the REST twin's document */
  input: Schema;
  secured: boolean;
  /** it takes files: calls spend the caller's upload budget too */
  uploads: boolean;
  role: Role;
}

/** The procedures that end the session they are called with (`auth.logout`, `console.signOut`). */
export const ENDS_SESSION = /logout|signOut/;

/** The routers each tenant's tRPC endpoint serves, and the platform API's. */
const TRPC_ENDPOINTS: { tenant: string; profile: string; endpoint: string; router: AnyRouter }[] = [
  ...(
    [
      ['dtehm', 'dtehm-mobile'],
      ['ansania', 'ansania-ecommerce'],
      ['ansania', 'affiliate-marketer'],
      ['qutab', 'qutab-platform'],
      ['sinoman', 'koperasi-sinoman'],
    ] as const
  ).map(([tenant, profile]) => ({
    tenant,
    profile,
    endpoint: `/t/${tenant}/trpc`,
    router: PROFILES[profile]!.router as AnyRouter,
  })),
  { tenant: PLATFORM, profile: PLATFORM, endpoint: '/platform/trpc', router: platformApiRouter },
];

/** Every tRPC procedure each tenant (and the platform API) serves, its input schema taken from its REST operation where it has one. */
export function proceduresOf(rest: OperationSpec[]): ProcedureSpec[] {
  const out: ProcedureSpec[] = [];
  for (const { tenant, profile, endpoint, router } of TRPC_ENDPOINTS) {
    const procedures = router._def.procedures as Record<string, AnyProcedure>;
    for (const [path, procedure] of Object.entries(procedures)) {
      const meta = (procedure._def.meta ?? {}) as { openapi?: { method: string; path: string } };
      const twin = meta.openapi
        ? rest.find(
            (op) =>
              op.profile === profile &&
              op.method === meta.openapi!.method.toUpperCase() &&
              op.template === meta.openapi!.path,
          )
        : undefined;
      const properties: Record<string, Schema> = {};
      const required: string[] = [];
      for (const p of twin?.params ?? []) {
        if (p.in === 'header') continue;
        properties[p.name] = p.schema;
        if (p.required) required.push(p.name);
      }
      const body = twin?.body ? mainVariant(twin.body) : {};
      Object.assign(properties, body.properties ?? {});
      required.push(...((body.required as string[] | undefined) ?? []));
      const type = procedure._def.type;
      out.push({
        tenant,
        profile,
        endpoint,
        path,
        type: type === 'query' ? 'query' : 'mutation',
        input: { type: 'object', properties, required },
        secured: twin?.secured ?? /logout|refresh/.test(path),
        uploads: (twin?.uploads.length ?? 0) > 0,
        role: twin?.role ?? (profile === PLATFORM ? 'platform-admin' : 'user'),
      });
    }
  }
  const rank = (p: ProcedureSpec) => (ENDS_SESSION.test(p.path) ? 2 : p.role === 'admin' ? 1 : 0);
  return out.sort((a, b) => rank(a) - rank(b));
}
