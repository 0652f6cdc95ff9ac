import { hasText, providerError } from '../gateway-api.ts';

export interface PesapalApiOptions {
  /** e.g. https://cybqa.pesapal.com/pesapalv3 (sandbox) or https://pay.pesapal.com/v3 (live) */
  baseUrl: string;
  consumerKey: string;
  consumerSecret: string;
  fetch?: typeof fetch;
  now?: () => Date;
}

/** Pesapal's error object. Status responses carry one with all-null fields even on success. */
interface PesapalApiError {
  error_type?: string | null;
  code?: string | null;
  message?: string | null;
}

export interface PesapalEnvelope {
  error?: PesapalApiError | null;
  status?: string | number | null;
}

interface TokenResponse extends PesapalEnvelope {
  token?: string | null;
  expiryDate?: string | null;
}

interface CachedToken {
  value: string;
  /** epoch ms after which we stop using it */
  refreshAt: number;
}

const TIMEOUT_MS = 10_000;
/** Stop using a token this long before Pesapal says it expires, to absorb latency and clock skew. */
const TOKEN_MARGIN_MS = 30_000;
/** Pesapal tokens live 5 minutes; used only when expiryDate is unreadable. */
const FALLBACK_TOKEN_LIFE_MS = 4 * 60_000;

/** The Pesapal error in a body, if any: a filled `error` object or a non-200 `status`. */
function apiErrorOf(body: PesapalEnvelope): PesapalApiError | null {
  const error = body.error;
  if (error && (hasText(error.code) || hasText(error.message) || hasText(error.error_type))) return error;
  if (body.status != null && String(body.status) !== '200') return { code: `status_${body.status}` };
  return null;
}

export function assertNoApiError(body: PesapalEnvelope, operation: string): void {
  const error = apiErrorOf(body);
  if (!error) return;
  // Pesapal's codes and messages hold no secrets; they help support trace the failure.
  throw providerError(`Pesapal ${operation} failed: ${error.code ?? 'unknown error'}`, {
    operation,
    code: error.code ?? null,
    message: error.message ?? null,
    status: body.status ?? null,
  });
}

/** Pesapal writes UTC with up to 7 fractional digits, sometimes without a zone designator. */
function parseExpiry(expiryDate: string | null | undefined): number {
  if (!hasText(expiryDate)) return Number.NaN;
  const zoned = /(Z|[+-]\d\d:?\d\d)$/i.test(expiryDate) ? expiryDate : `${expiryDate}Z`;
  return Date.parse(zoned);
}

/** Pesapal API 3.0's calls, each with a bearer token, requested once and renewed before it expires. */
export class PesapalApi {
  readonly #baseUrl: string;
  readonly #consumerKey: string;
  readonly #consumerSecret: string;
  readonly #fetch: typeof fetch;
  readonly #now: () => Date;
  #token: CachedToken | null = null;
  // An in-flight request is shared so concurrent callers trigger one request, not one each.
  #tokenRequest: Promise<CachedToken> | null = null;

  constructor(options: PesapalApiOptions) {
    this.#baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.#consumerKey = options.consumerKey;
    this.#consumerSecret = options.consumerSecret;
    this.#fetch = options.fetch ?? globalThis.fetch;
    this.#now = options.now ?? (() => new Date());
  }

  /** A call with a bearer token; a 401 means the token died early, so fetch a new one and retry once. */
  async authorized<T>(method: 'GET' | 'POST', path: string, payload?: unknown): Promise<T> {
    let token = await this.#validToken();
    let response = await this.#send(method, path, payload, token.value);
    if (response.status === 401) {
      await response.body?.cancel();
      this.#dropToken(token);
      token = await this.#validToken();
      response = await this.#send(method, path, payload, token.value);
    }
    return this.#readJson<T>(response, path);
  }

  async #validToken(): Promise<CachedToken> {
    if (this.#token && this.#now().getTime() < this.#token.refreshAt) return this.#token;
    if (!this.#tokenRequest) {
      this.#tokenRequest = this.#requestToken().finally(() => {
        this.#tokenRequest = null;
      });
    }
    return this.#tokenRequest;
  }

  #dropToken(token: CachedToken): void {
    if (this.#token === token) this.#token = null;
  }

  async #requestToken(): Promise<CachedToken> {
    const path = '/api/Auth/RequestToken';
    const response = await this.#send('POST', path, {
      consumer_key: this.#consumerKey,
      consumer_secret: this.#consumerSecret,
    });
    const body = await this.#readJson<TokenResponse>(response, path);
    assertNoApiError(body, 'RequestToken');
    if (!hasText(body.token)) {
      throw providerError('Pesapal RequestToken returned no token', { operation: 'RequestToken' });
    }
    const now = this.#now().getTime();
    const expiry = parseExpiry(body.expiryDate);
    const refreshAt = Number.isNaN(expiry) ? now + FALLBACK_TOKEN_LIFE_MS : expiry - TOKEN_MARGIN_MS;
    this.#token = { value: body.token, refreshAt };
    return this.#token;
  }

  async #send(method: string, path: string, payload: unknown, token?: string): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (payload !== undefined) headers['Content-Type'] = 'application/json';
    if (token) headers.Authorization = `Bearer ${token}`;
    try {
      return await this.#fetch(`${this.#baseUrl}${path}`, {
        method,
        headers,
        body: payload === undefined ? undefined : JSON.stringify(payload),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (cause) {
      // The cause is a network or abort error; it never contains the request body (and so no secret).
      throw providerError(`Pesapal request failed: ${pathName(path)}`, { path: pathName(path) }, cause);
    }
  }

  async #readJson<T>(response: Response, path: string): Promise<T> {
    const where = pathName(path);
    if (!response.ok) {
      await response.body?.cancel();
      throw providerError(`Pesapal ${where} answered HTTP ${response.status}`, {
        path: where,
        httpStatus: response.status,
      });
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch (cause) {
      throw providerError(`Pesapal ${where} answered with invalid JSON`, { path: where }, cause);
    }
    if (body === null || typeof body !== 'object') {
      throw providerError(`Pesapal ${where} answered with an unexpected body`, { path: where });
    }
    return body as T;
  }
}

/** The path without its query string, so references stay out of error messages. */
function pathName(path: string): string {
  return path.split('?')[0] ?? path;
}
