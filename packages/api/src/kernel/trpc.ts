import { DomainError, validationError } from '@komisi/domain';
import { type AnyProcedure, initTRPC, TRPCError } from '@trpc/server';
import type { OpenApiMeta } from 'trpc-to-openapi';
import type { ApiContext } from './api-context.ts';
import { type AuditContext, auditedTransaction } from './audit/audited-transaction.ts';
import type { AccessClaims } from './auth/access-token.ts';
import { REASON, TRPC_CODE, toApiError } from './error-map.ts';
import { domainErrorFromDatabase } from './input/database-errors.ts';
import { findUnsafeText } from './input/unsafe-text.ts';
import { trpcTransformer } from './trpc-transformer.ts';

export interface KomisiMeta {
  /** the `message` the profile's envelope carries on success */
  message?: string;
  /** HTTP status of a successful REST call (default 200) */
  successStatus?: number;
  /** error statuses the operation can answer beyond those its shape implies (documented in OpenAPI) */
  errors?: number[];
  /**
   * A file answer instead of JSON (e.g. `application/pdf`): the procedure returns `{ filename, base64 }`
   * (what tRPC callers get) and the REST handler sends the decoded bytes as an attachment.
   */
  produces?: string;
  /**
   * Fields that arrive as files (`multipart/form-data` on REST). The REST handler hands each file to
   * the procedure as a base64 string, which is also what tRPC callers send.
   */
  uploads?: string[];
  /** the largest file the operation takes (default 5 MB): its request body caps follow from it */
  maxFileBytes?: number;
  /**
   * A sign-in, token refresh or password-reset step. Such calls are throttled one by one, so a tRPC
   * batch may not carry them beside other calls (see `credentialProcedure`).
   */
  credentials?: boolean;
  /**
   * A provider's webhook, authenticated by its own key: not charged to the sender's request budget
   * (a provider posts every status of every message from a few addresses).
   */
  webhook?: boolean;
  /**
   * How an admin mutation is audited (see `adminProcedure`). Default: in the action's own
   * transaction. `after`: the action commits its own work (a job run): it runs outside a transaction
   * and its entry is written once it succeeded. `false`: not an action (a preview that changes nothing).
   */
  audit?: false | 'after';
}

/** The most calls one tRPC batch may carry; larger batches get a 400 (the SDK batches at most this many). */
export const MAX_TRPC_BATCH = 20;

const MB = 1024 * 1024;
/** The largest file an upload takes unless its operation says otherwise (`maxFileBytes`). */
export const DEFAULT_MAX_FILE_BYTES = 5 * MB;
/** The most a multipart REST body may weigh: a 5 MB image plus its fields and framing. */
export const MAX_UPLOAD_BODY_BYTES = DEFAULT_MAX_FILE_BYTES + MB;
/** The most an upload may weigh as JSON with base64 files (REST or tRPC): base64 is a third larger. */
export const MAX_JSON_UPLOAD_BODY_BYTES = Math.ceil((MAX_UPLOAD_BODY_BYTES * 4) / 3);
/** The most any other request body may weigh. */
export const MAX_JSON_BODY_BYTES = MB;

/**
 * The caps of one operation's body: multipart (REST) and JSON (REST, tRPC), from its largest file
 * and how many files it takes (two 5 MB progress photos fit in one request).
 */
export function bodyCaps(meta: Pick<KomisiMeta, 'uploads' | 'maxFileBytes'> | undefined): {
  multipart: number;
  json: number;
} {
  if (!meta?.uploads?.length) return { multipart: 0, json: MAX_JSON_BODY_BYTES };
  const multipart = (meta.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES) * meta.uploads.length + MB;
  return { multipart, json: Math.ceil((multipart * 4) / 3) };
}

const trpcCaps = new WeakMap<object, number>();

/**
 * The most a tRPC request to this router may weigh: read before the procedure is known, so the
 * largest of its operations' JSON caps (at least the common upload cap).
 */
export function trpcBodyCap(router: { _def: { procedures: object } }): number {
  let cap = trpcCaps.get(router);
  if (cap === undefined) {
    cap = MAX_JSON_UPLOAD_BODY_BYTES;
    for (const procedure of Object.values(router._def.procedures) as AnyProcedure[]) {
      cap = Math.max(cap, bodyCaps(procedure._def.meta as Meta | undefined).json);
    }
    trpcCaps.set(router, cap);
  }
  return cap;
}

/** What a procedure whose meta `produces` a file returns. */
export interface FileOutput {
  filename: string;
  base64: string;
}

export type Meta = OpenApiMeta<KomisiMeta>;

/** SDK users get the stable domain code and the invalid fields, never internals (tenant and platform APIs alike). */
export function formatTrpcError<Shape extends { message: string; data: { code: string } }>({
  shape,
  error,
}: {
  shape: Shape;
  error: TRPCError;
}) {
  const api = toApiError(error);
  return {
    ...shape,
    // the normalised message: a sentence, never zod's issue list as JSON (the fields carry the details)
    message: api.message,
    data: {
      code: shape.data.code,
      httpStatus: api.status,
      domainCode: api.code,
      fields: api.fields ?? null,
      /** a rule's own code when it names one (e.g. VOUCHER_EXPIRED) */
      ruleCode: ruleCodeOf(api.details),
      requestId: null as string | null,
    },
  };
}

const t = initTRPC
  .context<ApiContext>()
  .meta<Meta>()
  .create({ transformer: trpcTransformer, errorFormatter: formatTrpcError });

function ruleCodeOf(details: unknown): string | null {
  const code = (details as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : null;
}

export const router = t.router;
export const mergeRouters = t.mergeRouters;
export const createCallerFactory = t.createCallerFactory;

/** A failed call's DomainError (or the database refusal standing for one) as the TRPCError of its code. */
export function rethrowDomainError<R extends { ok: boolean; error?: TRPCError }>(result: R): R {
  if (result.ok || !result.error) return result;
  const cause =
    result.error.cause instanceof DomainError
      ? result.error.cause
      : domainErrorFromDatabase(result.error.cause);
  if (cause) throw new TRPCError({ code: TRPC_CODE[cause.code], message: cause.message, cause });
  return result;
}

export function refuseUnsafeText(input: unknown): void {
  const unsafe = findUnsafeText(input);
  if (unsafe) throw validationError({ [unsafe.field]: [unsafe.message] });
}

/** A DomainError as the TRPCError of its code (the cause keeps the domain code). */
function asTrpcError(e: unknown): unknown {
  return e instanceof DomainError
    ? new TRPCError({ code: TRPC_CODE[e.code], message: e.message, cause: e })
    : e;
}

/**
 * What every procedure does first:
 * - a call of a tRPC batch past the tenant's request budget is refused on its own (see
 *   `ApiContext.callsAllowed`);
 * - text PostgreSQL cannot store (NUL, lone surrogates) or absurd nesting is refused before any
 *   schema or service sees it, naming the field: REST bodies, query strings and path parameters
 *   arrive here as the same raw input as tRPC calls.
 */
async function guardCall(ctx: ApiContext, batchIndex: number, getRawInput: () => Promise<unknown>) {
  if (ctx.callsAllowed !== undefined && batchIndex >= ctx.callsAllowed)
    throw new DomainError('RATE_LIMITED', 'Too many requests, please try again later.');
  refuseUnsafeText(await getRawInput());
}

/**
 * `guardCall` as the chain's first middleware. Services throw DomainError; tRPC wants TRPCError: a
 * failed call's DomainError, or a database refusal the client caused (a raced unique key, a value
 * out of a column's range), becomes the TRPCError of its code here, once for REST and tRPC.
 */
const callGuard = t.middleware(async ({ ctx, batchIndex, getRawInput, next }) => {
  try {
    await guardCall(ctx, batchIndex, getRawInput);
  } catch (e) {
    throw asTrpcError(e);
  }
  return rethrowDomainError(await next());
});

export const publicProcedure = t.procedure.use(callGuard);

/** Sign-in, refresh and password-reset steps: never batched with other calls. */
export const credentialProcedure = publicProcedure.meta({ credentials: true });

/** Why a tRPC request may not run as sent: a batch with a credential step among other calls. */
export function batchRefusal(procedures: readonly (AnyProcedure | null)[]): string | null {
  if (procedures.length < 2) return null;
  const credential = procedures.some((p) => (p?._def.meta as Meta | undefined)?.credentials === true);
  return credential
    ? 'Sign-in, token refresh and password reset calls cannot be batched: send each on its own.'
    : null;
}

/** The token of an `Authorization: Bearer …` header. */
export function bearerToken(header: string | undefined): string | undefined {
  return header?.match(/^Bearer\s+(\S+)$/i)?.[1];
}

async function claimsOf(ctx: ApiContext): Promise<AccessClaims | null> {
  const token = bearerToken(ctx.authorization);
  if (!token) return null;
  return ctx.authenticator.authenticate(ctx.scope(), token);
}

/**
 * `callGuard` and the caller's token in one middleware (each level of tRPC's chain copies the
 * call's options twice and the context once more when it grows, so a level costs on every call):
 * `optional` lets anonymous callers pass with `auth: null`; otherwise 401 without a valid token,
 * and 403 without `role` when one is named.
 */
function authGuard<Optional extends boolean>(options: { optional: Optional; role?: 'admin' }) {
  return t.middleware(async ({ ctx, batchIndex, getRawInput, next }) => {
    let auth: AccessClaims | null;
    try {
      await guardCall(ctx, batchIndex, getRawInput);
      auth = await claimsOf(ctx);
      if (!auth && !options.optional) {
        throw new DomainError('UNAUTHORIZED', 'Unauthenticated. Please provide a valid Bearer token.', {
          reason: REASON.TOKEN_MISSING,
        });
      }
      if (options.role && !auth?.roles.includes(options.role))
        throw new DomainError('FORBIDDEN', `This action requires the ${options.role} role.`);
    } catch (e) {
      throw asTrpcError(e);
    }
    return rethrowDomainError(
      await next({ ctx: { auth: auth as Optional extends true ? AccessClaims | null : AccessClaims } }),
    );
  });
}

/** Authenticates when a token is sent; anonymous callers pass with `auth: null`. */
export const optionalAuthProcedure = t.procedure.use(authGuard({ optional: true }));

export const authedProcedure = t.procedure.use(authGuard({ optional: false }));

const requireAdmin = t.procedure.use(authGuard({ optional: false, role: 'admin' }));

/** Rolls an audited action's transaction back when the procedure failed (tRPC hands failures back as results). */
class FailedAction {
  constructor(readonly result: unknown) {}
}

/**
 * An administrator's procedure (401 without a token, 403 without the admin role). Every mutation is
 * audited: it runs in one transaction (the services' own `inTransaction` calls join it) that also
 * writes its audit entry (who, what, the request id, the redacted input, and before/after: what the
 * services recorded through `scope.audit`, else the answer). A failed mutation rolls back and leaves
 * no entry. REST calls run the same procedures, so they are audited alike. See `Meta.audit`.
 */
export const adminProcedure = requireAdmin.use(async ({ ctx, type, path, meta, getRawInput, next }) => {
  if (type !== 'mutation' || meta?.audit === false) return next();
  const context: AuditContext = {
    action: path,
    actor: { role: 'admin', id: ctx.auth.accountId },
    requestId: ctx.requestId,
    ip: ctx.ip,
    input: await getRawInput(),
    files: meta?.uploads,
  };
  const answerOf = (result: { ok: boolean; data?: unknown }) => result.data;
  if (meta?.audit === 'after') {
    const result = await next();
    if (!result.ok) return result;
    return auditedTransaction(ctx.scope(), ctx.auditTrail, context, async () => result, answerOf);
  }
  try {
    return await auditedTransaction(
      ctx.scope(),
      ctx.auditTrail,
      context,
      async (tx) => {
        const result = await next({ ctx: { scope: () => tx } });
        if (!result.ok) throw new FailedAction(result);
        return result;
      },
      answerOf,
    );
  } catch (e) {
    if (e instanceof FailedAction) return e.result as Awaited<ReturnType<typeof next>>;
    throw e;
  }
});
