/**
 * Tokens whose signature and claims were verified, by the exact token text: a client sends the same
 * access token with each of its calls, and checking its HMAC again (a fresh OpenSSL context per
 * call) is most of an authenticated read's token cost. A hit stands for nothing the text does not
 * prove: another token, however alike, is verified in full, and a remembered one is still refused
 * once its `exp` has passed. Sessions are revoked elsewhere (the session check), not here.
 */
export class VerifiedTokens<T> {
  readonly #entries = new Map<string, { value: T; expiresAtSeconds: number }>();
  readonly #capacity: number;

  constructor(capacity = 10_000) {
    this.#capacity = capacity;
  }

  /** The remembered value of `token` while it is unexpired at `nowSeconds`, else undefined (and forgotten). */
  get(token: string, nowSeconds: number): T | undefined {
    const entry = this.#entries.get(token);
    if (!entry) return undefined;
    if (entry.expiresAtSeconds <= nowSeconds) {
      this.#entries.delete(token);
      return undefined;
    }
    return entry.value;
  }

  /** Remembers a verified token until `expiresAtSeconds`; the oldest entry makes room when full. */
  remember(token: string, value: T, expiresAtSeconds: number): void {
    if (this.#entries.size >= this.#capacity && !this.#entries.has(token)) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    this.#entries.set(token, { value, expiresAtSeconds });
  }

  get size(): number {
    return this.#entries.size;
  }
}
