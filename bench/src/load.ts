import autocannon, { type AutocannonRequest, type Result } from 'autocannon';
import { backgroundCpu } from './machine.ts';
import { settings } from './settings.ts';

/** which responses count as success: 2xx, or 3xx for a redirect endpoint */
export type Success = '2xx' | '3xx';

export interface Measurement {
  /** successful (2xx, or 3xx for a redirect scenario) responses per second of the measured window */
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  /** responses other than the expected success (the name predates redirect scenarios) */
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  /** share of all cores busy with other work just before the run (null if unknown) */
  backgroundCpu: number | null;
  /** the server's resident memory right after the load, in MB (set by the caller) */
  rssMb?: number | null;
}

function summarise(r: Result, backgroundCpu: number | null, success: Success): Measurement {
  const ok = success === '3xx' ? r['3xx'] : r['2xx'];
  return {
    backgroundCpu,
    rps: ok / r.duration,
    p50: r.latency.p50,
    p99: r.latency.p99,
    requests: r.requests.total,
    non2xx: success === '3xx' ? r.non2xx - r['3xx'] + r['2xx'] : r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    statusCodes: Object.fromEntries(Object.entries(r.statusCodeStats ?? {}).map(([k, v]) => [k, v.count])),
  };
}

/** A warm-up (discarded) and then the measured run, both from this process. */
export async function load(
  url: string,
  requests: () => AutocannonRequest[],
  success: Success = '2xx',
  connections: number = settings.connections,
): Promise<Measurement> {
  const base = { url, connections, timeout: 10 };
  const background = await backgroundCpu();
  if (settings.warmupSeconds > 0) {
    await autocannon({ ...base, duration: settings.warmupSeconds, requests: requests() });
  }
  return summarise(
    await autocannon({ ...base, duration: settings.seconds, requests: requests() }),
    background,
    success,
  );
}
