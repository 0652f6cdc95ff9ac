import autocannon, { type AutocannonRequest, type Result } from 'autocannon';
import { backgroundCpu } from './machine.ts';
import { settings } from './settings.ts';

export interface Measurement {
  /** successful (2xx) responses per second of the measured window */
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  /** share of all cores busy with other work just before the run (null if unknown) */
  backgroundCpu: number | null;
}

function summarise(r: Result, backgroundCpu: number | null): Measurement {
  return {
    backgroundCpu,
    rps: r['2xx'] / r.duration,
    p50: r.latency.p50,
    p99: r.latency.p99,
    requests: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    statusCodes: Object.fromEntries(Object.entries(r.statusCodeStats ?? {}).map(([k, v]) => [k, v.count])),
  };
}

/** A warm-up (discarded) and then the measured run, both from this process. */
export async function load(url: string, requests: () => AutocannonRequest[]): Promise<Measurement> {
  const base = { url, connections: settings.connections, timeout: 10 };
  const background = await backgroundCpu();
  if (settings.warmupSeconds > 0) {
    await autocannon({ ...base, duration: settings.warmupSeconds, requests: requests() });
  }
  return summarise(
    await autocannon({ ...base, duration: settings.seconds, requests: requests() }),
    background,
  );
}
