import type { ApiError } from '@komisi/api/client';
import { TRPCClientError } from '@trpc/client';
import type { AnyTRPCRouter } from '@trpc/server';

/** The server's stable error codes, plus NETWORK_ERROR when no server answer could be read. */
export type KomisiErrorCode = ApiError['code'] | 'NETWORK_ERROR';

/** What the platform's tRPC errorFormatter puts in `error.data` (the same for every profile). */
interface ErrorData {
  code?: string;
  httpStatus?: number;
  domainCode?: ApiError['code'];
  fields?: Record<string, string[]> | null;
  ruleCode?: string | null;
  requestId?: string | null;
}

/**
 * Every call made through a Komisi client rejects with this. It stays a `TRPCClientError`
 * (so tRPC tooling keeps working) and lifts the domain code, status and invalid fields to the top.
 */
export class KomisiClientError extends TRPCClientError<AnyTRPCRouter> {
  /** e.g. VALIDATION_ERROR, TOKEN_EXPIRED, NOT_FOUND; NETWORK_ERROR when the server was not reached */
  readonly domainCode: KomisiErrorCode;
  /** the HTTP status the server chose, or 0 without an answer */
  readonly httpStatus: number;
  /** invalid input fields and their messages (validation errors), else null */
  readonly fields: Record<string, string[]> | null;
  /** a business rule's own code when it names one (e.g. `VOUCHER_EXPIRED`), else null */
  readonly ruleCode: string | null;

  private constructor(error: TRPCClientError<AnyTRPCRouter>) {
    super(error.message, {
      result: error.shape ? { error: error.shape } : undefined,
      cause: error.cause,
      meta: error.meta,
    });
    // TRPCClientError resets the prototype in its constructor: restore ours for `instanceof`.
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = 'KomisiClientError';
    const data = (error.data ?? undefined) as ErrorData | undefined;
    const response = error.meta?.response as { status?: number } | undefined;
    this.domainCode = data?.domainCode ?? 'NETWORK_ERROR';
    this.httpStatus = data?.httpStatus ?? response?.status ?? 0;
    this.fields = data?.fields ?? null;
    this.ruleCode = data?.ruleCode ?? null;
  }

  /** Wraps anything a call rejected with; a KomisiClientError is returned as it is. */
  static override from(cause: unknown): KomisiClientError {
    if (cause instanceof KomisiClientError) return cause;
    return new KomisiClientError(TRPCClientError.from(cause instanceof Error ? cause : Object(cause)));
  }
}

export function isKomisiError(e: unknown): e is KomisiClientError {
  return e instanceof KomisiClientError;
}

/** A 401: the access token is missing, expired (TOKEN_EXPIRED) or its session has ended. */
export function isUnauthorized(e: unknown): boolean {
  const data = (e instanceof TRPCClientError ? e.data : undefined) as ErrorData | undefined;
  return data?.httpStatus === 401 || data?.code === 'UNAUTHORIZED';
}
