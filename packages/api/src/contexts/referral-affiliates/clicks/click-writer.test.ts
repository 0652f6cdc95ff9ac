import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ClickWriter } from './click-writer.ts';

interface Logged {
  level: 'warn' | 'error';
  obj: Record<string, unknown>;
  msg: string;
}

function fixture(sinkImpl?: (batch: number[]) => Promise<void>, options = {}) {
  const batches: number[][] = [];
  const logged: Logged[] = [];
  const sink = vi.fn(async (batch: number[]) => {
    if (sinkImpl) await sinkImpl(batch);
    batches.push([...batch]);
  });
  const log = {
    warn: (obj: Record<string, unknown>, msg: string) => logged.push({ level: 'warn', obj, msg }),
    error: (obj: Record<string, unknown>, msg: string) => logged.push({ level: 'error', obj, msg }),
  };
  const writer = new ClickWriter<number>(sink, { log, ...options });
  const written = () => batches.flat();
  return { writer, sink, batches, written, logged };
}

const range = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('ClickWriter', () => {
  it('writes what was recorded 250 ms after the first click, in one batch', async () => {
    const { writer, batches } = fixture();
    for (const n of range(1, 10)) writer.record(n);
    await vi.advanceTimersByTimeAsync(249);
    expect(batches).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(batches).toEqual([range(1, 10)]);
  });

  it('writes a full batch of 500 at once, without waiting for the timer', async () => {
    const { writer, batches } = fixture();
    for (const n of range(1, 501)) writer.record(n);
    await vi.advanceTimersByTimeAsync(1);
    expect(batches).toEqual([range(1, 500)]);
    await vi.advanceTimersByTimeAsync(250);
    expect(batches).toEqual([range(1, 500), [501]]);
  });

  it('close() writes everything still buffered, in order, in batches of at most 500', async () => {
    const { writer, batches, written } = fixture();
    for (const n of range(1, 1234)) writer.record(n);
    await writer.close();
    expect(written()).toEqual(range(1, 1234));
    expect(batches.every((b) => b.length <= 500)).toBe(true);
  });

  it('never makes a caller wait for the sink: recording is synchronous while a write hangs', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => {
      release = r;
    });
    const { writer, sink, written } = fixture(() => held);
    writer.record(1);
    await vi.advanceTimersByTimeAsync(250);
    expect(sink).toHaveBeenCalledTimes(1);
    // the write hangs; recording goes on and returns nothing to await
    for (const n of range(2, 599)) expect(writer.record(n)).toBeUndefined();
    expect(writer.buffered).toBe(599);
    release();
    await writer.close();
    expect(written()).toEqual(range(1, 600));
  });

  it('keeps the clicks of a failed write and retries with growing backoff', async () => {
    let failures = 2;
    const { writer, sink, written, logged } = fixture(
      async () => {
        if (failures-- > 0) throw new Error('connection refused');
      },
      { retryBaseMs: 100 },
    );
    for (const n of range(1, 3)) writer.record(n);
    await vi.advanceTimersByTimeAsync(250); // first try fails
    expect(sink).toHaveBeenCalledTimes(1);
    writer.record(4);
    await vi.advanceTimersByTimeAsync(99);
    expect(sink).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1); // retry after 100 ms fails
    expect(sink).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(199);
    expect(sink).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1); // then after 200 ms it works
    expect(written()).toEqual(range(1, 4));
    expect(logged.filter((l) => l.level === 'warn')).toHaveLength(2);
    expect(writer.buffered).toBe(0);
  });

  it('does not hammer a failing database when batches fill up during the backoff', async () => {
    const { writer, sink } = fixture(
      async () => {
        throw new Error('down');
      },
      { retryBaseMs: 1000 },
    );
    writer.record(0);
    await vi.advanceTimersByTimeAsync(250);
    for (const n of range(1, 2000)) writer.record(n);
    await vi.advanceTimersByTimeAsync(999);
    expect(sink).toHaveBeenCalledTimes(1);
  });

  it('past the bound drops the oldest clicks and warns with the count', async () => {
    const { writer, written, logged } = fixture(
      async () => {
        throw new Error('down');
      },
      { maxBuffered: 1000, retryBaseMs: 60_000 },
    );
    writer.record(0);
    await vi.advanceTimersByTimeAsync(250); // fails: back in the buffer, retry in a minute
    for (const n of range(1, 1499)) writer.record(n);
    expect(writer.buffered).toBe(1000);
    expect(writer.dropped).toBe(500);
    const warning = logged.find((l) => l.msg.includes('dropped'));
    expect(warning?.obj.dropped).toBe(1);
    expect(written()).toEqual([]);
  });

  it('drops (and logs) a batch the database refuses for good instead of retrying it forever', async () => {
    const refused = Object.assign(new Error('violates foreign key constraint'), { code: '23503' });
    let first = true;
    const { writer, written, logged } = fixture(async () => {
      if (first) {
        first = false;
        throw refused;
      }
    });
    for (const n of range(1, 3)) writer.record(n);
    await vi.advanceTimersByTimeAsync(250);
    writer.record(4);
    await writer.close();
    expect(written()).toEqual([4]);
    expect(logged.find((l) => l.level === 'error')?.obj.count).toBe(3);
  });

  it('close() gives up after its deadline and logs how many clicks are lost', async () => {
    const { writer, logged } = fixture(
      async () => {
        throw new Error('down');
      },
      { closeTimeoutMs: 5_000, retryBaseMs: 100 },
    );
    for (const n of range(1, 42)) writer.record(n);
    const closing = writer.close();
    await vi.advanceTimersByTimeAsync(6_000);
    await closing;
    expect(logged.find((l) => l.level === 'error')?.obj.lost).toBe(42);
    expect(writer.buffered).toBe(0);
    writer.record(43); // after close: counted as dropped, not buffered
    expect(writer.buffered).toBe(0);
  });
});
