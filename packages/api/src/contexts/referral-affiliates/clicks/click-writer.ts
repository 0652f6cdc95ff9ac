// Referral clicks are written in batches, off the request path: a redirect only appends to memory.

export interface ClickWriterLog {
  warn(obj: Record<string, unknown>, msg: string): void;
  error(obj: Record<string, unknown>, msg: string): void;
}

export interface ClickWriterOptions {
  /** a partial batch is written this long after its first click */
  flushIntervalMs?: number;
  /** a batch this full is written at once */
  maxBatch?: number;
  /** past this many waiting clicks (the database is down) the oldest are dropped */
  maxBuffered?: number;
  /** first retry delay after a failed write; doubles per failure up to `retryMaxMs` */
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** how long `close()` keeps retrying before it gives the rest up */
  closeTimeoutMs?: number;
  log?: ClickWriterLog;
  /**
   * Failures retrying cannot fix (a constraint or data error: SQLSTATE classes 22 and 23 by
   * default): the batch is logged and dropped instead of blocking every later click.
   */
  isPermanent?: (err: unknown) => boolean;
}

const WARN_EVERY_MS = 5_000;

export function isPermanentDatabaseError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^2[23][0-9A-Z]{3}$/.test(code);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref?.());

/**
 * Buffers items in memory and hands them to `sink` in batches: every `flushIntervalMs` or as soon
 * as `maxBatch` are waiting, one write at a time. `record` is synchronous and never waits for the
 * sink. A failed write keeps its items (in order, at the front) and is retried with backoff;
 * while it backs off, full batches do not trigger writes. The buffer is bounded (`maxBuffered`):
 * beyond it the oldest items are dropped with a warning. `close()` writes what is left.
 */
export class ClickWriter<T> {
  readonly #sink: (batch: T[]) => Promise<void>;
  readonly #intervalMs: number;
  readonly #maxBatch: number;
  readonly #maxBuffered: number;
  readonly #retryBaseMs: number;
  readonly #retryMaxMs: number;
  readonly #closeTimeoutMs: number;
  readonly #log: ClickWriterLog | undefined;
  readonly #isPermanent: (err: unknown) => boolean;
  #queue: T[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;
  #timerDue = 0;
  #running: Promise<void> | undefined;
  #failures = 0;
  #closed = false;
  #dropped = 0;
  #unreportedDrops = 0;
  #lastDropWarning = 0;

  constructor(sink: (batch: T[]) => Promise<void>, options: ClickWriterOptions = {}) {
    this.#sink = sink;
    this.#intervalMs = options.flushIntervalMs ?? 250;
    this.#maxBatch = options.maxBatch ?? 500;
    this.#maxBuffered = options.maxBuffered ?? 100_000;
    this.#retryBaseMs = options.retryBaseMs ?? 200;
    this.#retryMaxMs = options.retryMaxMs ?? 10_000;
    this.#closeTimeoutMs = options.closeTimeoutMs ?? 10_000;
    this.#log = options.log;
    this.#isPermanent = options.isPermanent ?? isPermanentDatabaseError;
  }

  /** items waiting to be written (not counting a batch being written) */
  get buffered(): number {
    return this.#queue.length;
  }

  /** items given up so far (buffer bound, refused batches, lost at close or recorded after it) */
  get dropped(): number {
    return this.#dropped;
  }

  record(item: T): void {
    if (this.#closed) {
      this.#drop(1);
      return;
    }
    this.#queue.push(item);
    this.#bound();
    if (this.#running) return; // the running write looks at the queue again when it ends
    if (this.#failures > 0) return; // a retry is scheduled
    this.#schedule(this.#queue.length >= this.#maxBatch ? 0 : this.#intervalMs);
  }

  /** Writes what is buffered, retrying failures, until empty or `closeTimeoutMs`; later records are dropped. */
  async close(): Promise<void> {
    this.#closed = true;
    this.#clearTimer();
    const deadline = Date.now() + this.#closeTimeoutMs;
    for (;;) {
      await this.#running;
      if (this.#queue.length === 0) break;
      const left = deadline - Date.now();
      if (left <= 0) {
        const lost = this.#queue.length;
        this.#queue = [];
        this.#dropped += lost;
        this.#log?.error({ lost }, 'referral clicks lost: the database did not take them before shutdown');
        break;
      }
      if (this.#failures > 0) await sleep(Math.min(this.#backoffMs(), left));
      await this.#drain();
    }
  }

  #schedule(delayMs: number): void {
    const due = Date.now() + delayMs;
    if (this.#timer && this.#timerDue <= due) return;
    this.#clearTimer();
    this.#timerDue = due;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.#drain();
    }, delayMs);
    this.#timer.unref?.();
  }

  #clearTimer(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #backoffMs(): number {
    return Math.min(this.#retryMaxMs, this.#retryBaseMs * 2 ** Math.max(0, this.#failures - 1));
  }

  /** One writer at a time: batch after batch while full ones wait (or all of them when closing). */
  #drain(): Promise<void> {
    this.#running ??= this.#writeBatches().finally(() => {
      this.#running = undefined;
      if (this.#closed || this.#queue.length === 0) return;
      if (this.#failures > 0) this.#schedule(this.#backoffMs());
      else this.#schedule(this.#queue.length >= this.#maxBatch ? 0 : this.#intervalMs);
    });
    return this.#running;
  }

  async #writeBatches(): Promise<void> {
    let first = true;
    while (this.#queue.length > 0 && (first || this.#closed || this.#queue.length >= this.#maxBatch)) {
      first = false;
      const batch = this.#queue.splice(0, this.#maxBatch);
      try {
        await this.#sink(batch);
        this.#failures = 0;
      } catch (err) {
        if (this.#isPermanent(err)) {
          this.#dropped += batch.length;
          this.#log?.error({ err, count: batch.length }, 'referral clicks refused by the database: dropped');
          continue;
        }
        this.#queue.unshift(...batch);
        this.#failures++;
        this.#bound();
        this.#log?.warn(
          { err, buffered: this.#queue.length, retryInMs: this.#backoffMs() },
          'writing referral clicks failed: kept in memory, retrying',
        );
        return;
      }
    }
  }

  #bound(): void {
    const excess = this.#queue.length - this.#maxBuffered;
    if (excess > 0) {
      this.#queue.splice(0, excess);
      this.#drop(excess);
    }
  }

  #drop(n: number): void {
    this.#dropped += n;
    this.#unreportedDrops += n;
    const now = Date.now();
    if (now - this.#lastDropWarning < WARN_EVERY_MS) return;
    this.#log?.warn(
      { dropped: this.#unreportedDrops, droppedTotal: this.#dropped, buffered: this.#queue.length },
      'referral clicks dropped: buffer full or writer closed',
    );
    this.#unreportedDrops = 0;
    this.#lastDropWarning = now;
  }
}
