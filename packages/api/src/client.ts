/**
 * The routers as clients see them: each profile's procedures with their input and output types,
 * the error shape and the transformer, and nothing of the server (its context, services, meta).
 * The SDK bundles these declarations, so a frontend type-checks against them without the server's
 * dependencies (MikroORM, Hono, pino...) installed. Import types only: `import type { ... }`.
 */
import type {
  AnyTRPCProcedure,
  AnyTRPCRouter,
  TRPCBuiltRouter,
  TRPCMutationProcedure,
  TRPCQueryProcedure,
} from '@trpc/server';
import { platformApiRouter } from './composition/platform-api/platform.router.ts';
import { router } from './kernel/trpc.ts';
import { affiliateRouter } from './profiles/affiliate-marketer/affiliate.router.ts';
import { ansaniaRouter } from './profiles/ansania-ecommerce/ansania.router.ts';
import { dtehmRouter } from './profiles/dtehm-mobile/dtehm.router.ts';
import { sinomanRouter } from './profiles/koperasi-sinoman/sinoman.router.ts';
import { qutabRouter } from './profiles/qutab-platform/qutab.router.ts';
import { consoleRouter } from './profiles/shared/console/router.ts';

/**
 * The same router, typed for clients. The mapping type is declared inside the function on
 * purpose: declaration emit cannot name it from outside, so it writes the resulting types out in
 * full, and the emitted `.d.ts` of each router names only @trpc/server and the domain's codes.
 */
function forClients<R extends AnyTRPCRouter>(router: R) {
  type ClientRecord<TRecord> = {
    [K in keyof TRecord]: TRecord[K] extends TRPCQueryProcedure<infer D>
      ? TRPCQueryProcedure<{ input: D['input']; output: D['output']; meta: object }>
      : TRecord[K] extends TRPCMutationProcedure<infer D>
        ? TRPCMutationProcedure<{ input: D['input']; output: D['output']; meta: object }>
        : TRecord[K] extends AnyTRPCProcedure
          ? never
          : ClientRecord<TRecord[K]>;
  };
  type Root = R['_def']['_config']['$types'];
  return router as unknown as TRPCBuiltRouter<
    { ctx: object; meta: object; errorShape: Root['errorShape']; transformer: true },
    ClientRecord<R['_def']['record']>
  >;
}

const dtehmClientRouter = forClients(dtehmRouter);
const ansaniaClientRouter = forClients(ansaniaRouter);
const affiliateMarketerClientRouter = forClients(affiliateRouter);
const qutabClientRouter = forClients(qutabRouter);
const sinomanClientRouter = forClients(sinomanRouter);
const platformClientRouter = forClients(platformApiRouter);
// what every tenant's router has (`console.*`): one client type for the admin console, whatever the tenant
const consoleClientRouter = forClients(router({ console: consoleRouter }));

export type DtehmRouter = typeof dtehmClientRouter;
export type AnsaniaRouter = typeof ansaniaClientRouter;
export type AffiliateMarketerRouter = typeof affiliateMarketerClientRouter;
export type QutabRouter = typeof qutabClientRouter;
export type SinomanRouter = typeof sinomanClientRouter;
/**
 * The admin console's procedures (`console.*`), which every tenant's router has: a client of this
 * type works against any tenant's `/trpc` (dtehm-mobile's adds `console.previewMlmPlan`, on DtehmRouter).
 */
export type ConsoleRouter = typeof consoleClientRouter;
/** The platform administrators' API (`/platform/trpc`): tenants and their settings. */
export type PlatformRouter = typeof platformClientRouter;

/** What a failed call carries (the SDK's error reads it). */
export type { ApiError } from './kernel/error-map.ts';
